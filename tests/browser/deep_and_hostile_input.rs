//! Input that tries to break the widget: nesting as deep as `JSON.parse` takes, hostile text and
//! URLs, and limits, in each source kind.

use super::*;

#[wasm_bindgen_test]
async fn deeply_nested_json_in_an_unknown_field_is_read_past() {
    // The browser's JSON.parse takes the nesting; the widget reads only the fields it knows.
    let deep = format!(
        r#"{{"headline":"Deep","extra":{}{},"body":[{{"type":"paragraph","text":"Text"}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/json">{deep}</script></reader-widget>"#
    ))
    .await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(headline.as_deref(), Some("Deep"));
    container.remove();
}

/// A value nested `depth` levels deep: arrays inside arrays, or objects whose every member is
/// named `key`, around a string, as the browser's JSON.parse takes it (serde_json, natively,
/// stops at 128).
pub(super) fn nested(depth: usize, key: Option<&str>) -> String {
    match key {
        None => format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth)),
        Some(key) => format!(
            "{}\"x\"{}",
            format!("{{\"{key}\":").repeat(depth),
            "}".repeat(depth)
        ),
    }
}

#[wasm_bindgen_test]
async fn every_field_of_both_readers_takes_nesting_as_deep_as_json_parse_does() {
    // Every field either reader looks at, holding 100 000 levels of arrays and of objects (the
    // JSON-LD reader once recursed into nested images until the WebAssembly stack ran out).
    const DEPTH: usize = 100_000;
    let widget_fields = [
        "headline",
        "standfirst",
        "byline",
        "source",
        "published",
        "lang",
        "url",
        "image",
        "labels",
        "body",
    ];
    let json_ld_fields = [
        "@type",
        "@graph",
        "headline",
        "alternativeHeadline",
        "author",
        "publisher",
        "datePublished",
        "inLanguage",
        "url",
        "mainEntityOfPage",
        "image",
        "articleBody",
    ];
    let mut cases = Vec::new();
    for (field, key) in widget_fields
        .iter()
        .flat_map(|field| [(field, None), (field, Some("a")), (field, Some("src"))])
    {
        let value = nested(DEPTH, key);
        let mut article = members_of(&[
            ("headline", "\"Deep\""),
            ("body", r#"[{"type":"paragraph","text":"Text"}]"#),
        ]);
        article.retain(|(name, _)| name != field);
        article.push((field.to_string(), value));
        cases.push(json_object(&article));
    }
    for (field, key) in json_ld_fields.iter().flat_map(|field| {
        [
            (field, None),
            (field, Some("name")),
            (field, Some("url")),
            (field, Some("value")),
        ]
    }) {
        let value = nested(DEPTH, key);
        let mut article = members_of(&[
            ("@type", "\"NewsArticle\""),
            ("headline", "\"Deep\""),
            ("articleBody", "\"Text\""),
        ]);
        article.retain(|(name, _)| name != field);
        article.push((field.to_string(), value));
        cases.push(json_object(&article));
    }
    cases.push(format!(
        r#"{{"@type":"NewsArticle","headline":"Deep","articleBody":"Text","image":{{"@type":"ImageObject","url":"a.png","width":{}}}}}"#,
        nested(DEPTH, Some("value"))
    ));
    let embeds_markup: String = cases
        .iter()
        .map(|json| {
            format!(
                r#"<reader-widget><script type="application/json">{json}</script></reader-widget>"#
            )
        })
        .collect();
    let container = page(&format!("{}{embeds_markup}", inline_embed("")));
    let hosts = embeds(&container);
    for (index, host) in hosts.iter().enumerate() {
        wait_for(
            &format!("case {index} to show its article or its error"),
            || find(host, ".rw-article__headline, .rw-status--error"),
        )
        .await;
    }
    // The widget still works for every embed: the first one, the seed, follows a size step.
    let sentinel = hosts.first().expect("the seed embed");
    click_size(sentinel, "lg").await;
    click_size(sentinel, "md").await;
    assert_eq!(checked_step(sentinel).as_deref(), Some("md"));
    let fresh = page(&inline_embed(""));
    rendered(&embeds(&fresh).remove(0)).await;
    fresh.remove();
    container.remove();
}

/// Members of a JSON object, as (name, JSON text) pairs.
pub(super) fn members_of(members: &[(&str, &str)]) -> Vec<(String, String)> {
    members
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

pub(super) fn json_object(members: &[(String, String)]) -> String {
    let inner: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("\"{name}\":{value}"))
        .collect();
    format!("{{{}}}", inner.join(","))
}

/// A JSON string literal holding `text`, fit for an inline script: `</` written `<\/`, as a
/// publisher must, or the HTML parser would end the script there.
pub(super) fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|json| json.as_string())
        .expect("a string literal")
        .replace("</", "<\\/")
}

/// `text` as HTML text, with `&` and `<` escaped.
pub(super) fn html_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// One article in each of the widget's three source kinds (its JSON, JSON-LD and the
/// publisher's markup), as embeds: `paragraphs` empty gives an article without a body.
pub(super) fn in_each_source_kind(
    headline: &str,
    byline: &str,
    image_src: &str,
    source_url: &str,
    paragraphs: &[&str],
) -> [(&'static str, String); 3] {
    let json_blocks: Vec<String> = paragraphs
        .iter()
        .map(|text| format!(r#"{{"type":"paragraph","text":{}}}"#, json_string(text)))
        .collect();
    let json = format!(
        r#"{{"headline":{},"byline":{},"image":{{"src":{},"alt":"A"}},"source":{{"name":"Agency","url":{}}},"body":[{}]}}"#,
        json_string(headline),
        json_string(byline),
        json_string(image_src),
        json_string(source_url),
        json_blocks.join(",")
    );
    let json_ld = format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":{},"author":{{"name":{}}},"image":{{"url":{}}},"publisher":{{"name":"Agency","url":{}}},"articleBody":{}}}"#,
        json_string(headline),
        json_string(byline),
        json_string(image_src),
        json_string(source_url),
        json_string(&paragraphs.join("\n\n"))
    );
    let markup_paragraphs: String = paragraphs
        .iter()
        .map(|text| format!("<p>{}</p>", html_text(text)))
        .collect();
    let markup = format!(
        r#"<article><h1>{}</h1><p class="byline">{}</p><p class="source"><a href="{}">Agency</a></p><figure><img src="{}" alt="A"></figure>{markup_paragraphs}</article>"#,
        html_text(headline),
        html_text(byline),
        source_url.replace('"', "&quot;"),
        image_src.replace('"', "&quot;")
    );
    [
        (
            "json",
            format!(
                r#"<reader-widget><script type="application/json">{json}</script></reader-widget>"#
            ),
        ),
        (
            "json-ld",
            format!(
                r#"<reader-widget><script type="application/ld+json">{json_ld}</script></reader-widget>"#
            ),
        ),
        ("html", format!("<reader-widget>{markup}</reader-widget>")),
    ]
}

#[wasm_bindgen_test]
async fn hostile_text_and_urls_are_harmless_in_each_source_kind() {
    const MARKUP: &str = r#"<img src=x onerror="window.__attacked = true">"#;
    const SCRIPT: &str = "<script>window.__attacked = true</script>";
    const OVERRIDE: &str = "By \u{202e}someone";
    for (kind, embed) in in_each_source_kind(
        MARKUP,
        OVERRIDE,
        "vbscript:x",
        "javascript:alert(1)",
        &[SCRIPT],
    ) {
        let mut rendered_host = None;
        let warnings = console_warnings(async {
            let container = page(&embed);
            let host = embeds(&container).remove(0);
            rendered(&host).await;
            rendered_host = Some((container, host));
        })
        .await;
        let (container, host) = rendered_host.expect("rendered");
        // Markup in text fields is text.
        let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
        assert_eq!(headline.as_deref(), Some(MARKUP), "{kind}");
        let paragraph = find(&host, ".rw-article__paragraph").and_then(|p| p.text_content());
        assert_eq!(paragraph.as_deref(), Some(SCRIPT), "{kind}");
        assert!(find(&host, "script").is_none(), "{kind}: a script element");
        // The image's URL is not a web link: the image goes, and the console says why.
        assert!(find(&host, "img").is_none(), "{kind}: an image");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("ignored the image URL \"vbscript:x\"")),
            "{kind}: {warnings:?}"
        );
        // The source's javascript: URL is no link; its name stays, as text.
        assert!(find(&host, "a[href^=javascript]").is_none(), "{kind}");
        let source = find(&host, ".rw-article__source").and_then(|s| s.text_content());
        assert_eq!(source.as_deref(), Some("Agency"), "{kind}");
        // The override stays inside the byline.
        let byline = find(&host, ".rw-article__byline").expect("the byline");
        assert_eq!(byline.text_content().as_deref(), Some(OVERRIDE), "{kind}");
        assert_eq!(computed(&byline, "unicode-bidi"), "isolate", "{kind}");
        let attacked = js_sys::Reflect::get(&js_sys::global(), &"__attacked".into()).unwrap();
        assert!(attacked.is_undefined(), "{kind}: the page's script ran");
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn limits_and_an_empty_body_fail_alike_in_each_source_kind() {
    let long_headline = "h".repeat(reader_widget::article::MAX_HEADLINE_CHARS + 1);
    let long_paragraph = "p".repeat(reader_widget::article::MAX_TEXT_CHARS + 1);
    let cases = [
        ("too-large", long_headline.as_str(), vec!["Text"]),
        (
            "too-large",
            "Headline",
            vec!["Text", long_paragraph.as_str()],
        ),
        ("empty-body", "Headline", vec![]),
    ];
    for (expected, headline, paragraphs) in cases {
        let errors = Heard::new("reader-widget-error");
        for (kind, embed) in
            in_each_source_kind(headline, "By", "a.svg", "https://example.org/", &paragraphs)
        {
            let container = page(&embed);
            let host = embeds(&container).remove(0);
            let error = wait_for("the error event", || errors.from(&host).pop()).await;
            assert_eq!(
                field(&error, "kind"),
                expected,
                "{kind}: {}",
                field(&error, "message")
            );
            assert!(find(&host, ".rw-article").is_none(), "{kind}");
            container.remove();
        }
    }
}
