// The app's HTML, as a server renders it (build.mjs writes it into react-hydrated.html).
import { renderToString } from "react-dom/server";
import { App } from "./App.jsx";

export const render = (src) => renderToString(<App src={src} />);
