//! What the browser test binaries share (tests/browser.rs, tests/fault.rs, tests/thrown.rs): a
//! page of embeds, waiting for them, reading their shadow roots, computed sizes, key presses,
//! and the fault scenario.
// Each test binary uses only part of this.
#![allow(dead_code)]

pub mod fault;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

pub const SEED: &str = include_str!("../../demo/articles/syria-resolution.json");
pub const STORAGE_KEY: &str = "reader-widget:text-size";

pub fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// Lets the browser and Yew's scheduler run for `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    JsFuture::from(promise).await.expect("the timer fires");
}

/// Polls `probe` until it returns something, failing after five seconds.
pub async fn wait_for<T>(what: &str, probe: impl Fn() -> Option<T>) -> T {
    for _ in 0..250 {
        if let Some(found) = probe() {
            return found;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// A fresh container holding `markup`, with `<reader-widget>` defined.
pub fn page(markup: &str) -> Element {
    reader_widget::define_element();
    let container = document().create_element("div").expect("a div");
    container.set_inner_html(markup);
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    container
}

pub fn embeds(container: &Element) -> Vec<HtmlElement> {
    let list = container
        .query_selector_all("reader-widget")
        .expect("a selector");
    (0..list.length())
        .filter_map(|index| list.get(index))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

pub fn shadow(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

/// The first match in `host`'s shadow root; `None` also while it has none (an embed waiting for
/// its turn to be connected).
pub fn find(host: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    host.shadow_root()?
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
}

/// The article's first paragraph once it is on screen (rendered, and laid out with a height).
pub async fn rendered(host: &HtmlElement) -> HtmlElement {
    wait_for("the article to be shown", || {
        find(host, ".rw-article__paragraph").filter(|paragraph| paragraph.offset_height() > 0)
    })
    .await
}

/// How many of some embeds had a height in each frame that changed the size of any of them, as a
/// `ResizeObserver` sees it (after the frame's layout, before its paint).
pub struct ShownPerFrame {
    counts: js_sys::Array,
    observer: JsValue,
}

pub fn shown_per_frame(hosts: &[HtmlElement]) -> ShownPerFrame {
    let counts = js_sys::Array::new();
    let observe = js_sys::Function::new_with_args(
        "hosts, counts",
        "const observer = new ResizeObserver(() => \
           counts.push(hosts.filter((host) => host.offsetHeight > 0).length)); \
         for (const host of hosts) observer.observe(host); \
         return observer;",
    );
    let hosts: js_sys::Array = hosts.iter().collect();
    let observer = observe
        .call2(&JsValue::NULL, &hosts, &counts)
        .expect("a ResizeObserver");
    ShownPerFrame { counts, observer }
}

impl ShownPerFrame {
    pub fn counts(&self) -> Vec<u32> {
        self.counts
            .iter()
            .filter_map(|count| count.as_f64())
            .map(|count| count as u32)
            .collect()
    }

    pub fn stop(&self) {
        let disconnect = js_sys::Reflect::get(&self.observer, &"disconnect".into())
            .expect("a disconnect method")
            .dyn_into::<js_sys::Function>()
            .expect("a function");
        disconnect.call0(&self.observer).expect("disconnected");
    }
}

/// A fresh container holding `markup`, and its first embed once that has rendered its article.
pub async fn rendered_embed(markup: &str) -> (Element, HtmlElement) {
    let container = page(markup);
    let host = embeds(&container).remove(0);
    rendered(&host).await;
    (container, host)
}

pub fn font_size_px(element: &Element) -> f64 {
    let style = web_sys::window()
        .expect("a window")
        .get_computed_style(element)
        .expect("computed style")
        .expect("a style declaration");
    let value = style.get_property_value("font-size").expect("font-size");
    value.trim_end_matches("px").parse().expect("a pixel size")
}

/// The reader's default font size, which MD must equal.
pub fn default_font_size_px() -> f64 {
    let probe = document().create_element("div").expect("a div");
    probe
        .set_attribute("style", "font-size: medium")
        .expect("style");
    document()
        .body()
        .expect("a body")
        .append_child(&probe)
        .expect("appended");
    let size = font_size_px(&probe);
    probe.remove();
    size
}

pub fn step(host: &HtmlElement, code: &str) -> HtmlElement {
    find(host, &format!("input[value=\"{code}\"]")).expect("the step's input")
}

pub fn step_label(host: &HtmlElement, code: &str) -> HtmlElement {
    step(host, code)
        .parent_element()
        .and_then(|label| label.dyn_into::<HtmlElement>().ok())
        .expect("the step's label")
}

pub fn checked_step(host: &HtmlElement) -> Option<String> {
    find(host, "input:checked").and_then(|input| input.get_attribute("value"))
}

/// Clicks a step's label as a mouse user would, then waits for the article to take its size.
pub async fn click_size(host: &HtmlElement, code: &str) {
    step_label(host, code).click();
    let rendered_class = format!(".rw-article.rw-size-{code}");
    wait_for("the article to take the size", || {
        find(host, &rendered_class)
    })
    .await;
}

pub fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let event =
        KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

pub fn paragraph_size(host: &HtmlElement) -> f64 {
    font_size_px(&find(host, ".rw-article__paragraph").expect("a paragraph"))
}

pub fn inline_embed(attributes: &str) -> String {
    format!(
        r#"<reader-widget {attributes}><script type="application/json">{SEED}</script></reader-widget>"#
    )
}

pub fn blob_url(json: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).expect("a blob");
    web_sys::Url::create_object_url_with_blob(&blob).expect("a blob URL")
}

/// Sends the `storage` event another tab causes: `key` set to `new_value`, or (`key` `None`)
/// all of storage cleared, which leaves the reader with no choice of their own.
pub fn storage_event_from_another_tab(key: Option<&str>, new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(key);
    init.set_new_value(new_value);
    let event =
        web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("an event");
    web_sys::window()
        .expect("a window")
        .dispatch_event(&event)
        .expect("dispatched");
}
