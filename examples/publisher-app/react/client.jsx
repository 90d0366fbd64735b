// React renders the app in the browser.
import "reader-widget";
import { createRoot } from "react-dom/client";
import { App } from "./App.jsx";

createRoot(document.getElementById("app")).render(<App src="article.json" />);
