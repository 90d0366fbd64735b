//! The reader's language: the element's and its ancestors' `lang`, the article's, dates `Intl`
//! refuses, right-to-left layout, an unknown language, and the `labels` attribute.

use super::*;

pub(super) const NO_LANGUAGE: &str = r#"{"headline":"H","body":[{"type":"paragraph","text":"Text"}],"published":"2013-09-24T00:00:00Z"}"#;

#[wasm_bindgen_test]
async fn the_widget_speaks_the_elements_language_when_the_article_has_none() {
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget lang="ru"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>"#
    ))
    .await;
    let skip = find(&host, ".rw-skip-link").and_then(|link| link.text_content());
    assert_eq!(skip.as_deref(), Some("Перейти к тексту статьи"));
    let legend = find(&host, ".rw-sizes__legend").and_then(|legend| legend.text_content());
    assert_eq!(legend.as_deref(), Some("Размер текста"));
    // Dates come from the browser's Intl, in the same language.
    let date = find(&host, ".rw-article__date")
        .and_then(|date| date.text_content())
        .unwrap_or_default();
    assert!(date.contains("2013") && date.contains("сентября"), "{date}");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_direction_override_in_the_caption_cannot_reorder_the_credit_label() {
    // U+202E RIGHT-TO-LEFT OVERRIDE, never closed: without isolation it would run on into the
    // widget's "Image:" label and the credit after the caption.
    let article = r#"{"headline":"H","lang":"en","image":{"src":"a.svg","alt":"","caption":"Caption \u202e override","credit":"Credit"},"byline":"By \u202e someone","body":[{"type":"paragraph","text":"Text"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/json">{article}</script></reader-widget>"#
    ))
    .await;
    let credit = find(&host, ".rw-article__credit").expect("the credit");
    let label = credit.first_child().expect("the label's text");
    let credit_text = find(&host, ".rw-article__credit bdi").expect("the credit's text");
    let range = document().create_range().unwrap();
    range.select_node_contents(&label).unwrap();
    let label_left = range.get_bounding_client_rect().left();
    let credit_left = credit_text.get_bounding_client_rect().left();
    assert!(
        label_left < credit_left,
        "the label starts at {label_left}, the credit at {credit_left}"
    );
    let byline = find(&host, ".rw-article__byline").expect("the byline");
    assert_eq!(computed(&byline, "unicode-bidi"), "isolate");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_language_tag_intl_refuses_gives_an_english_date_and_stops_nothing() {
    // "en_US" is how many CMSs write locales; Intl.DateTimeFormat throws a RangeError on it, and
    // on the others, which the browser fuzzing tier found (seed 20261201, cases 32, 181, 240,
    // 254, 332, 872 and 962 against the build before this was caught).
    let tags = [
        "en_US",
        "e",
        "\u{202e}en",
        "root",
        "i-default",
        "Kerry and Lavrov",
        "null",
        "12",
    ];
    let embeds_markup: String = tags
        .iter()
        .map(|tag| {
            format!(
                r#"<reader-widget><script type="application/json">{{"headline":"Locale","lang":"{tag}","published":"2013-09-24T12:00:00Z","body":[{{"type":"paragraph","text":"Text"}}]}}</script></reader-widget>"#
            )
        })
        .collect();
    let (container, host) = rendered_embed(&format!("{embeds_markup}{}", inline_embed(""))).await;
    for (tag, host) in tags.iter().zip(embeds(&container)) {
        rendered(&host).await;
        let date = find(&host, ".rw-article__date").and_then(|date| date.text_content());
        assert_eq!(date.as_deref(), Some("24 September 2013"), "{tag}");
    }
    // The widget goes on: the other embed follows a size step, and a new one renders.
    let sibling = embeds(&container).remove(tags.len());
    rendered(&sibling).await;
    click_size(&sibling, "lg").await;
    click_size(&sibling, "md").await;
    assert_eq!(checked_step(&host).as_deref(), Some("md"));
    let (later, _) = rendered_embed(&inline_embed("")).await;
    later.remove();
    container.remove();
}

#[wasm_bindgen_test]
async fn without_a_language_of_its_own_the_widget_speaks_its_ancestors() {
    let (container, host) = rendered_embed(&format!(
        r#"<div lang="uk"><section><reader-widget><script type="application/json">{NO_LANGUAGE}</script></reader-widget></section></div>"#
    ))
    .await;
    let legend = find(&host, ".rw-sizes__legend").and_then(|legend| legend.text_content());
    assert_eq!(legend.as_deref(), Some("Розмір тексту"));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_articles_language_wins_and_a_right_to_left_widget_mirrors_its_layout() {
    let persian = r#"{"headline":"عنوان","lang":"fa","body":[{"type":"paragraph","text":"متن"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget lang="ru"><script type="application/json">{persian}</script></reader-widget>"#
    ))
    .await;
    let legend = find(&host, ".rw-sizes__legend").expect("a legend");
    assert_eq!(legend.text_content().as_deref(), Some("اندازهٔ متن"));
    let root = find(&host, ".rw").expect("the root");
    assert_eq!(computed(&root, "direction"), "rtl");
    // Mirrored: the steps run right to left, XS rightmost.
    let left = |code: &str| step_label(&host, code).get_bounding_client_rect().left();
    assert!(
        left("xs") > left("lg"),
        "XS at {} and LG at {}",
        left("xs"),
        left("lg")
    );
    container.remove();
}

/// Runs `during` with `console.warn` recording its messages instead of printing them.
pub(super) async fn console_warnings<F: std::future::Future<Output = ()>>(
    during: F,
) -> Vec<String> {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = js_sys::Reflect::get(&console, &"warn".into()).unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(JsValue)>::new(move |message: JsValue| {
            seen.borrow_mut()
                .push(message.as_string().unwrap_or_default());
        })
    };
    js_sys::Reflect::set(&console, &"warn".into(), record.as_ref()).unwrap();
    during.await;
    js_sys::Reflect::set(&console, &"warn".into(), &original).unwrap();
    let seen = seen.borrow().clone();
    seen
}

#[wasm_bindgen_test]
async fn a_language_the_widget_does_not_speak_falls_back_to_english_said_once() {
    let mut container = None;
    let warnings = console_warnings(async {
        let page = page(&format!(
            r#"<reader-widget lang="pt-BR"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>
               <reader-widget lang="pt-BR"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>"#
        ));
        for host in embeds(&page) {
            rendered(&host).await;
            let skip = find(&host, ".rw-skip-link").and_then(|link| link.text_content());
            assert_eq!(skip.as_deref(), Some("Skip to article text"));
            let root = find(&host, ".rw").expect("the root");
            assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
        }
        container = Some(page);
    })
    .await;
    let about_the_language: Vec<&String> = warnings
        .iter()
        .filter(|warning| warning.contains("pt-BR"))
        .collect();
    assert_eq!(about_the_language.len(), 1, "{warnings:?}");
    assert!(about_the_language[0].contains("English"), "{warnings:?}");
    if let Some(container) = container {
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn a_right_to_left_widget_puts_its_skip_links_and_caption_on_the_right() {
    let fa = include_str!("../../demo/articles/syria-resolution.fa.json");
    let (container, host) = rendered_embed(&format!(
        r#"<div style="width: 600px"><reader-widget><script type="application/json">{fa}</script></reader-widget></div>"#
    ))
    .await;
    let root = find(&host, ".rw")
        .expect("the root")
        .get_bounding_client_rect();
    let link = find(&host, ".rw-skip-link").expect("a skip link");
    // Skip links are off screen until focused.
    link.focus().unwrap();
    let link = link.get_bounding_client_rect();
    assert!(
        (root.right() - link.right()).abs() < (root.left() - link.left()).abs(),
        "the skip link spans {}..{} in {}..{}",
        link.left(),
        link.right(),
        root.left(),
        root.right()
    );
    let caption = find(&host, ".rw-article__caption").expect("a caption");
    assert_eq!(computed(&caption, "direction"), "rtl");
    assert!(
        ["right", "start"].contains(&computed(&caption, "text-align").as_str()),
        "{}",
        computed(&caption, "text-align")
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn the_labels_attribute_wins_over_the_articles_labels_which_win_over_the_table() {
    let article = r#"{"headline":"H","lang":"es","labels":{"skipToArticle":"Al artículo","textSize":"Letra"},"body":[{"type":"paragraph","text":"Texto"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget labels='{{"textSize": "Tamaño de letra"}}'><script type="application/json">{article}</script></reader-widget>"#
    ))
    .await;
    let text = |selector: &str| find(&host, selector).and_then(|node| node.text_content());
    // From the attribute, the article's field, and the Spanish table.
    assert_eq!(
        text(".rw-sizes__legend").as_deref(),
        Some("Tamaño de letra")
    );
    assert_eq!(text(".rw-skip-link").as_deref(), Some("Al artículo"));
    let skip_past = shadow(&host)
        .query_selector_all(".rw-skip-link")
        .unwrap()
        .item(1)
        .and_then(|node| node.text_content());
    assert_eq!(skip_past.as_deref(), Some("Saltar este artículo"));
    // A new attribute value takes effect; a malformed one keeps the built-in labels.
    host.set_attribute("labels", r#"{"textSize": "Tamaño"}"#)
        .unwrap();
    wait_for("the new legend", || {
        text(".rw-sizes__legend").filter(|legend| legend == "Tamaño")
    })
    .await;
    host.set_attribute("labels", "{not json").unwrap();
    wait_for("the article's legend", || {
        text(".rw-sizes__legend").filter(|legend| legend == "Letra")
    })
    .await;
    container.remove();
}
