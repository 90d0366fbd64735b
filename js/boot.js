// Starts one build of the widget once the entry (js/reader-widget.js) has loaded it. The release
// build bundles this file with the build's wasm-bindgen glue and the element's definition into
// one module (scripts/package.mjs), which the entry loads with its integrity: one file, checked
// as a whole. The entry leaves, by this module's URL, the WebAssembly's response and what to
// call when done (two copies of the script on one page load two modules, each finding its own).
import init from "./reader-widget.js";

const boot = globalThis[Symbol.for("reader-widget:boot")]?.get(import.meta.url);
if (boot) init({ module_or_path: boot.wasm }).then(boot.started, boot.failed);
