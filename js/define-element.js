// Defines <reader-widget> and forwards its lifecycle and API to the WebAssembly module, which
// cannot subclass HTMLElement itself; `rust` holds the module's functions. Defined once per page:
// a second copy of the script finds the element already defined and leaves it alone.
/** The loader's early request for the article at `url`, once; undefined when there is none. */
export function takeEarlyArticle(url) {
  const early = globalThis[Symbol.for("reader-widget:early-articles")];
  const response = early?.get(url);
  early?.delete(url);
  return response;
}

const TIMED_OUT = Symbol("timed out");

/** What `promise` gives, or what `isTimeOut` recognises if `ms` milliseconds pass first. */
export function within(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, TIMED_OUT))]);
}

export function isTimeOut(value) {
  return value === TIMED_OUT;
}

export function defineReaderWidget(rust) {
  if (customElements.get("reader-widget")) {
    console.info("<reader-widget> is already defined; this copy of the script stays idle.");
    return false;
  }
  customElements.define(
    "reader-widget",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["src", "text-size", "labels", "lang"];
      }
      connectedCallback() {
        // Inline JSON children are parsed after the element itself; wait for them.
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", () => this.isConnected && rust.connect(this), { once: true });
        } else {
          rust.connect(this);
        }
      }
      disconnectedCallback() {
        rust.disconnect(this);
      }
      attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue !== newValue) rust.attributeChanged(this);
      }
      /** The text-size step in force: "xs", "sm", "md" or "lg". Setting it is a reader's choice. */
      get textSize() {
        return rust.textSize(this);
      }
      set textSize(value) {
        rust.setTextSize(this, String(value));
      }
      /** The article as a frozen plain object, or null until it is shown. */
      get article() {
        return rust.article(this);
      }
      /** Loads the article again (fetches src again). */
      reload() {
        rust.reload(this);
      }
    },
  );
  return true;
}
