//! Tests of server-rendered snippets and oEmbed answers, run natively through Yew's server
//! renderer.

use super::*;
use crate::article::{ArticleFormat, MAX_ARTICLE_BYTES};
use crate::components::Reader;
use crate::labels::ENGLISH;

const SEED: &str = include_str!("../../demo/articles/syria-resolution.json");
const SEED_LD: &str = include_str!("../../demo/articles/syria-resolution.jsonld");

fn options() -> SnippetOptions {
    SnippetOptions {
        styles: SnippetStyles::Link {
            url: "https://cdn.example/reader-widget.css".to_owned(),
            integrity: false,
        },
        ..SnippetOptions::default()
    }
}

async fn snippet_of(json: &str, options: &SnippetOptions) -> Snippet {
    render_snippet(read_article_source(json).unwrap(), options).await
}

/// The light-DOM part of a snippet: what follows the template.
fn light_dom(html: &str) -> &str {
    html.split("</template>").nth(1).unwrap()
}

/// The article as the fallback markup carries it: what the markup reader can give back.
fn as_markup_gives(mut article: Article) -> Article {
    article.format = ArticleFormat::Html;
    article.labels = LabelOverrides::default();
    article.url = None;
    article
}

#[tokio::test]
async fn the_snippet_is_the_element_with_a_declarative_shadow_root_and_a_stylesheet_link() {
    let snippet = snippet_of(SEED, &options()).await;
    assert!(snippet.html.starts_with(
        "<reader-widget><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://cdn.example/reader-widget.css\"><div class=\"rw-mount\" data-server-rendered=\""
    ), "{}", snippet.html);
    assert!(snippet.html.ends_with("</article>\n</reader-widget>"));
    assert!(snippet.notes.is_empty(), "{:?}", snippet.notes);
}

#[tokio::test]
async fn the_shadow_root_holds_exactly_what_the_widget_renders() {
    let snippet = snippet_of(SEED, &options()).await;
    let article = read_article_source(SEED).unwrap();
    let rendered = LocalServerRenderer::<Reader>::with_props(ReaderProps {
        state: LoadState::Ready(Rc::new(article)),
        size: TextSize::Md,
        instance: 1,
        onchoose_size: Callback::noop(),
        labels: ENGLISH,
        listen: None,
    })
    .hydratable(false)
    .render()
    .await;
    let start = snippet.html.find("data-server-rendered=").unwrap();
    let shadow = snippet.html[start..].split("</template>").next().unwrap();
    // Less the component markers that hydration walks.
    let mut without_markers = String::new();
    let mut rest = shadow;
    while let Some(open) = rest.find("<!--") {
        without_markers.push_str(&rest[..open]);
        rest = &rest[open + rest[open..].find("-->").unwrap() + 3..];
    }
    without_markers.push_str(rest);
    assert!(shadow.contains("<!--<["), "the markers are there: {shadow}");
    assert!(
        without_markers.contains(&format!(">{rendered}</div>")),
        "{without_markers}\n\nversus\n\n{rendered}"
    );
}

#[tokio::test]
async fn reading_the_light_dom_markup_gives_the_article_back() {
    let every_block = r#"{"headline":"Every block","standfirst":"A standfirst.","byline":"By Someone","lang":"fr",
        "source":{"name":"Agency","url":"https://agency.example/"},"published":"2024-02-29T10:00:00Z",
        "image":{"src":"https://img.example/a.png","alt":"Alt","caption":"A caption.","credit":"Credit","width":640,"height":480},
        "body":[{"type":"paragraph","text":"One & two < three"},{"type":"subheading","text":"Sub"},
                {"type":"quote","text":"Quoted.","cite":"Someone Else"},{"type":"quote","text":"Unsourced."},
                {"type":"list","items":["a","b"]},{"type":"list","ordered":true,"items":["c"]}]}"#;
    for json in [SEED, SEED_LD, every_block] {
        let snippet = snippet_of(json, &options()).await;
        let read_back = read_article_source(light_dom(&snippet.html)).unwrap();
        assert_eq!(read_back, as_markup_gives(snippet.article.clone()));
    }
}

/// The widget markup inside the mount, as written.
fn widget_markup(html: &str) -> &str {
    let start = html.find("data-server-rendered=").unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    let end = html.find("</div></template>").unwrap();
    &html[start..end]
}

#[tokio::test]
async fn the_mount_names_the_version_the_light_dom_articles_fingerprint_and_the_markups_hash() {
    let snippet = snippet_of(SEED, &options()).await;
    let read_back = read_article_source(light_dom(&snippet.html)).unwrap();
    let markup = widget_markup(&snippet.html);
    let mark = format!(
        "data-server-rendered=\"{} {} {}\"",
        crate::MARKUP_VERSION,
        read_back.fingerprint(),
        hash_of_widget_markup(markup)
    );
    assert!(snippet.html.contains(&mark), "{}", snippet.html);
    // The hash follows the markup: a comment marker removed, or whitespace added.
    let without_marker = markup.replacen(
        "<!--<[reader_widget::components::reader::Reader]>-->",
        "",
        1,
    );
    assert_ne!(without_marker, markup);
    assert_ne!(
        hash_of_widget_markup(&without_marker),
        hash_of_widget_markup(markup)
    );
    let spaced = markup.replacen("</legend>", "</legend> ", 1);
    assert_ne!(
        hash_of_widget_markup(&spaced),
        hash_of_widget_markup(markup)
    );
    // It is the parsed tree's: single-quoted attributes, reordered, hash alike.
    let requoted = markup.replacen(
        "<div lang=\"en\" dir=\"ltr\" class=\"rw\">",
        "<div class='rw' dir=ltr lang='en'>",
        1,
    );
    assert_ne!(requoted, markup);
    assert_eq!(
        hash_of_widget_markup(&requoted),
        hash_of_widget_markup(markup)
    );
    // An edit to the light-DOM article changes the fingerprint.
    let edited = light_dom(&snippet.html).replacen("</p>", " (updated)</p>", 1);
    let edited = read_article_source(&edited).unwrap();
    assert_ne!(edited.fingerprint(), read_back.fingerprint());
}

#[tokio::test]
async fn markup_in_the_articles_text_stays_text_in_both_parts() {
    let json = r#"{"headline":"<script>alert(1)</script>","byline":"\" onmouseover=\"x","body":[{"type":"paragraph","text":"<img src=x onerror=alert(1)>"}]}"#;
    let snippet = snippet_of(json, &options()).await;
    assert!(!snippet.html.contains("<script"), "{}", snippet.html);
    assert!(!snippet.html.contains("<img src=x"), "{}", snippet.html);
    let read_back = read_article_source(light_dom(&snippet.html)).unwrap();
    assert_eq!(read_back.headline, "<script>alert(1)</script>");
    assert_eq!(read_back.byline.as_deref(), Some("\" onmouseover=\"x"));
}

#[tokio::test]
async fn urls_resolve_against_the_base_and_non_web_urls_are_dropped_with_a_note() {
    let json = r#"{"headline":"H","image":{"src":"pictures/a.png","alt":""},"source":{"name":"S","url":"javascript:alert(1)"},"body":[{"type":"paragraph","text":"p"}]}"#;
    let absolute = SnippetOptions {
        base_url: Some("https://news.example/articles/a.json".to_owned()),
        ..options()
    };
    let snippet = snippet_of(json, &absolute).await;
    let image = snippet.article.image.as_ref().unwrap();
    assert_eq!(image.src, "https://news.example/articles/pictures/a.png");
    assert_eq!(snippet.article.source.as_ref().unwrap().url, None);
    assert_eq!(
        snippet.notes,
        vec!["ignored the source URL \"javascript:alert(1)\": not an http(s) URL"]
    );
    assert!(!snippet.html.contains("javascript:"));
    let folder = SnippetOptions {
        base_url: Some("../articles/".to_owned()),
        ..options()
    };
    let snippet = snippet_of(json, &folder).await;
    assert_eq!(
        snippet.article.image.unwrap().src,
        "../articles/pictures/a.png"
    );
    for src in ["data:text/html,x", "http://[unclosed"] {
        let image = format!(
            r#"{{"headline":"H","image":{{"src":"{src}","alt":""}},"body":[{{"type":"paragraph","text":"p"}}]}}"#
        );
        let snippet = snippet_of(&image, &options()).await;
        assert_eq!(snippet.article.image, None, "{src}");
        assert!(!snippet.html.contains("<img"), "{src}");
        assert_eq!(snippet.notes.len(), 1, "{src}");
    }
}

#[tokio::test]
async fn the_articles_labels_travel_in_the_labels_attribute_and_the_size_in_text_size() {
    let json = r#"{"headline":"H","labels":{"skipToArticle":"Jump \"in\""},"body":[{"type":"paragraph","text":"p"}]}"#;
    let options = SnippetOptions {
        text_size: Some(TextSize::Lg),
        ..options()
    };
    let snippet = snippet_of(json, &options).await;
    assert!(
        snippet.html.starts_with(
            r#"<reader-widget text-size="lg" labels="{&quot;skipToArticle&quot;:&quot;Jump \&quot;in\&quot;&quot;}"><template"#
        ),
        "{}",
        snippet.html
    );
    assert!(
        snippet.html.contains(">Jump \"in\"</a>"),
        "{}",
        snippet.html
    );
    assert!(snippet.html.contains("rw-size-lg"));
}

#[tokio::test]
async fn a_language_the_widget_does_not_speak_is_noted() {
    let json = r#"{"headline":"H","lang":"pt","body":[{"type":"paragraph","text":"p"}]}"#;
    let snippet = snippet_of(json, &options()).await;
    assert_eq!(
        snippet.notes,
        vec!["the widget does not speak \"pt\" yet; its controls are in English"]
    );
}

#[tokio::test]
async fn by_default_the_styles_are_inline_and_the_csp_hash_is_the_styles_hash() {
    use base64::Engine;
    use sha2::Digest;
    let snippet = snippet_of(SEED, &SnippetOptions::default()).await;
    let css = stylesheet();
    assert!(
        snippet.html.starts_with(&format!(
            "<reader-widget><template shadowrootmode=\"open\"><style>{css}</style><div class=\"rw-mount\""
        )),
        "{}",
        snippet.html
    );
    assert!(!snippet.html.contains("<link"));
    // The hash a browser computes over the element's text, as CSP Level 3 defines it.
    let expected = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&css));
    assert_eq!(style_hash_source(), format!("'sha256-{expected}'"));
    assert!(
        !css.contains("</"),
        "the styles would end the <style> element early"
    );
}

#[tokio::test]
async fn the_stylesheet_link_can_carry_the_stylesheets_integrity() {
    let plain = snippet_of(SEED, &options()).await;
    assert!(!plain.html.contains("integrity="));
    let checked = snippet_of(
        SEED,
        &SnippetOptions {
            styles: SnippetStyles::Link {
                url: "https://cdn.example/reader-widget.css".to_owned(),
                integrity: true,
            },
            ..options()
        },
    )
    .await;
    let integrity = stylesheet_integrity();
    assert!(
        integrity.starts_with("sha384-") && integrity.len() == 71,
        "{integrity}"
    );
    assert!(
        checked.html.contains(&format!(
            "<link rel=\"stylesheet\" href=\"https://cdn.example/reader-widget.css\" integrity=\"{integrity}\" crossorigin=\"anonymous\">"
        )),
        "{}",
        checked.html
    );
}

#[tokio::test]
async fn the_browser_tests_fixture_is_what_the_command_renders_now() {
    let fixture = include_str!("../../tests/fixtures/server-rendered-seed.html");
    let snippet = snippet_of(SEED, &SnippetOptions::default()).await;
    assert!(
        fixture.trim_end() == snippet.html,
        "tests/fixtures/server-rendered-seed.html is out of date: cargo run --bin \
         reader-widget-snippet -- demo/articles/syria-resolution.json > \
         tests/fixtures/server-rendered-seed.html"
    );
}

#[test]
fn bad_input_fails_with_the_widgets_own_errors() {
    let kind = |text: &str| read_article_source(text).unwrap_err().code();
    assert_eq!(kind("{"), "malformed");
    assert_eq!(kind(r#"{"headline":"H","body":[]}"#), "empty-body");
    assert_eq!(kind("<p>No article here</p>"), "malformed");
    assert_eq!(
        kind("<article><p>No headline</p></article>"),
        "missing-headline"
    );
    let huge = format!(
        "<article><h1>H</h1><p>{}</p></article>",
        "x".repeat(MAX_ARTICLE_BYTES)
    );
    assert_eq!(kind(&huge), "too-large");
    assert_eq!(
        read_article_source("<p>No article here</p>")
            .unwrap_err()
            .to_string(),
        "the HTML has no <article> element"
    );
}

#[test]
fn reads_an_html_file_with_a_byte_order_mark_and_the_article_deep_inside() {
    let page = "\u{feff}<!doctype html><html><body><main><div><article lang=\"en\"><h1>H</h1><p>Text</p></article></div></main></body></html>";
    let article = read_article_source(page).unwrap();
    assert_eq!(article.headline, "H");
    assert_eq!(article.lang.as_deref(), Some("en"));
}

#[test]
fn the_stylesheet_is_the_widgets_with_the_size_steps_working_without_script() {
    let css = stylesheet();
    assert!(css.starts_with(&crate::widget_css()));
    assert!(css.contains(".rw:has(.rw-sizes__input[value=xs]:checked){--rw-checked-size:80%}"));
    assert!(css.contains(".rw:has(.rw-sizes__input[value=lg]:checked){--rw-checked-size:125%}"));
    assert_eq!(css.matches(":checked){--rw-checked-size:").count(), 4);
    assert!(css.ends_with(".rw .rw-article{font-size:var(--rw-checked-size,100%)}"));
}

#[tokio::test]
async fn the_oembed_answer_is_rich_with_the_snippet() {
    let snippet = snippet_of(SEED, &options()).await;
    let answer = oembed(&snippet, "reader-widget", Some(500));
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["html"], snippet.html.as_str());
    assert_eq!(
        answer["title"],
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert_eq!(answer["author_name"], "VOA News");
    assert_eq!(answer["width"], 500);
    assert_eq!(answer["height"], Value::Null);
    assert_eq!(oembed(&snippet, "p", None)["width"], 672);
    assert_eq!(oembed(&snippet, "p", Some(2000))["width"], 672);
}
