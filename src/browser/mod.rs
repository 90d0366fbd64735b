//! The browser layer: everything that needs a real page. It defines `<reader-widget>` (through a
//! few lines of JavaScript, since wasm-bindgen cannot subclass `HTMLElement`), mounts one Yew app
//! per element in its shadow root, fetches articles, applies the shared stylesheet and keeps the
//! reader's text-size choice.

mod app;
mod console;
mod element;
mod events;
mod styles;
mod text_size_store;

use wasm_bindgen::prelude::*;

pub use element::define_element;

/// Runs once when the WebAssembly module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    define_element();
}
