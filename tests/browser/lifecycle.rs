//! An element's life: memory given back after 500 embeds come and go, and an element that lets go
//! of its article when removed and renders again when put back.

use super::*;

/// The bytes of WebAssembly memory and, where the browser tells (Chromium), of JS heap in use,
/// after a garbage collection where the browser allows one.
pub(super) async fn memory_in_use() -> (f64, Option<f64>) {
    if let Ok(gc) = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("gc")) {
        if let Some(gc) = gc.dyn_ref::<js_sys::Function>() {
            let _ = gc.call0(&JsValue::NULL);
        }
    }
    sleep(50).await;
    let wasm = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
    let heap = web_sys::window()
        .and_then(|window| window.performance())
        .and_then(|performance| {
            js_sys::Reflect::get(&performance, &JsValue::from_str("memory")).ok()
        })
        .and_then(|memory| js_sys::Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize")).ok())
        .and_then(|used| used.as_f64());
    (f64::from(wasm), heap)
}

/// Adds `rounds` batches of 50 embeds, waits for each to render, and removes them.
pub(super) async fn add_and_remove_embeds(rounds: usize) {
    let one = inline_embed("");
    for _ in 0..rounds {
        let container = page(&one.repeat(50));
        for host in embeds(&container) {
            rendered(&host).await;
        }
        container.remove();
        sleep(10).await;
    }
}

#[wasm_bindgen_test]
async fn adding_and_removing_500_embeds_gives_the_memory_back() {
    // Warming up grows the WebAssembly memory and fills the pool of apps; memory never shrinks,
    // so growth is measured from there.
    add_and_remove_embeds(2).await;
    let (wasm_before, heap_before) = memory_in_use().await;
    add_and_remove_embeds(10).await;
    let (wasm_after, heap_after) = memory_in_use().await;
    assert!(
        wasm_after <= wasm_before * 1.1,
        "WebAssembly memory grew from {wasm_before} to {wasm_after} bytes"
    );
    if let (Some(before), Some(after)) = (heap_before, heap_after) {
        assert!(
            after <= before * 1.1,
            "the JS heap grew from {before} to {after} bytes"
        );
    }
}

#[wasm_bindgen_test]
async fn a_removed_element_lets_go_of_its_article_and_renders_again_when_put_back() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    host.remove();
    sleep(50).await;
    let shadow_content = shadow(&host).query_selector(".rw").expect("a selector");
    assert!(
        shadow_content.is_none(),
        "a removed element keeps nothing rendered"
    );
    assert!(property(&host, "article").is_null());
    container.append_child(&host).expect("put back");
    rendered(&host).await;
    assert_eq!(
        field(&property(&host, "article"), "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
    container.remove();
}
