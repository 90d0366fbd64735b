//! Tests of reading an article from markup, run natively over hand-built trees.

use super::fixture::{el, text, Node};
use super::*;
use crate::article::check;

/// The seed article's opening as a publisher's page might mark it up.
fn seed_markup() -> Node {
    el(
        "article",
        &[("lang", "en")],
        vec![
            el(
                "header",
                &[],
                vec![
                    el(
                        "h1",
                        &[],
                        vec![text("US, Russia Fail to Agree on Syria Resolution")],
                    ),
                    el(
                        "p",
                        &[("class", "byline")],
                        vec![el(
                            "a",
                            &[("rel", "author"), ("href", "/voa")],
                            vec![text("VOA News")],
                        )],
                    ),
                    el(
                        "p",
                        &[],
                        vec![el(
                            "time",
                            &[("datetime", "2013-09-24T00:00:00Z")],
                            vec![text("September 24, 2013")],
                        )],
                    ),
                ],
            ),
            el(
                "figure",
                &[],
                vec![
                    el(
                        "img",
                        &[
                            ("src", "kerry-lavrov-placeholder.svg"),
                            ("alt", "John Kerry and Sergei Lavrov shake hands."),
                            ("width", "1200"),
                            ("height", "675"),
                        ],
                        vec![],
                    ),
                    el(
                        "figcaption",
                        &[],
                        vec![
                            text("Kerry and Lavrov in New York. "),
                            el(
                                "span",
                                &[("class", "credit")],
                                vec![text("Placeholder image")],
                            ),
                        ],
                    ),
                ],
            ),
            el(
                "p",
                &[],
                vec![text(
                    "The top diplomats from the United States and Russia\n   held talks Tuesday.",
                )],
            ),
            el("h2", &[], vec![text("Chapter VII")]),
            el(
                "div",
                &[("class", "article-body")],
                vec![
                    el("p", &[], vec![text("Russia opposes a resolution.")]),
                    el(
                        "blockquote",
                        &[],
                        vec![
                            el("p", &[], vec![text("We will not agree.")]),
                            el("footer", &[], vec![text("Sergei Lavrov")]),
                        ],
                    ),
                    el(
                        "ul",
                        &[],
                        vec![
                            el("li", &[], vec![text("Jordan")]),
                            el("li", &[], vec![text("Lebanon")]),
                        ],
                    ),
                    el(
                        "aside",
                        &[],
                        vec![el("p", &[], vec![text("Related: more news")])],
                    ),
                ],
            ),
            el("footer", &[], vec![el("p", &[], vec![text("© VOA")])]),
        ],
    )
}

#[test]
fn reads_the_header_pieces() {
    let article = read_markup(&seed_markup());
    assert_eq!(
        article.headline,
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert_eq!(article.byline.as_deref(), Some("VOA News"));
    assert_eq!(article.published.as_deref(), Some("2013-09-24T00:00:00Z"));
    assert_eq!(article.lang.as_deref(), Some("en"));
    assert_eq!(article.format, ArticleFormat::Html);
}

#[test]
fn reads_the_source_with_its_link_and_keeps_it_out_of_the_body() {
    let article = read_markup(&el(
        "article",
        &[],
        vec![
            el("h1", &[], vec![text("H")]),
            el(
                "p",
                &[("class", "source")],
                vec![el(
                    "a",
                    &[("href", "https://www.voanews.com/")],
                    vec![text("Voice of America")],
                )],
            ),
            el("p", &[], vec![text("Body")]),
        ],
    ));
    let source = article.source.expect("a source");
    assert_eq!(source.name, "Voice of America");
    assert_eq!(source.url.as_deref(), Some("https://www.voanews.com/"));
    assert_eq!(
        article.body,
        vec![Block::Paragraph {
            text: "Body".into()
        }]
    );
    let unlinked = read_markup(&el(
        "article",
        &[],
        vec![el("span", &[("class", "source")], vec![text("Agency")])],
    ));
    assert_eq!(
        unlinked.source,
        Some(Source {
            name: "Agency".into(),
            url: None
        })
    );
}

#[test]
fn reads_the_figure_with_caption_and_credit_apart() {
    let image = read_markup(&seed_markup()).image.unwrap();
    assert_eq!(image.src, "kerry-lavrov-placeholder.svg");
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    assert_eq!(image.alt, "John Kerry and Sergei Lavrov shake hands.");
    assert_eq!(
        image.caption.as_deref(),
        Some("Kerry and Lavrov in New York.")
    );
    assert_eq!(image.credit.as_deref(), Some("Placeholder image"));
}

#[test]
fn reads_the_body_in_order_and_skips_what_is_not_body() {
    let article = read_markup(&seed_markup());
    assert_eq!(
        article.body,
        vec![
            Block::Paragraph {
                text: "The top diplomats from the United States and Russia held talks Tuesday."
                    .into()
            },
            Block::Subheading {
                text: "Chapter VII".into()
            },
            Block::Paragraph {
                text: "Russia opposes a resolution.".into()
            },
            Block::Quote {
                text: "We will not agree.".into(),
                cite: Some("Sergei Lavrov".into())
            },
            Block::List {
                ordered: false,
                items: vec!["Jordan".into(), "Lebanon".into()]
            },
        ]
    );
}

#[test]
fn without_an_h1_the_first_h2_is_the_headline() {
    let article = read_markup(&el(
        "article",
        &[],
        vec![
            el("h2", &[], vec![text("Headline")]),
            el("p", &[], vec![text("Text")]),
            el("h2", &[], vec![text("Later")]),
        ],
    ));
    assert_eq!(article.headline, "Headline");
    assert_eq!(
        article.body,
        vec![
            Block::Paragraph {
                text: "Text".into()
            },
            Block::Subheading {
                text: "Later".into()
            },
        ]
    );
}

#[test]
fn deeply_nested_markup_is_read_to_the_depth_limit_and_no_further() {
    let nested = |levels: usize, innermost: Node| {
        (0..levels).fold(innermost, |inner, _| el("div", &[], vec![inner]))
    };
    let article = |levels: usize| {
        el(
            "article",
            &[],
            vec![
                el("h1", &[], vec![text("H")]),
                el("p", &[], vec![text("shallow")]),
                nested(levels, el("p", &[], vec![text("deep")])),
            ],
        )
    };
    let texts = |article: &Node| -> Vec<String> {
        read_markup(article)
            .body
            .into_iter()
            .map(|block| match block {
                Block::Paragraph { text } => text,
                other => format!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(texts(&article(10)), vec!["shallow", "deep"]);
    // Past the limit the deep part is ignored: the reader's recursion stops there, however
    // deep a page nests (the browser's own markup has no depth limit when built by script).
    assert_eq!(texts(&article(MAX_MARKUP_DEPTH + 1)), vec!["shallow"]);
    assert_eq!(texts(&article(1_000)), vec!["shallow"]);
}

#[test]
fn markup_without_a_headline_or_text_fails_the_usual_checks() {
    assert!(check(read_markup(&el(
        "article",
        &[],
        vec![el("p", &[], vec![text("p")])]
    )))
    .is_err());
    assert!(check(read_markup(&el(
        "article",
        &[],
        vec![el("h1", &[], vec![text("H")])]
    )))
    .is_err());
}

#[test]
fn finds_the_article_among_the_elements_children() {
    let children = vec![text("\n  "), el("script", &[], vec![]), seed_markup()];
    assert!(find_article(&children).is_some());
    assert!(find_article(&[text("no article")]).is_none());
}
