//! The widget's markup, rendered natively through Yew's server renderer: what the skip links
//! point at, how the size switcher is named and grouped, and the article's language and
//! direction. No browser needed; behaviour in a real page is in `tests/browser.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use reader_widget::article::Article;
use reader_widget::components::{LoadState, Reader, ReaderProps};
use reader_widget::error::{LoadError, LoadErrorKind};
use reader_widget::labels::{Labels, ENGLISH};
use reader_widget::text_size::TextSize;
use yew::LocalServerRenderer;

const SEED: &str = include_str!("../demo/articles/syria-resolution.json");

/// An article read as the snippet command reads it, over serde_json.
fn parse_article(json: &str) -> Result<Article, LoadError> {
    reader_widget::read::parse_article::<serde_json::Value>(json)
}

fn seed() -> Rc<Article> {
    Rc::new(parse_article(SEED).expect("the seed article parses"))
}

async fn render(state: LoadState, size: TextSize, instance: u32) -> String {
    render_in(ENGLISH, state, size, instance).await
}

async fn render_in(labels: Labels, state: LoadState, size: TextSize, instance: u32) -> String {
    let props = ReaderProps {
        state,
        size,
        instance,
        onchoose_size: Default::default(),
        labels,
        listen: None,
    };
    LocalServerRenderer::<Reader>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The values of `attribute` on every `tag` element, in document order.
fn attribute_values<'a>(html: &'a str, tag: &str, attribute_name: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter_map(|(start, _)| {
            let rest = html.get(start..)?;
            attribute(rest.get(..rest.find('>')?)?, attribute_name)
        })
        .collect()
}

/// The start tag of the first `tag` element whose class list contains `class`.
fn start_tag<'a>(html: &'a str, tag: &str, class: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    html.match_indices(&open).find_map(|(start, _)| {
        let rest = html.get(start..)?;
        let element = rest.get(..rest.find('>')?)?;
        attribute(element, "class")
            .is_some_and(|classes| classes.split(' ').any(|c| c == class))
            .then_some(element)
    })
}

/// The value of `name` in a start tag.
fn attribute<'a>(start_tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let value_start = start_tag.find(&key)? + key.len();
    let value = start_tag.get(value_start..)?;
    value.get(..value.find('"')?)
}

#[tokio::test]
async fn skip_links_come_first_and_point_at_elements_of_the_embed() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 7).await;
    let first_link = html.find("<a").expect("a link");
    assert!(
        first_link < html.find("<fieldset").expect("the switcher"),
        "skip links precede the switcher"
    );
    assert!(first_link < html.find("<article").expect("the article"));
    let hrefs = attribute_values(&html, "a", "href");
    assert_eq!(hrefs.get(..2), Some(&["#rw-7-body", "#rw-7-end"][..]));
    let ids = attribute_values(&html, "div", "id");
    assert!(ids.contains(&"rw-7-body"), "{ids:?}");
    assert!(ids.contains(&"rw-7-end"), "{ids:?}");
    assert!(html.contains(ENGLISH.skip_to_article.as_str()));
    assert!(html.contains(ENGLISH.skip_past_article.as_str()));
}

#[tokio::test]
async fn the_article_body_is_the_skip_target_and_holds_the_text() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    let body = html.find("id=\"rw-1-body\"").expect("the body");
    let first_paragraph = html.find("The top diplomats").expect("the first paragraph");
    assert!(body < first_paragraph);
    assert!(
        html.find("<h2").expect("headline") < body,
        "the headline is before the body"
    );
}

#[tokio::test]
async fn the_size_switcher_is_one_radio_group_named_per_embed() {
    let first = render(LoadState::Ready(seed()), TextSize::Lg, 1).await;
    let second = render(LoadState::Ready(seed()), TextSize::Lg, 2).await;
    assert_eq!(attribute_values(&first, "input", "type"), vec!["radio"; 4]);
    assert_eq!(
        attribute_values(&first, "input", "name"),
        vec!["rw-1-size"; 4]
    );
    assert_eq!(
        attribute_values(&second, "input", "name"),
        vec!["rw-2-size"; 4]
    );
    assert_eq!(
        attribute_values(&first, "input", "value"),
        vec!["xs", "sm", "md", "lg"]
    );
    assert!(first.contains("<legend class=\"rw-sizes__legend\">Text size</legend>"));
}

#[tokio::test]
async fn only_the_selected_step_is_checked() {
    for selected in TextSize::ALL {
        let html = render(LoadState::Ready(seed()), selected, 1).await;
        let inputs: Vec<&str> = html
            .split("<input")
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or_default())
            .collect();
        assert_eq!(inputs.len(), 4);
        for (input, size) in inputs.iter().zip(TextSize::ALL) {
            assert_eq!(
                input.contains("checked"),
                size == selected,
                "{size} when {selected} is selected: {input}"
            );
        }
    }
}

#[tokio::test]
async fn each_steps_accessible_name_starts_with_its_visible_label() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    for size in TextSize::ALL {
        let expected = format!(
            "{}<span class=\"rw-visually-hidden\">, {}</span>",
            size.label(),
            ENGLISH.size_description(size)
        );
        assert!(html.contains(&expected), "{expected} in {html}");
    }
}

#[tokio::test]
async fn the_article_carries_the_size_class_and_its_language() {
    let html = render(LoadState::Ready(seed()), TextSize::Lg, 1).await;
    let article = start_tag(&html, "article", "rw-article").expect("the article");
    assert_eq!(attribute(article, "class"), Some("rw-article rw-size-lg"));
    assert_eq!(attribute(article, "lang"), Some("en"));
    assert_eq!(attribute(article, "dir"), Some("ltr"));
}

#[tokio::test]
async fn a_right_to_left_article_gets_dir_rtl_inside_english_labels() {
    let article = parse_article(
        r#"{"headline":"مجلس الأمن","lang":"ar","body":[{"type":"paragraph","text":"نص"}]}"#,
    )
    .expect("parses");
    let html = render(LoadState::Ready(Rc::new(article)), TextSize::Md, 1).await;
    let article = start_tag(&html, "article", "rw-article").expect("the article");
    assert_eq!(attribute(article, "lang"), Some("ar"));
    assert_eq!(attribute(article, "dir"), Some("rtl"));
    let root = start_tag(&html, "div", "rw").expect("the widget's root");
    assert_eq!(attribute(root, "lang"), Some("en"));
    assert_eq!(attribute(root, "dir"), Some("ltr"));
}

#[tokio::test]
async fn persian_labels_speak_persian_right_to_left_and_keep_the_visible_step_labels() {
    let persian = Labels::for_language("fa").expect("Persian labels");
    let html = render_in(persian.clone(), LoadState::Ready(seed()), TextSize::Md, 1).await;
    let root = start_tag(&html, "div", "rw").expect("the widget's root");
    assert_eq!(attribute(root, "lang"), Some("fa"));
    assert_eq!(attribute(root, "dir"), Some("rtl"));
    assert!(html.contains(persian.skip_to_article.as_str()), "{html}");
    assert!(html.contains(&format!(
        "XS<span class=\"rw-visually-hidden\">{}{}</span>",
        persian.separator, persian.size_descriptions[0]
    )));
    // The English article keeps its own language and direction inside the Persian widget.
    let article = start_tag(&html, "article", "rw-article").expect("the article");
    assert_eq!(attribute(article, "lang"), Some("en"));
    assert_eq!(attribute(article, "dir"), Some("ltr"));
}

#[tokio::test]
async fn an_article_without_a_language_sets_neither_lang_nor_dir() {
    let article = parse_article(r#"{"headline":"H","body":[{"type":"paragraph","text":"p"}]}"#)
        .expect("parses");
    let html = render(LoadState::Ready(Rc::new(article)), TextSize::Md, 1).await;
    let article = start_tag(&html, "article", "rw-article").expect("the article");
    assert_eq!(attribute(article, "lang"), None);
    assert_eq!(attribute(article, "dir"), None);
}

#[tokio::test]
async fn the_lead_figure_has_alt_text_caption_and_credit() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    let article = seed();
    let image = article.image.as_ref().expect("the seed has an image");
    assert!(html.contains(&format!("alt=\"{}\"", image.alt)));
    assert!(start_tag(&html, "figcaption", "rw-article__caption").is_some());
    assert!(html.contains("<bdi>John Kerry and Sergei Lavrov shake hands"));
    assert!(html
        .contains("<span class=\"rw-article__credit\">Image: <bdi>Placeholder image</bdi></span>"));
}

#[tokio::test]
async fn a_sized_image_keeps_its_room_and_an_unsized_one_gets_no_size() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    let img = start_tag(&html, "img", "rw-article__image").expect("the image");
    assert_eq!(attribute(img, "width"), Some("1200"));
    assert_eq!(attribute(img, "height"), Some("675"));
    let mut half_sized = (*seed()).clone();
    if let Some(image) = half_sized.image.as_mut() {
        image.height = None;
    }
    let html = render(LoadState::Ready(Rc::new(half_sized)), TextSize::Md, 1).await;
    let img = start_tag(&html, "img", "rw-article__image").expect("the image");
    assert_eq!(attribute(img, "width"), None);
    assert_eq!(attribute(img, "height"), None);
}

#[tokio::test]
async fn byline_source_and_date_share_the_meta_line() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    assert!(html.contains("<span class=\"rw-article__byline\">VOA News</span>"));
    assert!(html.contains(
        "<a href=\"https://www.voanews.com/\" rel=\"noopener noreferrer\">Voice of America</a>"
    ));
    let time = start_tag(&html, "time", "rw-article__date").expect("the date");
    assert_eq!(attribute(time, "datetime"), Some("2013-09-24T00:00:00Z"));
    assert!(html.contains(">24 September 2013</time>"));
}

#[tokio::test]
async fn markup_in_article_text_stays_text() {
    let article = parse_article(
        r#"{"headline":"<script>alert(1)</script>","body":[{"type":"paragraph","text":"<img src=x onerror=alert(1)>"}]}"#,
    )
    .expect("parses");
    let html = render(LoadState::Ready(Rc::new(article)), TextSize::Md, 1).await;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

#[tokio::test]
async fn a_source_link_that_is_not_a_web_link_is_plain_text() {
    let article = parse_article(
        r#"{"headline":"H","source":{"name":"Agency","url":"javascript:alert(1)"},"body":[{"type":"paragraph","text":"p"}]}"#,
    )
    .expect("parses");
    let html = render(LoadState::Ready(Rc::new(article)), TextSize::Md, 1).await;
    assert!(!html.contains("javascript:"), "{html}");
    assert!(
        html.contains("<span class=\"rw-article__source\">Agency</span>"),
        "{html}"
    );
}

#[tokio::test]
async fn the_main_pieces_carry_their_part_names_for_publishers() {
    let html = render(LoadState::Ready(seed()), TextSize::Md, 1).await;
    let parts: Vec<&str> = [
        "a",
        "fieldset",
        "span",
        "article",
        "header",
        "h2",
        "p",
        "figure",
        "figcaption",
        "div",
    ]
    .iter()
    .flat_map(|tag| attribute_values(&html, tag, "part"))
    .collect();
    for part in [
        "skip-links",
        "skip-link",
        "size-control",
        "size-step",
        "article",
        "header",
        "headline",
        "byline",
        "figure",
        "caption",
        "body",
    ] {
        assert!(parts.contains(&part), "no part=\"{part}\" in {parts:?}");
    }
}

#[tokio::test]
async fn every_block_type_renders_as_its_element() {
    let article = parse_article(
        r#"{"headline":"H","body":[
            {"type":"subheading","text":"Sub"},
            {"type":"quote","text":"Q","cite":"Kerry"},
            {"type":"list","ordered":true,"items":["one","two"]},
            {"type":"list","items":["dot"]}]}"#,
    )
    .expect("parses");
    let html = render(LoadState::Ready(Rc::new(article)), TextSize::Md, 1).await;
    assert!(html.contains("<h3 class=\"rw-article__subheading\">Sub</h3>"));
    assert!(html.contains("<blockquote class=\"rw-article__quote\"><p>Q</p><p class=\"rw-article__quote-source\">— Kerry</p></blockquote>"), "{html}");
    assert!(html.contains("<ol class=\"rw-article__list\"><li>one</li><li>two</li></ol>"));
    assert!(html.contains("<ul class=\"rw-article__list\"><li>dot</li></ul>"));
}

#[tokio::test]
async fn while_loading_there_is_a_status_message_and_no_controls() {
    let html = render(LoadState::Loading, TextSize::Md, 1).await;
    // `rw-loading` is said, but takes no room (see the stylesheet).
    let status = start_tag(&html, "p", "rw-loading").expect("a status message");
    assert_eq!(attribute(status, "role"), Some("status"));
    assert!(
        html.contains(&format!(">{}</p>", ENGLISH.loading)),
        "{html}"
    );
    assert!(!html.contains("<fieldset"));
    assert!(!html.contains("rw-skip-links"));
}

#[tokio::test]
async fn a_failed_article_shows_a_readable_error() {
    let error = LoadError::new(LoadErrorKind::Http {
        url: "https://news.example/missing.json".into(),
        status: 404,
    });
    let html = render(LoadState::Failed(error), TextSize::Md, 1).await;
    assert!(
        start_tag(&html, "p", "rw-status--error").is_some(),
        "{html}"
    );
    assert!(html.contains(ENGLISH.unreachable.as_str()), "{html}");
    let invalid = render(
        LoadState::Failed(LoadError::new(LoadErrorKind::MissingHeadline)),
        TextSize::Md,
        1,
    )
    .await;
    assert!(invalid.contains(ENGLISH.unusable.as_str()), "{invalid}");
}
