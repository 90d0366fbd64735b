//! What the element tells the page: the `reader-widget-ready`, `reader-widget-textsizechange`
//! and `reader-widget-error` events (bubbling and composed, so a listener on the document hears
//! every embed), and the article as a plain object for the `article` property.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::article::{Article, Block, Image};
use crate::error::LoadError;
use crate::text_size::TextSize;

use super::arrivals::dispatch_when_shown;
use super::text_size_store::ChangeOrigin;

/// The article is on screen.
pub fn ready(host: &HtmlElement, article: &Article, source: &str) {
    let detail = object(&[
        ("headline", article.headline.as_str().into()),
        ("source", source.into()),
        ("format", article.format.code().into()),
    ]);
    dispatch(host, "reader-widget-ready", &detail);
}

/// The embed's text size changed.
pub fn text_size_changed(host: &HtmlElement, from: TextSize, to: TextSize, by: ChangeOrigin) {
    let detail = object(&[
        ("from", from.code().into()),
        ("to", to.code().into()),
        ("by", by.code().into()),
    ]);
    dispatch(host, "reader-widget-textsizechange", &detail);
}

/// The article cannot be shown.
pub fn error(host: &HtmlElement, error: &LoadError) {
    let detail = object(&[
        ("kind", error.code().into()),
        ("message", error.to_string().into()),
    ]);
    dispatch(host, "reader-widget-error", &detail);
}

fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init: CustomEventInit = crate::browser::dictionary();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        dispatch_when_shown(host, &event);
    }
}

/// A plain object from name and value pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

fn optional(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

fn strings(values: &[String]) -> JsValue {
    let array: js_sys::Array = values
        .iter()
        .map(|value| JsValue::from_str(value))
        .collect();
    js_sys::Object::freeze(&array).into()
}

fn image(image: &Image) -> JsValue {
    object(&[
        ("src", image.src.as_str().into()),
        ("alt", image.alt.as_str().into()),
        ("caption", optional(&image.caption)),
        ("credit", optional(&image.credit)),
        ("width", image.width.map_or(JsValue::NULL, JsValue::from)),
        ("height", image.height.map_or(JsValue::NULL, JsValue::from)),
    ])
}

fn block(block: &Block) -> JsValue {
    match block {
        Block::Paragraph { text } => {
            object(&[("type", "paragraph".into()), ("text", text.as_str().into())])
        }
        Block::Subheading { text } => object(&[
            ("type", "subheading".into()),
            ("text", text.as_str().into()),
        ]),
        Block::Quote { text, cite } => object(&[
            ("type", "quote".into()),
            ("text", text.as_str().into()),
            ("cite", optional(cite)),
        ]),
        Block::List { ordered, items } => object(&[
            ("type", "list".into()),
            ("ordered", (*ordered).into()),
            ("items", strings(items)),
        ]),
        Block::Unknown => JsValue::NULL,
    }
}

/// The article in the widget's JSON shape (URLs resolved), for the `article` property: a copy,
/// frozen at the top so that writing to it fails loudly in strict code rather than silently.
pub fn article_to_js(article: &Article) -> JsValue {
    let body: js_sys::Array = article.body.iter().map(block).collect();
    let article = object(&[
        ("headline", article.headline.as_str().into()),
        ("standfirst", optional(&article.standfirst)),
        ("byline", optional(&article.byline)),
        (
            "source",
            article.source.as_ref().map_or(JsValue::NULL, |source| {
                object(&[
                    ("name", source.name.as_str().into()),
                    ("url", optional(&source.url)),
                ])
            }),
        ),
        ("published", optional(&article.published)),
        ("lang", optional(&article.lang)),
        ("url", optional(&article.url)),
        ("image", article.image.as_ref().map_or(JsValue::NULL, image)),
        ("body", body.into()),
        ("format", article.format.code().into()),
    ]);
    js_sys::Object::freeze(article.unchecked_ref::<js_sys::Object>()).into()
}
