//! The browser layer: everything that needs a real page. It defines `<reader-widget>` (through a
//! few lines of JavaScript, since wasm-bindgen cannot subclass `HTMLElement`), mounts one Yew app
//! per element in its shadow root, fetches articles, applies the shared stylesheet and keeps the
//! reader's text-size choice.

mod app;
mod arrivals;
mod console;
mod element;
mod events;
mod fetch;
mod first_paint;
mod focus;
#[cfg(feature = "hydration")]
mod hydration;
mod listen;
mod readable;
mod styles;
mod text_size_store;
pub(crate) mod throwing;

use wasm_bindgen::prelude::*;

pub use element::define_element;

/// A fresh options object without a prototype, for a platform API's dictionary argument. The
/// platform reads dictionary members through the prototype chain, so a page that extends
/// `Object.prototype` (with a `body`, say) would otherwise slip members into the widget's calls
/// (a GET with a body is refused).
pub fn dictionary<T: JsCast>() -> T {
    let no_prototype: js_sys::Object = JsValue::NULL.unchecked_into();
    js_sys::Object::create(&no_prototype).unchecked_into()
}

/// Runs once when the WebAssembly module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    define_element();
}
