//! The article read from ordinary semantic HTML: the `<article>` a publisher already has, placed
//! inside `<reader-widget>` so that readers without JavaScript see it as the host page styles it.
//! Extraction works on [`MarkupNode`], which the browser's DOM implements and which tests build
//! by hand, so the rules are tested natively.
//!
//! The rules, in document order within the `<article>`:
//! - headline: the first `h1`, else the first `h2`;
//! - standfirst: the first element with class `standfirst`;
//! - byline: the first element with `rel="author"` or class `byline`;
//! - date: the first `time[datetime]`, shown as its text says it (else as the reader's language
//!   writes the date);
//! - source: the first element with class `source`: its text is the name, the `href` of a link
//!   in it (or of the element itself) the URL;
//! - figure: the first `figure` with an `img` (its `src` and `alt`); its `figcaption` is the
//!   caption, less an element with class `credit`, which is the credit;
//! - language: the `lang` of the `<article>`;
//! - body: `p` (paragraph), `h2`/`h3` (subheading), `blockquote` (quote, with its `cite` or
//!   `footer` as the source) and `ul`/`ol` (list), skipping the headline, the standfirst, the
//!   byline, source and dateline paragraphs, and anything in `header`, `footer`, `figure`,
//!   `aside`, `nav`, `script`, `style` or `template`.

use crate::article::{pixels, whole_number, Article, ArticleFormat, Block, Image, Source};

/// What the extraction needs of a node of an HTML tree.
pub trait MarkupNode: Sized {
    /// The lower-case tag name of an element; `None` for text and other nodes.
    fn tag(&self) -> Option<String>;
    fn attribute(&self, name: &str) -> Option<String>;
    fn children(&self) -> Vec<Self>;
    /// All the text inside the node.
    fn text(&self) -> String;
}

/// Collapses whitespace runs to single spaces and trims, as a browser renders text.
fn clean(text: &str) -> String {
    // By hand, as the readers join all their words: `join` costs 877 bytes of WebAssembly.
    let mut cleaned = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !cleaned.is_empty() {
            cleaned.push(' ');
        }
        cleaned.push_str(word);
    }
    cleaned
}

fn has_class<N: MarkupNode>(node: &N, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
}

fn is_byline<N: MarkupNode>(node: &N) -> bool {
    node.attribute("rel").as_deref() == Some("author") || has_class(node, "byline")
}

/// The first node in document order (the root included) that `matches`. (A `dyn` predicate:
/// one copy of this function in the WebAssembly rather than one per call site.)
/// How deep into the markup the reader looks: deeper content is ignored, so that no page's
/// markup, however nested, can exhaust the WebAssembly stack.
pub const MAX_MARKUP_DEPTH: usize = 64;

fn find_first<N: MarkupNode + Clone>(node: &N, matches: &dyn Fn(&N) -> bool) -> Option<N> {
    find_first_within(node, matches, 0)
}

fn find_first_within<N: MarkupNode + Clone>(
    node: &N,
    matches: &dyn Fn(&N) -> bool,
    depth: usize,
) -> Option<N> {
    if matches(node) {
        return Some(node.clone());
    }
    if depth >= MAX_MARKUP_DEPTH {
        return None;
    }
    node.children()
        .iter()
        .find_map(|child| find_first_within(child, matches, depth.saturating_add(1)))
}

fn has_tag<N: MarkupNode>(node: &N, tags: &[&str]) -> bool {
    node.tag().is_some_and(|tag| tags.contains(&tag.as_str()))
}

/// The first `<article>` among `children` (the children of `<reader-widget>`).
pub fn find_article<N: MarkupNode + Clone>(children: &[N]) -> Option<N> {
    children
        .iter()
        .find(|child| has_tag(*child, &["article"]))
        .cloned()
}

/// Reads an `<article>` element into the article model. The result is not yet checked for a
/// headline and body; [`crate::article::check`] does that for every source.
pub fn read_markup<N: MarkupNode + Clone>(article: &N) -> Article {
    let (headline_tag, headline) = match find_first(article, &|n: &N| has_tag(n, &["h1"])) {
        Some(h1) => ("h1", Some(h1)),
        None => ("h2", find_first(article, &|n: &N| has_tag(n, &["h2"]))),
    };
    let headline = headline.map(|h| clean(&h.text())).unwrap_or_default();
    let standfirst =
        find_first(article, &|n: &N| has_class(n, "standfirst")).map(|s| clean(&s.text()));
    let byline = find_first(article, &|n: &N| is_byline(n))
        .map(|b| clean(&b.text()))
        .filter(|b| !b.is_empty());
    let time = find_first(article, &|n: &N| {
        has_tag(n, &["time"]) && n.attribute("datetime").is_some()
    });
    let published = time.as_ref().and_then(|time| time.attribute("datetime"));
    let published_text = time
        .map(|time| clean(&time.text()))
        .filter(|text| !text.is_empty());
    let source = find_first(article, &|n: &N| has_class(n, "source")).and_then(|source| {
        let name = clean(&source.text());
        let url = find_first(&source, &|n: &N| {
            has_tag(n, &["a"]) && n.attribute("href").is_some()
        })
        .and_then(|link| link.attribute("href"));
        (!name.is_empty()).then_some(Source { name, url })
    });
    let image = find_first(article, &|n: &N| {
        has_tag(n, &["figure"]) && find_first(n, &|i: &N| has_tag(i, &["img"])).is_some()
    })
    .and_then(|figure| read_figure(&figure));
    let mut body = Vec::new();
    let mut headline_skipped = false;
    for child in article.children() {
        read_blocks(&child, headline_tag, &mut headline_skipped, &mut body, 1);
    }
    Article {
        headline,
        standfirst,
        byline,
        source,
        published,
        published_text,
        lang: article
            .attribute("lang")
            .filter(|lang| !lang.trim().is_empty()),
        image,
        body,
        format: ArticleFormat::Html,
        ..Article::default()
    }
}

fn read_figure<N: MarkupNode + Clone>(figure: &N) -> Option<Image> {
    let img = find_first(figure, &|n: &N| has_tag(n, &["img"]))?;
    let caption = find_first(figure, &|n: &N| has_tag(n, &["figcaption"]));
    let credit = caption
        .as_ref()
        .and_then(|caption| find_first(caption, &|n: &N| has_class(n, "credit")))
        .map(|credit| clean(&credit.text()));
    let caption = caption.map(|caption| {
        let text = clean(&caption.text());
        match &credit {
            Some(credit) => clean(text.strip_suffix(credit.as_str()).unwrap_or(&text)),
            None => text,
        }
    });
    Some(Image {
        src: img.attribute("src").unwrap_or_default(),
        alt: img.attribute("alt").unwrap_or_default(),
        caption: caption.filter(|c| !c.is_empty()),
        credit: credit.filter(|c| !c.is_empty()),
        width: pixel_attribute(&img, "width"),
        height: pixel_attribute(&img, "height"),
    })
}

/// An `<img>`'s `width` or `height` attribute as pixels.
fn pixel_attribute<N: MarkupNode>(img: &N, name: &str) -> Option<u32> {
    img.attribute(name)
        .and_then(|value| whole_number(&value))
        .and_then(pixels)
}

/// Appends the blocks in `node` to `body`, in document order.
fn read_blocks<N: MarkupNode + Clone>(
    node: &N,
    headline_tag: &str,
    headline_skipped: &mut bool,
    body: &mut Vec<Block>,
    depth: usize,
) {
    let Some(tag) = node.tag() else {
        return;
    };
    if depth > MAX_MARKUP_DEPTH {
        return;
    }
    let skipped = [
        "header", "footer", "figure", "aside", "nav", "script", "style", "template",
    ];
    if skipped.contains(&tag.as_str())
        || is_byline(node)
        || has_class(node, "standfirst")
        || has_class(node, "source")
    {
        return;
    }
    if tag == headline_tag && !*headline_skipped {
        *headline_skipped = true;
        return;
    }
    match tag.as_str() {
        "h1" | "h2" | "h3" => body.push(Block::Subheading {
            text: clean(&node.text()),
        }),
        "p" => {
            // A dateline (a paragraph holding the date) is not body text.
            if find_first(node, &|n: &N| has_tag(n, &["time"])).is_none() {
                body.push(Block::Paragraph {
                    text: clean(&node.text()),
                });
            }
        }
        "blockquote" => {
            let source = find_first(node, &|n: &N| has_tag(n, &["cite", "footer"]));
            let cite = source.as_ref().map(|s| clean(&s.text()));
            let text = clean(&node.text());
            let text = match &cite {
                Some(cite) => clean(
                    text.strip_suffix(cite.as_str())
                        .unwrap_or(&text)
                        .trim_end_matches(['—', '–', '-', ' ']),
                ),
                None => text,
            };
            body.push(Block::Quote { text, cite });
        }
        "ul" | "ol" => body.push(Block::List {
            ordered: tag == "ol",
            items: node
                .children()
                .iter()
                .filter(|child| has_tag(*child, &["li"]))
                .map(|item| clean(&item.text()))
                .collect(),
        }),
        _ => {
            for child in node.children() {
                read_blocks(
                    &child,
                    headline_tag,
                    headline_skipped,
                    body,
                    depth.saturating_add(1),
                );
            }
        }
    }
}

#[cfg(test)]
pub mod fixture {
    //! Hand-built HTML trees for tests.
    use super::MarkupNode;

    #[derive(Clone, Debug)]
    pub enum Node {
        Element {
            tag: &'static str,
            attributes: Vec<(&'static str, &'static str)>,
            children: Vec<Node>,
        },
        Text(&'static str),
    }

    pub fn el(
        tag: &'static str,
        attributes: &[(&'static str, &'static str)],
        children: Vec<Node>,
    ) -> Node {
        Node::Element {
            tag,
            attributes: attributes.to_vec(),
            children,
        }
    }

    pub fn text(text: &'static str) -> Node {
        Node::Text(text)
    }

    impl MarkupNode for Node {
        fn tag(&self) -> Option<String> {
            match self {
                Node::Element { tag, .. } => Some(tag.to_string()),
                Node::Text(_) => None,
            }
        }

        fn attribute(&self, name: &str) -> Option<String> {
            match self {
                Node::Element { attributes, .. } => attributes
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string()),
                Node::Text(_) => None,
            }
        }

        fn children(&self) -> Vec<Self> {
            match self {
                Node::Element { children, .. } => children.clone(),
                Node::Text(_) => Vec::new(),
            }
        }

        fn text(&self) -> String {
            match self {
                Node::Element { children, .. } => children.iter().map(MarkupNode::text).collect(),
                Node::Text(text) => text.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests;
