//! What a JavaScript exception that unwinds through the WebAssembly leaves behind, in a real
//! browser: it leaves the module's state unknown as a trap does, so it is treated as one (one
//! console line, nothing uncaught, every embed keeps its article and controls, a later element
//! keeps its fallback). Built with `--features fault-injection`, which makes an element marked
//! `data-fault="throw"` throw while Yew's scheduler renders it at LG. Its own test binary, since
//! the fault stops the module for the rest of the page.
#![cfg(all(target_arch = "wasm32", feature = "fault-injection"))]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;

#[wasm_bindgen_test]
async fn an_exception_through_a_render_is_contained_as_a_fault() {
    browser_support::fault::a_fault_stays_in_the_widget("throw").await;
}
