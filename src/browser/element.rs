//! The `<reader-widget>` element: its definition, and what happens when one is connected,
//! disconnected or has an attribute changed. Each connected element gets an open shadow root
//! holding the shared stylesheet and one Yew app; all of them share this one WebAssembly
//! instance.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode, Url};
use yew::{AppHandle, AttrValue};

use crate::browser::app::{ArticleSource, ReaderApp, ReaderAppProps};
use crate::browser::{console, styles};
use crate::text_size::TextSize;

#[wasm_bindgen(module = "/js/define-element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineReaderWidget)]
    fn define_reader_widget(
        connect: &Closure<dyn Fn(HtmlElement)>,
        disconnect: &Closure<dyn Fn(HtmlElement)>,
        attribute_changed: &Closure<dyn Fn(HtmlElement)>,
    ) -> bool;
}

/// A connected element and its app.
struct Embed {
    host: HtmlElement,
    instance: u32,
    app: AppHandle<ReaderApp>,
}

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
    static EMBEDS: RefCell<Vec<Embed>> = const { RefCell::new(Vec::new()) };
    static LAST_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// Defines `<reader-widget>` unless this page already has it (from this module or from another
/// copy of the script). Safe to call more than once.
pub fn define_element() {
    if DEFINED.with(|defined| defined.replace(true)) {
        return;
    }
    let connect = Closure::<dyn Fn(HtmlElement)>::new(connect);
    let disconnect = Closure::<dyn Fn(HtmlElement)>::new(disconnect);
    let attribute_changed = Closure::<dyn Fn(HtmlElement)>::new(attribute_changed);
    define_reader_widget(&connect, &disconnect, &attribute_changed);
    // The element class keeps calling these for the page's lifetime.
    connect.forget();
    disconnect.forget();
    attribute_changed.forget();
}

fn connect(host: HtmlElement) {
    if EMBEDS.with(|embeds| embeds.borrow().iter().any(|embed| embed.host == host)) {
        return;
    }
    let Some(shadow) = shadow_root(&host) else {
        console::error(&element_name(&host), &"could not attach a shadow root");
        return;
    };
    // A reconnected element starts afresh in the shadow root it already has.
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
    styles::apply(&shadow);
    let Some(mount) = shadow
        .owner_document()
        .and_then(|document| document.create_element("div").ok())
    else {
        return;
    };
    let _ = mount.set_attribute("class", "rw-mount");
    if shadow.append_child(&mount).is_err() {
        return;
    }
    let instance = LAST_INSTANCE.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    let app =
        yew::Renderer::<ReaderApp>::with_root_and_props(mount, props_of(&host, instance)).render();
    EMBEDS.with(|embeds| {
        embeds.borrow_mut().push(Embed {
            host,
            instance,
            app,
        })
    });
}

fn disconnect(host: HtmlElement) {
    let removed = EMBEDS.with(|embeds| {
        let mut embeds = embeds.borrow_mut();
        let index = embeds.iter().position(|embed| embed.host == host)?;
        Some(embeds.swap_remove(index))
    });
    if let Some(embed) = removed {
        embed.app.destroy();
    }
}

fn attribute_changed(host: HtmlElement) {
    EMBEDS.with(|embeds| {
        if let Some(embed) = embeds
            .borrow_mut()
            .iter_mut()
            .find(|embed| embed.host == host)
        {
            let props = props_of(&host, embed.instance);
            embed.app.update(props);
        }
    });
}

fn shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    host.shadow_root().or_else(|| {
        host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()
    })
}

/// The app's properties, read from the element's attributes and children.
fn props_of(host: &HtmlElement, instance: u32) -> ReaderAppProps {
    let element_name = element_name(host);
    let requested_size =
        host.get_attribute("text-size")
            .and_then(|value| match value.parse::<TextSize>() {
                Ok(size) => Some(size),
                Err(error) => {
                    console::warn(&element_name, &format!("{error}; using md"));
                    None
                }
            });
    ReaderAppProps {
        source: source_of(host),
        requested_size,
        instance,
        element_name: element_name.into(),
    }
}

/// Where the article comes from, first found first: the `src` attribute, an inline
/// `<script type="application/json">` child, an inline `<script type="application/ld+json">`.
fn source_of(host: &HtmlElement) -> ArticleSource {
    let src = host
        .get_attribute("src")
        .map(|src| src.trim().to_owned())
        .filter(|src| !src.is_empty());
    if let Some(src) = src {
        let base = host.base_uri().ok().flatten().unwrap_or_default();
        let url = Url::new_with_base(&src, &base)
            .map(|url| url.href())
            .unwrap_or(src);
        return ArticleSource::Url(url.into());
    }
    // The widget's own JSON wins over JSON-LD when a publisher gives both.
    let inline = [
        r#":scope > script[type="application/json"]"#,
        r#":scope > script[type="application/ld+json"]"#,
    ]
    .iter()
    .find_map(|selector| host.query_selector(selector).ok().flatten())
    .and_then(|script: Element| script.text_content());
    match inline {
        Some(json) => ArticleSource::Inline(AttrValue::from(json)),
        None => ArticleSource::Missing,
    }
}

/// How the console names the element: its tag with the `src` it was given, if any.
fn element_name(host: &HtmlElement) -> String {
    match host.get_attribute("src") {
        Some(src) => format!("<reader-widget src=\"{src}\">"),
        None => "<reader-widget>".to_owned(),
    }
}
