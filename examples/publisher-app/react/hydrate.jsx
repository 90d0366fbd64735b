// React takes over the server's HTML; the element in it is already in the page, and already
// fetching its article, by the time React hydrates.
import "reader-widget";
import { hydrateRoot } from "react-dom/client";
import { App } from "./App.jsx";

hydrateRoot(document.getElementById("app"), <App src="article.json" />);
