//! What the element tells and takes: the `ready`, `error` and `textsizechange` events, the
//! `textSize` and `article` properties.

use super::*;

/// Every `name` event that reaches the document, as (target, detail) pairs, while `Self` lives.
pub(super) struct Heard {
    events: std::rc::Rc<std::cell::RefCell<Vec<(web_sys::EventTarget, JsValue)>>>,
    _listener: gloo::events::EventListener,
}

impl Heard {
    pub(super) fn new(name: &'static str) -> Heard {
        let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = events.clone();
        let listener = gloo::events::EventListener::new(&document(), name, move |event| {
            let detail = event
                .dyn_ref::<web_sys::CustomEvent>()
                .map(|event| event.detail())
                .unwrap_or(JsValue::NULL);
            // The event is composed from the element, so its target here is the element itself.
            if let Some(target) = event.target() {
                sink.borrow_mut().push((target, detail));
            }
        });
        Heard {
            events,
            _listener: listener,
        }
    }

    /// The details heard from `host`.
    pub(super) fn from(&self, host: &HtmlElement) -> Vec<JsValue> {
        let host: &web_sys::EventTarget = host.as_ref();
        self.events
            .borrow()
            .iter()
            .filter(|(target, _)| target == host)
            .map(|(_, detail)| detail.clone())
            .collect()
    }
}

pub(super) fn field(value: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn ready_tells_the_headline_source_and_format() {
    let ready = Heard::new("reader-widget-ready");
    let container = page(&format!(
        r#"{}<reader-widget src="{}"></reader-widget>"#,
        inline_embed(""),
        blob_url(SEED_JSON_LD)
    ));
    let hosts = embeds(&container);
    // The event follows the render (in an effect), so wait for the event itself.
    for host in &hosts {
        wait_for("the ready event", || {
            (!ready.from(host).is_empty()).then_some(())
        })
        .await;
    }
    let inline = ready.from(&hosts[0]);
    assert_eq!(inline.len(), 1);
    assert_eq!(
        field(&inline[0], "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert_eq!(field(&inline[0], "source"), "inline");
    assert_eq!(field(&inline[0], "format"), "json");
    let by_src = ready.from(&hosts[1]);
    assert_eq!(by_src.len(), 1);
    assert_eq!(field(&by_src[0], "source"), "src");
    assert_eq!(field(&by_src[0], "format"), "json-ld");
    container.remove();
}

#[wasm_bindgen_test]
async fn error_tells_the_kind_and_message() {
    let errors = Heard::new("reader-widget-error");
    let container = page(concat!(
        r#"<reader-widget src="/no-such-article.json"></reader-widget>"#,
        r#"<reader-widget><script type="application/json">{"headline": 1}</script></reader-widget>"#,
    ));
    let hosts = embeds(&container);
    let first = wait_for("the 404's error event", || errors.from(&hosts[0]).pop()).await;
    assert_eq!(field(&first, "kind"), "http");
    assert!(field(&first, "message").contains("HTTP 404"));
    let second = wait_for("the malformed article's error event", || {
        errors.from(&hosts[1]).pop()
    })
    .await;
    assert_eq!(field(&second, "kind"), "malformed");
    assert_eq!(
        field(&second, "message"),
        "wrong type in the article: headline must be a string, not a number"
    );
    container.remove();
}

pub(super) fn property(host: &HtmlElement, name: &str) -> JsValue {
    js_sys::Reflect::get(host, &JsValue::from_str(name)).expect("a property")
}

#[wasm_bindgen_test]
async fn text_size_changes_are_told_with_who_made_them_and_the_property_sets_them() {
    let container = page(&format!("{}{}", inline_embed(""), inline_embed("")));
    let hosts = embeds(&container);
    for host in &hosts {
        rendered(host).await;
    }
    click_size(&hosts[0], "md").await;
    let changes = Heard::new("reader-widget-textsizechange");
    click_size(&hosts[0], "lg").await;
    wait_for("both embeds to tell", || {
        (hosts.iter().all(|host| !changes.from(host).is_empty())).then_some(())
    })
    .await;
    for host in &hosts {
        let change = changes.from(host).pop().expect("a change");
        assert_eq!(
            (
                field(&change, "from"),
                field(&change, "to"),
                field(&change, "by")
            ),
            ("md".into(), "lg".into(), "reader".into())
        );
    }
    assert_eq!(
        property(&hosts[1], "textSize").as_string().as_deref(),
        Some("lg")
    );
    js_sys::Reflect::set(
        &hosts[1],
        &JsValue::from_str("textSize"),
        &JsValue::from_str("sm"),
    )
    .expect("set");
    wait_for("the first embed to follow the property", || {
        find(&hosts[0], ".rw-article.rw-size-sm")
    })
    .await;
    let change = wait_for("the script's change", || {
        changes
            .from(&hosts[0])
            .into_iter()
            .find(|change| field(change, "to") == "sm")
    })
    .await;
    assert_eq!(field(&change, "by"), "script");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_article_property_is_the_model_as_a_frozen_object() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let article = property(&host, "article");
    assert_eq!(
        field(&article, "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert!(js_sys::Object::is_frozen(
        article.unchecked_ref::<js_sys::Object>()
    ));
    let body: js_sys::Array = js_sys::Reflect::get(&article, &JsValue::from_str("body"))
        .expect("a body")
        .unchecked_into();
    assert_eq!(body.length(), 10);
    assert_eq!(field(&body.get(0), "type"), "paragraph");
    let missing = page(r#"<reader-widget src="/no-such-article.json"></reader-widget>"#);
    let broken = embeds(&missing).remove(0);
    wait_for("the error", || find(&broken, ".rw-status--error")).await;
    assert!(property(&broken, "article").is_null());
    container.remove();
    missing.remove();
}

#[wasm_bindgen_test]
async fn reload_fetches_src_again() {
    let url = blob_url(SEED);
    let errors = Heard::new("reader-widget-error");
    let container = page(&format!(r#"<reader-widget src="{url}"></reader-widget>"#));
    let host = embeds(&container).remove(0);
    rendered(&host).await;
    // Once the URL is gone, only a new fetch can fail.
    web_sys::Url::revoke_object_url(&url).expect("revoked");
    let reload: js_sys::Function = property(&host, "reload").unchecked_into();
    reload.call0(&host).expect("reload()");
    let error = wait_for("the refetch to fail", || errors.from(&host).pop()).await;
    assert_eq!(field(&error, "kind"), "network");
    container.remove();
}
