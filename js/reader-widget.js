// reader-widget.js: the one file a publisher includes, as <script type="module">.
// It fetches the WebAssembly alongside the wasm-bindgen glue, both relative to this file's own URL
// (not the page's), so the widget works from any origin that serves these files with CORS.
// Every file it loads is checked against the hash the release build wrote into it (SRI), so a
// page that checks this file's integrity has every other file checked too: a tampered module or
// WebAssembly on a CDN is refused before any of it runs, with one console line.
// The module's start function defines <reader-widget>; a page that already has it skips the work.
// While the WebAssembly loads, the articles of the elements already in the page are fetched too;
// each element takes its response once (by URL), with the power to abort it, and fetches anything
// later itself. A request whose elements have all left the page by the time the widget starts is
// aborted.
// Each such article is painted as soon as it arrives, as static markup (js/first-paint.js), so a
// reader sees it without waiting for the WebAssembly, which takes the painted article over.
// Elements with `loading="lazy"` wait until they come within about a screen of the viewport: a
// page whose every embed is lazy loads nothing more than this file until then.
// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by
// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):
const SERVER_RENDERED_MOUNT_SELECTOR = ".rw-mount[data-server-rendered]";
const EARLY_ARTICLES = Symbol.for("reader-widget:early-articles");
const BOOT = Symbol.for("reader-widget:boot");
const MAX_ARTICLE_BYTES = 2097152;
// End of the names shared with the Rust.

import { paintFirst } from "./first-paint.js";
import { isTooLarge, mayCarryArticle, textWithin } from "./fetch-text.js";

if (!customElements.get("reader-widget")) {
  whenAnyEmbedIsWanted(start);
} else {
  console.info("<reader-widget> is already defined; this copy of the script stays idle.");
}

/** Loads the widget's build and starts it, fetching the wanted embeds' articles meanwhile. */
function start() {
  // A page with server-rendered snippets (their declarative shadow roots are parsed by now) gets
  // the build that can take them over as they are; any other page the smaller one.
  const serverRendered = [...document.querySelectorAll("reader-widget")].some((element) =>
    element.shadowRoot?.querySelector(SERVER_RENDERED_MOUNT_SELECTOR),
  );
  // Each file as `new URL("./literal", import.meta.url)`, the one form a bundler (Vite, Rollup,
  // webpack) copies into its output and points at the copy, unchanged, so its integrity holds.
  const build = serverRendered
    ? {
        name: "wasm-hydrating",
        wasm: new URL("./wasm-hydrating/reader-widget_bg.wasm", import.meta.url),
        module: new URL("./wasm-hydrating/reader-widget.js", import.meta.url).href,
      }
    : {
        name: "wasm",
        wasm: new URL("./wasm/reader-widget_bg.wasm", import.meta.url),
        module: new URL("./wasm/reader-widget.js", import.meta.url).href,
      };
  // Each build's SRI hashes, { wasm, module }, written here by scripts/package.mjs.
  const integrity = JSON.parse("__READER_WIDGET_INTEGRITY__")[build.name];
  const wasm = fetch(build.wasm, { __proto__: null, integrity: integrity.wasm });
  // A failure is reported once, below, by way of the module; if the module fails first, it is
  // the module's failure that is reported.
  wasm.catch(() => {});
  // The build's module (its glue, the element's definition and js/boot.js, bundled) comes as a
  // script element, the one way to load a module with its integrity checked in every engine; it
  // finds the WebAssembly's response, and what to call when done, under its own URL.
  const started = new Promise((resolve, reject) => {
    const boots = (globalThis[BOOT] ??= new Map());
    boots.set(build.module, { wasm, started: resolve, failed: reject });
    const script = document.createElement("script");
    script.type = "module";
    script.integrity = integrity.module;
    script.onerror = () => reject(new Error(`${build.module} did not load, or failed its integrity check`));
    script.src = scriptURL(build.module);
    document.head.append(script);
  });
  const early = (globalThis[EARLY_ARTICLES] = new Map());
  const requests = new Map(); // url → { controller, elements }
  for (const element of document.querySelectorAll("reader-widget[src]")) {
    if (isLazy(element) && !isNearViewport(element)) continue; // It fetches its own when near.
    const src = element.getAttribute("src").trim();
    if (!src) continue;
    try {
      const url = new URL(src, element.baseURI).href;
      if (!/^https?:/.test(url)) continue;
      if (!requests.has(url)) {
        const controller = new AbortController();
        // No prototype: fetch reads its options through it, and a page may have put a `body` there.
        const response = fetch(url, { __proto__: null, signal: controller.signal });
        response.catch(() => {}); // Its element hears of a failure; unclaimed, it is nobody's.
        // The element that takes it takes its controller too (a timeout, its removal abort it).
        early.set(url, { response, controller });
        requests.set(url, { controller, elements: [] });
        paintOnArrival(response, url, requests.get(url).elements);
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
  started
    .then(abortUnclaimed)
    .catch((error) => console.error("<reader-widget>: the widget could not start:", error));
}

let firstPaintSheet;

/**
 * Paints each of `elements` (filled in by the time it arrives) from `response` for `url` as soon
 * as it arrives, unless the WebAssembly has come first. The response is read from a copy taken
 * before the WebAssembly can take it (its reactions run after this one's), under the rules the
 * WebAssembly reads it by: a status, a type and a size it would refuse paint nothing.
 */
function paintOnArrival(response, url, elements) {
  // Without constructed stylesheets the painted article would be unstyled: no first paint.
  if (typeof CSSStyleSheet !== "function" || !("adoptedStyleSheets" in ShadowRoot.prototype)) return;
  response
    .then((answer) => {
      const type = answer.headers.get("content-type");
      if (!answer.ok || (type !== null && !mayCarryArticle(type))) return undefined;
      // Each element the WebAssembly reached first has its own shadow root: no copy to read.
      if (elements.every((element) => element.shadowRoot)) return undefined;
      return textWithin(answer.clone(), MAX_ARTICLE_BYTES).then((json) => {
        if (isTooLarge(json)) return;
        if (!firstPaintSheet) {
          firstPaintSheet = new CSSStyleSheet();
          // The release's reader-widget.css, the snippets' stylesheet, written here by
          // scripts/package.mjs: the widget's styles and the size steps that work without script.
          firstPaintSheet.replaceSync("__READER_WIDGET_STYLESHEET__");
        }
        const base = answer.url || url;
        for (const element of elements) paintFirst(element, json, { url, base, sheet: firstPaintSheet });
      });
    })
    // A failed request is its element's to report; whatever else fails, the WebAssembly paints.
    .catch(() => {});
}

/** Whether `element` asks to wait for the reader (`loading="lazy"`, as on `img` and `iframe`). */
function isLazy(element) {
  return element.getAttribute("loading")?.trim().toLowerCase() === "lazy";
}

/** Whether `element` is within a screen of the viewport now (the margin lazy embeds load at). */
function isNearViewport(element) {
  const box = element.getBoundingClientRect();
  const screen = innerHeight;
  return box.bottom >= -screen && box.top <= 2 * screen && getComputedStyle(element).display !== "none";
}

/**
 * Calls `then` once, as soon as the page has an embed that wants the widget: one that is not
 * lazy (in the page now or added later), or a lazy one within a screen of the viewport. A page
 * with no embed yet starts at once, as before: whatever it adds later is not waited for.
 */
function whenAnyEmbedIsWanted(then) {
  const embeds = [...document.querySelectorAll("reader-widget")];
  if (!embeds.length || !embeds.every(isLazy) || typeof IntersectionObserver !== "function") {
    then();
    return;
  }
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    near.disconnect();
    added.disconnect();
    then();
  };
  const near = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && go(), {
    rootMargin: "100% 0px",
  });
  for (const embed of embeds) near.observe(embed);
  // An embed added later, or one whose `loading` changes: eager starts at once, lazy is watched.
  const added = new MutationObserver((records) => {
    for (const record of records) {
      const nodes = record.type === "attributes" ? [record.target] : record.addedNodes;
      for (const node of nodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const found = node.localName === "reader-widget" ? [node] : node.querySelectorAll("reader-widget");
        for (const embed of found) (isLazy(embed) ? near.observe(embed) : go());
      }
    }
  });
  added.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["loading"] });
}

/**
 * `url` as a page enforcing Trusted Types accepts it for a script's `src`: through a policy of
 * the widget's own, `reader-widget` (a page that names its allowed policies lists it), which
 * passes this one URL only. Elsewhere the URL as it is.
 */
function scriptURL(url) {
  try {
    const policy = globalThis.trustedTypes?.createPolicy("reader-widget", {
      createScriptURL: (given) => (given === url ? given : ""),
    });
    return policy ? policy.createScriptURL(url) : url;
  } catch {
    return url; // The page refuses the policy: its enforcement will say so, and the load fails.
  }
}
