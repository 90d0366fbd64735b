//! Server-rendered snippets: hydration in place, an edited article rendered anew, HTML pipelines,
//! and browsers without declarative shadow roots.

use super::*;

/// The seed article's server-rendered snippet, as `reader-widget-snippet` writes it (a native
/// test in `src/snippet.rs` keeps it current).
pub(super) const SERVER_RENDERED: &str = include_str!("../fixtures/server-rendered-seed.html");

/// A container, not yet in the page, holding `html` parsed as a page's HTML is, declarative
/// shadow roots included (`setHTMLUnsafe`; `innerHTML` leaves them as templates).
#[cfg(feature = "hydration")]
pub(super) fn parsed_with_shadow_roots(html: &str) -> Element {
    reader_widget::define_element();
    let container = document().create_element("div").expect("a div");
    let set_html = js_sys::Reflect::get(&container, &"setHTMLUnsafe".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .expect("setHTMLUnsafe");
    set_html
        .call1(&container, &JsValue::from_str(html))
        .expect("parsed");
    container
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn hydration_keeps_the_server_rendered_nodes_and_makes_them_live() {
    let ready = Heard::new("reader-widget-ready");
    let container = parsed_with_shadow_roots(SERVER_RENDERED);
    let host = embeds(&container).remove(0);
    // The snippet's nodes, before the widget has seen them.
    let before: Vec<HtmlElement> = [
        ".rw",
        ".rw-article",
        ".rw-article__headline",
        ".rw-article__paragraph",
        ".rw-skip-link",
        ".rw-sizes__input",
    ]
    .iter()
    .map(|selector| find(&host, selector).expect("server-rendered"))
    .collect();
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    let detail = wait_for("the ready event", || ready.from(&host).pop()).await;
    assert_eq!(field(&detail, "format"), "html");
    let after = [
        ".rw",
        ".rw-article",
        ".rw-article__headline",
        ".rw-article__paragraph",
        ".rw-skip-link",
        ".rw-sizes__input",
    ]
    .map(|selector| find(&host, selector).expect("still there"));
    for (was, is) in before.iter().zip(after.iter()) {
        let is: &web_sys::Node = is.as_ref();
        assert!(
            was.is_same_node(Some(is)),
            "{} was replaced",
            was.class_name()
        );
    }
    // One article, one switcher: nothing rendered beside the snippet's markup.
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    // The switcher is live: each step sizes the article, and the skip link moves focus.
    let medium = {
        click_size(&host, "md").await;
        paragraph_size(&host)
    };
    click_size(&host, "lg").await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.5);
    let paragraph = find(&host, ".rw-article__paragraph").expect("a paragraph");
    let paragraph: &web_sys::Node = paragraph.as_ref();
    assert!(after[3].is_same_node(Some(paragraph)));
    find(&host, ".rw-skip-link").expect("a skip link").click();
    let focused = shadow(&host)
        .active_element()
        .map(|element| element.class_name())
        .unwrap_or_default();
    assert!(
        focused.contains("rw-article__body"),
        "focus is on {focused:?}"
    );
    click_size(&host, "md").await;
    container.remove();
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn a_snippet_whose_article_was_edited_is_rendered_anew_not_taken_over() {
    // A paragraph added to the light-DOM article after the snippet was made: the server's markup
    // no longer matches, and taking it over would meet nodes the app does not expect.
    let edited = SERVER_RENDERED.replacen(
        "</article>\n</reader-widget>",
        "<p>A paragraph added later.</p></article>\n</reader-widget>",
        1,
    );
    assert_ne!(edited, SERVER_RENDERED);
    let (container, host, kept) = start_snippet(&edited).await;
    assert!(!kept, "taken over");
    let last = shadow(&host)
        .query_selector(".rw-article__paragraph:last-child")
        .ok()
        .flatten()
        .and_then(|p| p.text_content());
    assert_eq!(last.as_deref(), Some("A paragraph added later."));
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    container.remove();
}

/// `snippet` parsed as a page's HTML, put in the page and started: its container, its element,
/// and whether its server-rendered article node is still the one shown (taken over) rather than
/// replaced (rendered anew).
#[cfg(feature = "hydration")]
pub(super) async fn start_snippet(snippet: &str) -> (Element, HtmlElement, bool) {
    let ready = Heard::new("reader-widget-ready");
    let container = parsed_with_shadow_roots(snippet);
    let host = embeds(&container).remove(0);
    let server_article = find(&host, ".rw-article").expect("server-rendered");
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    wait_for("the ready event", || ready.from(&host).pop()).await;
    let article = find(&host, ".rw-article").expect("an article");
    let article: &web_sys::Node = article.as_ref();
    let kept = server_article.is_same_node(Some(article));
    (container, host, kept)
}

/// What became of a snippet once the widget started: taken over (`true`) or rendered anew.
/// Either way the embed must show one article whose size steps work.
#[cfg(feature = "hydration")]
pub(super) async fn taken_over(snippet: &str) -> bool {
    let (container, host, kept) = start_snippet(snippet).await;
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    click_size(&host, "md").await;
    let medium = paragraph_size(&host);
    click_size(&host, "lg").await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.5);
    click_size(&host, "md").await;
    container.remove();
    kept
}

/// `html` with `change` applied to the widget markup inside its declarative shadow root only.
#[cfg(feature = "hydration")]
pub(super) fn in_the_shadow_markup(html: &str, change: impl Fn(&str) -> String) -> String {
    let start = html.find("<div class=\"rw-mount\"").expect("the mount");
    let end = html.find("</template>").expect("the template's end");
    format!(
        "{}{}{}",
        &html[..start],
        change(&html[start..end]),
        &html[end..]
    )
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn a_snippet_through_an_html_pipeline_is_taken_over_only_while_its_markup_is_unchanged() {
    assert!(taken_over(SERVER_RENDERED).await, "the snippet as written");

    // What minifiers, CDNs' auto-minify and CMS editors do to markup. Each of these once met
    // Yew's hydration with nodes it did not expect, which stopped every embed on the page.
    let without_comments = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        let mut kept = String::new();
        let mut rest = markup;
        while let Some(open) = rest.find("<!--") {
            kept.push_str(&rest[..open]);
            let close = rest[open..].find("-->").expect("a closed comment");
            rest = &rest[open + close + 3..];
        }
        kept.push_str(rest);
        kept
    });
    let pretty_printed =
        in_the_shadow_markup(SERVER_RENDERED, |markup| markup.replace("><", ">\n  <"));
    let collapsed = in_the_shadow_markup(SERVER_RENDERED, |markup| markup.replace("> <", "><"));
    let without_parts = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        markup
            .replace(" part=\"skip-link\"", "")
            .replace(" part=\"article\"", "")
    });
    let without_data = SERVER_RENDERED.replacen(" data-server-rendered=", " data-x=", 1);
    let version = SERVER_RENDERED
        .split("data-server-rendered=\"")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("the version");
    let earlier_build = SERVER_RENDERED.replacen(version, "0.1.0+00000000", 1);
    for (what, snippet) in [
        ("comments removed", &without_comments),
        ("whitespace added between tags", &pretty_printed),
        ("whitespace between tags removed", &collapsed),
        ("part attributes stripped", &without_parts),
        ("data attributes stripped", &without_data),
        ("an earlier build's markup", &earlier_build),
    ] {
        assert_ne!(snippet, SERVER_RENDERED, "{what}: the change applies");
        assert!(!taken_over(snippet).await, "{what}: taken over");
    }

    // The same tree spelled otherwise is the same markup: taken over.
    let requoted = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        markup
            .replace(
                "<div lang=\"en\" dir=\"ltr\" class=\"rw\">",
                "<div class='rw' dir=ltr lang='en'>",
            )
            .replace(" checked ", " checked=\"\" ")
    });
    assert_ne!(requoted, SERVER_RENDERED);
    assert!(
        taken_over(&requoted).await,
        "attributes reordered and requoted"
    );
    // A CMS editor's round trip: parsed (the template stays a template) and serialized again.
    let round_trip = {
        let editor = document().create_element("div").expect("a div");
        editor.set_inner_html(SERVER_RENDERED);
        let parsed = web_sys::DomParser::new()
            .expect("a DOMParser")
            .parse_from_string(&editor.inner_html(), web_sys::SupportedType::TextHtml)
            .expect("parsed");
        parsed.body().expect("a body").inner_html()
    };
    assert!(round_trip.contains("shadowrootmode"), "{round_trip}");
    assert!(
        taken_over(&round_trip).await,
        "round-tripped through innerHTML and DOMParser"
    );
}

#[wasm_bindgen_test]
async fn without_declarative_shadow_roots_the_snippet_renders_from_its_markup() {
    // `innerHTML` leaves the template a template, as a browser without declarative shadow roots
    // does: the widget reads the light-DOM article and renders as it always has.
    let (container, host) = rendered_embed(SERVER_RENDERED).await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(
        headline.as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    assert!(find(&host, "[data-server-rendered]").is_none());
    container.remove();
}
