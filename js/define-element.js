// Defines <reader-widget> and forwards its lifecycle to the WebAssembly module, which
// cannot subclass HTMLElement itself. Defined once per page: a second copy of the script finds
// the element already defined and leaves it alone.
export function defineReaderWidget(connect, disconnect, attributeChanged) {
  if (customElements.get("reader-widget")) return false;
  customElements.define(
    "reader-widget",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["src", "text-size"];
      }
      connectedCallback() {
        // Inline JSON children are parsed after the element itself; wait for them.
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", () => this.isConnected && connect(this), { once: true });
        } else {
          connect(this);
        }
      }
      disconnectedCallback() {
        disconnect(this);
      }
      attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue !== newValue) attributeChanged(this);
      }
    },
  );
  return true;
}
