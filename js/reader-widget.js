// reader-widget.js: the one file a publisher includes, as <script type="module">.
// It fetches the WebAssembly alongside the wasm-bindgen glue, both relative to this file's own URL
// (not the page's), so the widget works from any origin that serves these files with CORS.
// The module's start function defines <reader-widget>; a page that already has it skips the work.
// While the WebAssembly loads, the articles of the elements already in the page are fetched too;
// each element takes its response once (by URL), and fetches anything later itself. A request
// whose elements have all left the page by the time the widget starts is aborted.
if (!customElements.get("reader-widget")) {
  const wasm = fetch(new URL("wasm/reader-widget_bg.wasm", import.meta.url));
  const early = (globalThis[Symbol.for("reader-widget:early-articles")] = new Map());
  const requests = new Map(); // url → { controller, elements }
  for (const element of document.querySelectorAll("reader-widget[src]")) {
    const src = element.getAttribute("src").trim();
    if (!src) continue;
    try {
      const url = new URL(src, element.baseURI).href;
      if (!/^https?:/.test(url)) continue;
      if (!requests.has(url)) {
        const controller = new AbortController();
        const response = fetch(url, { signal: controller.signal });
        response.catch(() => {}); // Its element hears of a failure; unclaimed, it is nobody's.
        early.set(url, response);
        requests.set(url, { controller, elements: [] });
      }
      requests.get(url).elements.push(element);
    } catch {
      // Not a URL: the element reports it itself.
    }
  }
  const abortUnclaimed = () => {
    for (const [url, { controller, elements }] of requests) {
      if (early.has(url) && !elements.some((element) => element.isConnected)) {
        early.delete(url);
        controller.abort();
      }
    }
  };
  import("./wasm/reader-widget.js")
    .then((glue) => glue.default({ module_or_path: wasm }))
    .then(abortUnclaimed)
    .catch((error) => console.error("<reader-widget>: the widget could not start:", error));
} else {
  console.info("<reader-widget> is already defined; this copy of the script stays idle.");
}
