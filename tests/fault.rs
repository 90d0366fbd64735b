//! What a fault in the WebAssembly leaves behind, in a real browser: a panic (with `panic=abort`
//! a trap) is reported as one readable console line and never reaches the page as an uncaught
//! error, and every embed keeps its article, its size steps and its skip links. Its own test
//! binary, since the fault stops the module for the rest of the page; built with
//! `--features fault-injection`, which makes a size choice in an element marked
//! `data-fault="panic"` panic.
#![cfg(all(target_arch = "wasm32", feature = "fault-injection"))]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;

#[wasm_bindgen_test]
async fn a_panic_is_reported_once_and_every_embed_keeps_its_article_and_its_controls() {
    browser_support::fault::a_fault_stays_in_the_widget("panic").await;
}
