//! schema.org JSON-LD, the structured data publishers already emit for search engines, read into
//! the article model. The article is the first node whose `@type` is `NewsArticle`, `Article`,
//! `ReportageNewsArticle` or another `…NewsArticle` (alone or in an array of types), at the top
//! level, in a top-level array, or inside `@graph`.

use crate::article::{pixels, whole_number, Article, ArticleFormat, Block, Image, Source};
use crate::error::{LoadError, LoadErrorKind};
use crate::json::JsonValue;

/// Whether parsed JSON is JSON-LD rather than the widget's own format.
pub fn is_json_ld<J: JsonValue>(root: &J) -> bool {
    root.elements().is_some()
        || ["@context", "@graph", "@type"]
            .iter()
            .any(|key| root.member(key).is_some())
}

/// Reads the article node of a JSON-LD document.
pub fn read_json_ld<J: JsonValue>(root: &J) -> Result<Article, LoadError> {
    let node = find_article(root).ok_or_else(|| {
        LoadError::new(LoadErrorKind::NoArticle {
            format: "JSON-LD",
            looked_for: "NewsArticle, Article or ReportageNewsArticle",
        })
    })?;
    Ok(Article {
        headline: text(&node, "headline")
            .or_else(|| text(&node, "name"))
            .unwrap_or_default(),
        standfirst: text(&node, "alternativeHeadline").or_else(|| text(&node, "description")),
        byline: names(node.member("author")),
        source: node.member("publisher").and_then(|publisher| {
            name_of(&publisher).map(|name| Source {
                name,
                url: text(&publisher, "url"),
            })
        }),
        published: text(&node, "datePublished").or_else(|| text(&node, "dateModified")),
        published_text: None,
        lang: node.member("inLanguage").and_then(|language| {
            language
                .as_text()
                .or_else(|| text(&language, "alternateName"))
                .or_else(|| text(&language, "name"))
        }),
        url: text(&node, "url").or_else(|| {
            node.member("mainEntityOfPage")
                .and_then(|page| link_of(&page))
        }),
        image: node.member("image").and_then(|image| read_image(&image)),
        body: text(&node, "articleBody")
            .map(|body| paragraphs(&body))
            .unwrap_or_default(),
        format: ArticleFormat::JsonLd,
        labels: Default::default(),
    })
}

fn is_article_type(kind: &str) -> bool {
    matches!(kind, "Article" | "NewsArticle" | "ReportageNewsArticle")
        || kind.ends_with("NewsArticle")
}

fn is_article<J: JsonValue>(node: &J) -> bool {
    match node.member("@type") {
        Some(kind) => match kind.elements() {
            Some(kinds) => kinds
                .iter()
                .filter_map(JsonValue::as_text)
                .any(|kind| is_article_type(&kind)),
            None => kind.as_text().is_some_and(|kind| is_article_type(&kind)),
        },
        None => false,
    }
}

fn find_article<J: JsonValue>(root: &J) -> Option<J> {
    let candidates = match (
        root.elements(),
        root.member("@graph").and_then(|g| g.elements()),
    ) {
        (Some(nodes), _) => nodes,
        (None, Some(graph)) => graph,
        (None, None) => return is_article(root).then(|| root.clone()),
    };
    candidates.into_iter().find(is_article)
}

/// A string member, trimmed; `None` when absent, empty or not a string.
fn text<J: JsonValue>(node: &J, key: &str) -> Option<String> {
    node.member(key)
        .and_then(|value| value.as_text())
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// A name given as a string or as an object with `name`.
fn name_of<J: JsonValue>(value: &J) -> Option<String> {
    value
        .as_text()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .or_else(|| text(value, "name"))
}

/// A URL given as a string or as an object with `@id` or `url`.
fn link_of<J: JsonValue>(value: &J) -> Option<String> {
    value
        .as_text()
        .or_else(|| text(value, "url"))
        .or_else(|| text(value, "@id"))
}

/// The names of one or many people or organisations, joined as a byline.
fn names<J: JsonValue>(value: Option<J>) -> Option<String> {
    let value = value?;
    let names: Vec<String> = match value.elements() {
        Some(people) => people.iter().filter_map(name_of).collect(),
        None => name_of(&value).into_iter().collect(),
    };
    // Joined by hand, as the readers join all their words: each type `join` is used with costs
    // 877 bytes of WebAssembly (twiggy).
    let mut byline = String::new();
    for name in names {
        if !byline.is_empty() {
            byline.push_str(", ");
        }
        byline.push_str(&name);
    }
    (!byline.is_empty()).then_some(byline)
}

/// The first image: a URL, an ImageObject, or an array of either (an array inside that array
/// is no image: schema.org has no such shape, and reading one would recurse as deep as the
/// input goes). JSON-LD has no text alternative; an ImageObject's `description` serves, else the
/// image is marked decorative and its caption, shown beside it, carries the meaning.
fn read_image<J: JsonValue>(value: &J) -> Option<Image> {
    match value.elements() {
        Some(images) => read_one_image(&images.into_iter().next()?),
        None => read_one_image(value),
    }
}

/// An image given as a URL or an ImageObject.
fn read_one_image<J: JsonValue>(value: &J) -> Option<Image> {
    if let Some(src) = value.as_text() {
        return Some(Image {
            src,
            ..Image::default()
        });
    }
    Some(Image {
        src: text(value, "url").or_else(|| text(value, "contentUrl"))?,
        alt: text(value, "description").unwrap_or_default(),
        caption: text(value, "caption"),
        credit: text(value, "creditText").or_else(|| names(value.member("author"))),
        width: pixel_size(value, "width"),
        height: pixel_size(value, "height"),
    })
}

/// An ImageObject's `width` or `height`: a number, a numeric string, or a QuantitativeValue's
/// `value`; anything else is no size.
fn pixel_size<J: JsonValue>(image: &J, key: &str) -> Option<u32> {
    let value = image.member(key)?;
    let value = value.member("value").unwrap_or(value);
    value
        .as_number()
        .or_else(|| value.as_text().and_then(|text| whole_number(&text)))
        .and_then(pixels)
}

/// `articleBody` split into paragraphs on blank lines; single line breaks become spaces.
fn paragraphs(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(Block::Paragraph {
                    text: std::mem::take(&mut current),
                });
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        blocks.push(Block::Paragraph { text: current });
    }
    blocks
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn parse_article(json: &str) -> Result<Article, LoadError> {
        crate::read::parse_article::<serde_json::Value>(json)
    }

    const SEED_LD: &str = include_str!("../../demo/articles/syria-resolution.jsonld");
    const SEED: &str = include_str!("../../demo/articles/syria-resolution.json");

    #[test]
    fn the_seed_as_json_ld_reads_as_the_seed() {
        let from_ld = parse_article(SEED_LD).unwrap();
        let own = parse_article(SEED).unwrap();
        assert_eq!(from_ld.headline, own.headline);
        assert_eq!(from_ld.byline, own.byline);
        assert_eq!(from_ld.source, own.source);
        assert_eq!(from_ld.published, own.published);
        assert_eq!(from_ld.lang, own.lang);
        assert_eq!(from_ld.body, own.body);
        assert_eq!(from_ld.format, ArticleFormat::JsonLd);
        assert_eq!(own.format, ArticleFormat::Widget);
        let image = from_ld.image.unwrap();
        assert_eq!(
            image.caption,
            own.image.as_ref().and_then(|i| i.caption.clone())
        );
        assert_eq!(
            image.alt,
            own.image
                .as_ref()
                .map(|i| i.alt.clone())
                .unwrap_or_default()
        );
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    }

    #[test]
    fn image_sizes_may_be_numbers_strings_or_quantitative_values() {
        let article = parse_article(
            r#"{"@type":"NewsArticle","headline":"H","articleBody":"p",
                "image":{"@type":"ImageObject","url":"a.png","width":"800","height":{"@type":"QuantitativeValue","value":450}}}"#,
        )
        .unwrap();
        let image = article.image.unwrap();
        assert_eq!((image.width, image.height), (Some(800), Some(450)));
        let article = parse_article(
            r#"{"@type":"NewsArticle","headline":"H","articleBody":"p",
                "image":{"@type":"ImageObject","url":"a.png","width":"wide","height":true}}"#,
        )
        .unwrap();
        let image = article.image.unwrap();
        assert_eq!((image.width, image.height), (None, None));
    }

    #[test]
    fn an_image_inside_nested_arrays_is_no_image_and_is_not_recursed_into() {
        // serde_json stops at 128 levels; the browser's JSON.parse does not, and the browser
        // tests read 100 000 levels. Reading stops at the second array whatever the depth.
        let nested = format!("{}\"a.png\"{}", "[".repeat(120), "]".repeat(120));
        let article = parse_article(&format!(
            r#"{{"@type":"NewsArticle","headline":"H","articleBody":"p","image":{nested}}}"#
        ))
        .unwrap();
        assert_eq!(article.image, None);
        let article = parse_article(
            r#"{"@type":"NewsArticle","headline":"H","articleBody":"p","image":[{"url":"a.png"}]}"#,
        )
        .unwrap();
        assert_eq!(article.image.map(|image| image.src), Some("a.png".into()));
    }

    #[test]
    fn finds_the_article_inside_a_graph() {
        let article = parse_article(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"The Ledger"},
                {"@type":["NewsArticle","Article"],"headline":"In a graph","articleBody":"One.\n\nTwo\nlines."}]}"#,
        )
        .unwrap();
        assert_eq!(article.headline, "In a graph");
        assert_eq!(
            article.body,
            vec![
                Block::Paragraph {
                    text: "One.".into()
                },
                Block::Paragraph {
                    text: "Two lines.".into()
                }
            ]
        );
    }

    #[test]
    fn finds_the_article_in_a_top_level_array() {
        let article = parse_article(
            r#"[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"R","articleBody":"Text"}]"#,
        )
        .unwrap();
        assert_eq!(article.headline, "R");
    }

    #[test]
    fn maps_authors_publisher_dates_language_and_links() {
        let article = parse_article(
            r#"{"@context":"https://schema.org","@type":"Article","headline":"H",
                "description":"Summary","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Wire"}],
                "publisher":{"@type":"Organization","name":"The Ledger","url":"https://ledger.example/"},
                "dateModified":"2024-05-01T10:00:00Z","inLanguage":{"@type":"Language","alternateName":"fa"},
                "mainEntityOfPage":{"@id":"https://ledger.example/a"},
                "image":["https://ledger.example/a.jpg","https://ledger.example/b.jpg"],
                "articleBody":"Body"}"#,
        )
        .unwrap();
        assert_eq!(article.standfirst.as_deref(), Some("Summary"));
        assert_eq!(article.byline.as_deref(), Some("Ann Lee, Wire"));
        assert_eq!(
            article.source,
            Some(Source {
                name: "The Ledger".into(),
                url: Some("https://ledger.example/".into())
            })
        );
        assert_eq!(article.published.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(article.lang.as_deref(), Some("fa"));
        assert_eq!(article.url.as_deref(), Some("https://ledger.example/a"));
        assert_eq!(
            article.image.map(|i| i.src),
            Some("https://ledger.example/a.jpg".into())
        );
    }

    #[test]
    fn json_ld_without_an_article_is_an_error() {
        let error =
            parse_article(r#"{"@context":"https://schema.org","@type":"Recipe","name":"Soup"}"#)
                .unwrap_err();
        assert!(error.to_string().contains("no NewsArticle"), "{error}");
    }

    #[test]
    fn json_ld_still_needs_a_headline_and_a_body() {
        let error = parse_article(r#"{"@type":"NewsArticle","articleBody":"Text"}"#).unwrap_err();
        assert_eq!(error.kind(), &LoadErrorKind::MissingHeadline);
        let error = parse_article(r#"{"@type":"NewsArticle","headline":"H"}"#).unwrap_err();
        assert_eq!(error.kind(), &LoadErrorKind::EmptyBody);
    }

    #[test]
    fn the_widgets_own_json_is_not_json_ld() {
        let own: serde_json::Value = serde_json::from_str(SEED).unwrap();
        assert!(!is_json_ld(&own));
        let ld: serde_json::Value = serde_json::from_str(SEED_LD).unwrap();
        assert!(is_json_ld(&ld));
    }
}
