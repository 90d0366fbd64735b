//! Where an embed's article comes from: inline JSON, a `src` (and a changed one, and `reload`), JSON-LD,
//! semantic HTML, which source wins, and the browser's `JSON.parse` reading as serde_json does.

use super::*;

/// Waits for `host` to show the headline `text`.
async fn shows_headline(host: &HtmlElement, text: &str) {
    wait_for(&format!("the headline {text:?}"), || {
        find(host, ".rw-article__headline").filter(|h| h.text_content().as_deref() == Some(text))
    })
    .await;
}

/// A new `<reader-widget>`, not yet in the page.
fn new_embed() -> HtmlElement {
    document()
        .create_element("reader-widget")
        .expect("an element")
        .dyn_into()
        .expect("an HTML element")
}

#[wasm_bindgen_test]
async fn mounts_into_an_open_shadow_root_from_inline_json() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let headline = find(&host, ".rw-article__headline").expect("a headline");
    assert_eq!(
        headline.text_content().as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    // The light DOM is untouched: the widget renders only in its shadow root.
    assert!(host.query_selector(".rw").expect("a selector").is_none());
    container.remove();
}

#[wasm_bindgen_test]
async fn renders_from_a_src_url() {
    let url = blob_url(SEED);
    let container = page(&format!(r#"<reader-widget src="{url}"></reader-widget>"#));
    let host = embeds(&container).remove(0);
    let paragraph = rendered(&host).await;
    assert!(paragraph
        .text_content()
        .unwrap_or_default()
        .starts_with("The top diplomats"));
    container.remove();
}

#[wasm_bindgen_test]
async fn changing_src_loads_the_new_article() {
    let first = blob_url(SEED);
    let second =
        blob_url(r#"{"headline":"Second","body":[{"type":"paragraph","text":"Other text"}]}"#);
    let (container, host) =
        rendered_embed(&format!(r#"<reader-widget src="{first}"></reader-widget>"#)).await;
    host.set_attribute("src", &second).expect("set src");
    shows_headline(&host, "Second").await;
    container.remove();
}

#[wasm_bindgen_test]
fn the_browser_parses_articles_as_the_native_build_does() {
    use reader_widget::article::Block;
    use reader_widget::error::LoadErrorKind;
    // Over the browser's own JSON.parse, as the widget reads.
    let parse_article = reader_widget::read::parse_article::<JsValue>;

    let seed = parse_article(SEED).expect("the seed parses");
    assert_eq!(seed.body.len(), 10);
    assert!(
        parse_article(&format!("\u{feff}{SEED}")).is_ok(),
        "a byte-order mark is accepted"
    );
    let extended = parse_article(
        r#"{"headline":"H","section":"World","body":[{"type":"video"},{"type":"list","ordered":true,"items":["a"]}]}"#,
    )
    .expect("unknown fields and block types are ignored");
    assert_eq!(
        extended.body,
        vec![Block::List {
            ordered: true,
            items: vec!["a".into()]
        }]
    );
    let kind = |json: &str| {
        parse_article(json)
            .map(|_| ())
            .map_err(|error| error.kind().clone())
    };
    assert!(matches!(
        kind(r#"{"headline": "H", "body": ["#),
        Err(LoadErrorKind::Syntax { .. })
    ));
    assert!(matches!(
        kind(r#"{"headline": 5, "body": []}"#),
        Err(LoadErrorKind::WrongType(_))
    ));
    assert!(matches!(
        kind(r#"{"headline": "H", "body": "text"}"#),
        Err(LoadErrorKind::WrongType(_))
    ));
    assert_eq!(
        kind(r#"{"body":[{"type":"paragraph","text":"p"}]}"#),
        Err(LoadErrorKind::MissingHeadline)
    );
    assert_eq!(
        kind(r#"{"headline":"H","body":[]}"#),
        Err(LoadErrorKind::EmptyBody)
    );
}

pub(super) const SEED_JSON_LD: &str = include_str!("../../demo/articles/syria-resolution.jsonld");

#[wasm_bindgen_test]
async fn renders_from_inline_json_ld() {
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/ld+json">{SEED_JSON_LD}</script></reader-widget>"#
    ))
    .await;
    let byline = find(&host, ".rw-article__byline").expect("a byline");
    assert_eq!(byline.text_content().as_deref(), Some("VOA News"));
    container.remove();
}

#[wasm_bindgen_test]
async fn src_wins_over_inline_json_which_wins_over_json_ld() {
    let other = r#"{"headline":"From src","body":[{"type":"paragraph","text":"p"}]}"#;
    let ld = r#"{"@type":"NewsArticle","headline":"From JSON-LD","articleBody":"p"}"#;
    let inline = r#"{"headline":"From inline JSON","body":[{"type":"paragraph","text":"p"}]}"#;
    let container = page(&format!(
        r#"<reader-widget src="{}"><script type="application/ld+json">{ld}</script><script type="application/json">{inline}</script></reader-widget>
           <reader-widget><script type="application/ld+json">{ld}</script><script type="application/json">{inline}</script></reader-widget>"#,
        blob_url(other)
    ));
    let hosts = embeds(&container);
    for (host, expected) in hosts.iter().zip(["From src", "From inline JSON"]) {
        rendered(host).await;
        let headline = find(host, ".rw-article__headline").and_then(|h| h.text_content());
        assert_eq!(headline.as_deref(), Some(expected));
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn reads_an_article_of_semantic_html_and_hides_it_while_the_widget_shows() {
    let ready = Heard::new("reader-widget-ready");
    let (container, host) = rendered_embed(concat!(
        r#"<reader-widget><article lang="en"><h1>From markup</h1>"#,
        r#"<p class="byline"><a rel="author" href="/a">Ann Lee</a></p>"#,
        r#"<p>First paragraph.</p><h2>More</h2><p>Second paragraph.</p></article></reader-widget>"#
    ))
    .await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(headline.as_deref(), Some("From markup"));
    let byline = find(&host, ".rw-article__byline").and_then(|b| b.text_content());
    assert_eq!(byline.as_deref(), Some("Ann Lee"));
    let subheading = find(&host, ".rw-article__subheading").and_then(|s| s.text_content());
    assert_eq!(subheading.as_deref(), Some("More"));
    let light: HtmlElement = host
        .query_selector("article")
        .expect("a selector")
        .and_then(|article| article.dyn_into().ok())
        .expect("the markup stays in the document");
    assert_eq!(
        light.get_client_rects().length(),
        0,
        "the markup is not shown while the widget is"
    );
    // Told once the article is on screen, which may be a frame after the paragraph has a box.
    let told = wait_for("a ready event", || ready.from(&host).pop()).await;
    assert_eq!(field(&told, "format"), "html");
    container.remove();
}

/// As React or Vue may: the element is connected empty, and its `src` comes a moment later. It
/// waits for it, and tells no error on the way.
#[wasm_bindgen_test]
async fn a_src_set_after_connecting_renders_without_an_error() {
    let errors = Heard::new("reader-widget-error");
    let container = page("<reader-widget></reader-widget>");
    let host = embeds(&container).remove(0);
    sleep(300).await;
    host.set_attribute("src", &blob_url(SEED)).expect("src set");
    rendered(&host).await;
    assert!(errors.from(&host).is_empty(), "an error was told");
    container.remove();
}

/// The element is connected empty, and its inline JSON child comes a moment later.
#[wasm_bindgen_test]
async fn an_inline_article_added_after_connecting_is_read() {
    let container = page("<reader-widget></reader-widget>");
    let host = embeds(&container).remove(0);
    sleep(300).await;
    let script = document().create_element("script").expect("a script");
    script
        .set_attribute("type", "application/json")
        .expect("its type");
    script.set_text_content(Some(SEED));
    host.append_child(&script).expect("appended");
    rendered(&host).await;
    let headline = find(&host, ".rw-article__headline").expect("a headline");
    assert_eq!(
        headline.text_content().as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    container.remove();
}

/// An element that is never given a source says so, but only once the page has loaded and the
/// grace period (one second) has passed with nothing.
#[wasm_bindgen_test]
async fn an_element_never_given_a_source_reports_no_source_after_the_grace_period() {
    let errors = Heard::new("reader-widget-error");
    let container = page("<reader-widget></reader-widget>");
    let host = embeds(&container).remove(0);
    sleep(500).await;
    assert!(errors.from(&host).is_empty(), "no-source was told at once");
    let error = wait_for("the no-source error", || errors.from(&host).pop()).await;
    assert_eq!(field(&error, "kind"), "no-source");
    container.remove();
}

/// A framework or script replaces the inline JSON of an embed already shown: it is read again.
#[wasm_bindgen_test]
async fn inline_json_changed_after_it_is_shown_is_read_again() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let script = host
        .query_selector("script")
        .expect("a selector")
        .expect("the inline JSON");
    script.set_text_content(Some(
        r#"{"headline":"Changed","body":[{"type":"paragraph","text":"p"}]}"#,
    ));
    shows_headline(&host, "Changed").await;
    container.remove();
}

/// `element.article = {…}`, an object in the article format: rendered as inline JSON is, its
/// relative URLs resolved against the page.
#[wasm_bindgen_test]
async fn an_article_given_as_a_property_renders_with_its_urls_resolved_against_the_page() {
    let container = page("");
    let host = new_embed();
    let article = js_sys::JSON::parse(SEED).expect("the seed parses");
    js_sys::Reflect::set(&host, &"article".into(), &article).expect("the property set");
    container.append_child(&host).expect("appended");
    rendered(&host).await;
    let image = find(&host, "img").expect("the image");
    let expected = web_sys::Url::new_with_base(
        "kerry-lavrov-placeholder.svg",
        &document().base_uri().ok().flatten().unwrap_or_default(),
    )
    .expect("a URL")
    .href();
    assert_eq!(image.get_attribute("src"), Some(expected));
    container.remove();
}

/// A framework may set the property before the widget has defined the element (an element not
/// yet upgraded keeps it as its own): it is read once the element is.
#[wasm_bindgen_test]
async fn an_article_property_set_before_the_element_is_defined_is_read() {
    let container = page("");
    // An element of a parsed document, which has no window, is never upgraded there.
    let inert = web_sys::DomParser::new()
        .expect("a parser")
        .parse_from_string("", web_sys::SupportedType::TextHtml)
        .expect("a document");
    let host = inert.create_element("reader-widget").expect("an element");
    let article = js_sys::JSON::parse(SEED).expect("the seed parses");
    js_sys::Reflect::set(&host, &"article".into(), &article).expect("the property set");
    let host: HtmlElement = document()
        .adopt_node(&host)
        .expect("adopted")
        .dyn_into()
        .expect("an HTML element");
    container.append_child(&host).expect("appended");
    rendered(&host).await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(
        headline.as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    container.remove();
}

/// Setting the property again shows the new article (JSON text too); null takes it back, and
/// with no other source the element says so; a value that is not JSON is malformed; `src` wins.
#[wasm_bindgen_test]
async fn the_article_property_replaces_the_article_and_null_takes_it_back() {
    let errors = Heard::new("reader-widget-error");
    let container = page("");
    let host = new_embed();
    let set = |value: &JsValue| {
        js_sys::Reflect::set(&host, &"article".into(), value).expect("the property set");
    };
    container.append_child(&host).expect("appended");
    set(&r#"{"headline":"As JSON text","body":[{"type":"paragraph","text":"p"}]}"#.into());
    shows_headline(&host, "As JSON text").await;
    set(&js_sys::JSON::parse(
        r#"{"headline":"As an object","body":[{"type":"paragraph","text":"p"}]}"#,
    )
    .expect("parses"));
    shows_headline(&host, "As an object").await;

    set(&JsValue::NULL);
    let error = wait_for("the no-source error", || errors.from(&host).pop()).await;
    assert_eq!(field(&error, "kind"), "no-source");

    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).expect("a cycle");
    set(&cyclic);
    let error = wait_for("the malformed error", || {
        errors
            .from(&host)
            .pop()
            .filter(|error| field(error, "kind") != "no-source")
    })
    .await;
    assert_eq!(field(&error, "kind"), "malformed");

    host.set_attribute("src", &blob_url(SEED)).expect("src set");
    shows_headline(&host, "US, Russia Fail to Agree on Syria Resolution").await;
    container.remove();
}
