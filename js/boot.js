// Starts one build of the widget once the entry (js/reader-widget.js) has loaded it. The release
// build bundles this file with the build's wasm-bindgen glue and the element's definition into
// one module (scripts/package.mjs), which the entry loads with its integrity: one file, checked
// as a whole. The entry leaves, by this module's URL, the WebAssembly's response and what to
// call when done (two copies of the script on one page load two modules, each finding its own;
// a module that a CDN redirected finds the one waiting).
import init from "./reader-widget.js";

// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by
// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):
const BOOT = Symbol.for("reader-widget:boot");
// End of the names shared with the Rust.

const boots = globalThis[BOOT];
const key = boots?.has(import.meta.url) ? import.meta.url : boots?.keys().next().value;
const boot = boots?.get(key);
boots?.delete(key);
if (boot) init({ module_or_path: boot.wasm }).then(boot.started, boot.failed);
