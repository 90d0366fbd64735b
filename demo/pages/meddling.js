// The page's own scripts, as real pages have them, run before the widget: an analytics library
// that wraps fetch, and old libraries that add enumerable members to Array.prototype and
// Object.prototype. The widget must not notice.
window.__fetchCalls = 0;
const pageFetch = window.fetch;
window.fetch = function (...args) {
  window.__fetchCalls += 1;
  return pageFetch.apply(this, args);
};
Array.prototype.last = function () {
  return this[this.length - 1];
};
Object.prototype.headline = "Injected by the page";
Object.prototype.body = "injected";
