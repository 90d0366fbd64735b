// An article embed in a React 19 app. React 19 sets `src` as an attribute. It also adds an
// `onreader-widget-ready` prop (and the like) as a listener when it renders the element, but not
// when it hydrates server-rendered HTML (react#35446, still so in 19.3.1): so this app listens
// from an effect, which runs either way. The package itself is imported by the browser entries
// (client.jsx, hydrate.jsx) only: it defines the element, which a server has no way to.
import { useEffect, useRef, useState } from "react";

export function App({ src }) {
  const [shown, setShown] = useState(true);
  const [status, setStatus] = useState("Loading the article");
  const embed = useRef(null);
  useEffect(() => {
    const element = embed.current;
    if (!element) return undefined;
    const listeners = {
      "reader-widget-ready": (event) => setStatus(`Showing: ${event.detail.headline}`),
      "reader-widget-textsizechange": (event) => setStatus(`Text size: ${event.detail.to}`),
      "reader-widget-error": (event) => setStatus(`Not shown: ${event.detail.kind}`),
    };
    for (const [name, listener] of Object.entries(listeners)) element.addEventListener(name, listener);
    // A hydrated page's element may have shown its article before this effect ran.
    if (element.article) setStatus(`Showing: ${element.article.headline}`);
    return () => {
      for (const [name, listener] of Object.entries(listeners)) element.removeEventListener(name, listener);
    };
  }, [shown]);
  return (
    <main>
      <button type="button" onClick={() => setShown(!shown)}>
        {shown ? "Hide the article" : "Show the article"}
      </button>
      <p role="status" className="status">
        {status}
      </p>
      {shown && <reader-widget ref={embed} src={src} />}
    </main>
  );
}
