// Builds the app into dist/: React's page for hydration is first rendered on the server side
// (react-dom/server, in Node, from a server build of react/App.jsx), its HTML written into
// react-hydrated.html, and then every page is built for the browser.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { build } from "vite";

await build({ logLevel: "warn", build: { ssr: "react/server.jsx", outDir: "server-build", emptyOutDir: true } });
const { render } = await import(pathToFileURL("server-build/server.js").href);
const template = readFileSync("react-hydrated.template.html", "utf8");
writeFileSync("react-hydrated.html", template.replace("<!-- rendered by the server -->", render("article.json")));
rmSync("server-build", { recursive: true });
await build({ logLevel: "warn" });
