// reader-widget.js: the one file a publisher includes, as <script type="module">.
// It fetches the WebAssembly alongside the wasm-bindgen glue, both relative to this file's own URL
// (not the page's), so the widget works from any origin that serves these files with CORS.
// The module's start function defines <reader-widget>; a page that already has it skips the work.
// While the WebAssembly loads, the articles of the elements already in the page are fetched too;
// each element takes its response once (by URL), and fetches anything later itself.
if (!customElements.get("reader-widget")) {
  const wasm = fetch(new URL("wasm/reader-widget_bg.wasm", import.meta.url));
  const early = (globalThis[Symbol.for("reader-widget:early-articles")] = new Map());
  for (const element of document.querySelectorAll("reader-widget[src]")) {
    const src = element.getAttribute("src").trim();
    if (!src) continue;
    try {
      const url = new URL(src, element.baseURI).href;
      if (/^https?:/.test(url) && !early.has(url)) early.set(url, fetch(url));
    } catch {
      // Not a URL: the element reports it itself.
    }
  }
  import("./wasm/reader-widget.js")
    .then((glue) => glue.default({ module_or_path: wasm }))
    .catch((error) => console.error("<reader-widget>: the widget could not start:", error));
} else {
  console.info("<reader-widget> is already defined; this copy of the script stays idle.");
}
