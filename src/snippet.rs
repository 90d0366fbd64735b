//! The publisher's embed snippet, rendered ahead of time (natively, by
//! `reader-widget-snippet`): a `<reader-widget>` holding a declarative shadow root with exactly
//! the markup the widget renders (the same Yew components, through Yew's server renderer) and a
//! stylesheet link, and the article as light-DOM markup after it. Browsers that parse
//! declarative shadow roots show the widget at first paint, styled and without layout shift;
//! the script, when it comes, hydrates that markup instead of rendering it again. Browsers that
//! do not show the light-DOM article, and the widget reads it from there as from any
//! publisher's markup. Also the oEmbed answer that carries a snippet.

use std::rc::Rc;

use serde_json::{json, Value};
use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::article::{check, resolve_urls, Article, Block, CalendarDate, Image, LabelOverrides};
use crate::components::{LoadState, ReaderProps, ServerReader};
use crate::error::{LoadError, LoadErrorKind};
use crate::labels::{choose_labels, format_date};
use crate::markup::{find_article, read_markup, MarkupNode};
use crate::read::{is_markup, parse_article, within_limit};
use crate::shadow_markup::{markup_hash, ShadowNode, ShadowNodeKind};
use crate::shared_names::{MOUNT_CLASS, SERVER_RENDERED_ATTRIBUTE};
use crate::text_size::TextSize;

/// Where a snippet's styles come from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SnippetStyles {
    /// [`stylesheet`] in a `<style>` element in the shadow root: the article paints, styled,
    /// with the page's first bytes. (A linked stylesheet in a shadow root blocks that tree's
    /// rendering until it arrives: on a throttled phone, Lighthouse saw the snippet's largest
    /// paint at 1321 ms against static HTML's 699 ms, one more round trip.) A page with a
    /// Content-Security-Policy allows it by its hash, [`style_hash_source`].
    #[default]
    Inline,
    /// A `<link rel="stylesheet">` to `url` (`reader-widget.css` beside `reader-widget.js`),
    /// cacheable across pages, allowed by `style-src` naming its origin; with `integrity`, it
    /// carries the SRI hash of [`stylesheet`] (and `crossorigin="anonymous"`), so that a
    /// tampered copy on a CDN is not applied.
    Link { url: String, integrity: bool },
}

/// How a snippet is made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnippetOptions {
    /// Inline (the default) or linked.
    pub styles: SnippetStyles,
    /// The article's own URL (or its folder), against which its relative URLs resolve: absolute,
    /// or a relative folder such as `../articles/`, which is put before relative paths. `None`
    /// leaves relative URLs as they are, relative to the page the snippet goes in.
    pub base_url: Option<String>,
    /// The `text-size` attribute: the step shown until the reader chooses. `None`: MD.
    pub text_size: Option<TextSize>,
    /// The page's language, for the widget's labels when the article does not say its own.
    pub page_lang: Option<String>,
}

/// A snippet and what was left out of it on the way, for the console of whoever made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    pub html: String,
    pub notes: Vec<String>,
    /// The article as shown.
    pub article: Article,
}

/// Reads an article from the text of a file: the widget's JSON or JSON-LD, or HTML holding an
/// `<article>` (told apart by the first character that is not whitespace: `<`). The same checks
/// and the same errors as in the widget.
pub fn read_article_source(text: &str) -> Result<Article, LoadError> {
    if !is_markup(text) {
        return parse_article::<serde_json::Value>(text);
    }
    let text = within_limit(text)?;
    let document = scraper::Html::parse_document(text);
    let root = HtmlNode(document.tree.root());
    let article = find_first_article(root).ok_or_else(|| {
        LoadError::new(LoadErrorKind::NoArticle {
            format: "HTML",
            looked_for: "<article> element",
        })
    })?;
    check(read_markup(&article))
}

/// The first `<article>` in document order, within the markup reader's depth limit.
fn find_first_article(root: HtmlNode<'_>) -> Option<HtmlNode<'_>> {
    let mut level = vec![root];
    for _ in 0..crate::markup::MAX_MARKUP_DEPTH {
        if let Some(article) = find_article(&level) {
            return Some(article);
        }
        level = level.iter().flat_map(MarkupNode::children).collect();
    }
    None
}

/// A node of a document parsed by `scraper` (html5ever), as the markup reader sees it.
#[derive(Clone, Copy)]
struct HtmlNode<'a>(ego_tree::NodeRef<'a, scraper::Node>);

impl MarkupNode for HtmlNode<'_> {
    fn tag(&self) -> Option<String> {
        self.0.value().as_element().map(|e| e.name().to_owned())
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.0.value().as_element()?.attr(name).map(str::to_owned)
    }

    fn children(&self) -> Vec<Self> {
        self.0.children().map(HtmlNode).collect()
    }

    fn text(&self) -> String {
        self.0
            .descendants()
            .filter_map(|node| node.value().as_text().map(|text| text.to_string()))
            .collect()
    }
}

impl ShadowNode for HtmlNode<'_> {
    fn kind(&self) -> ShadowNodeKind {
        match self.0.value() {
            scraper::Node::Element(element) => ShadowNodeKind::Element {
                name: element.name().to_owned(),
                attributes: element
                    .attrs()
                    .map(|(name, value)| (name.to_owned(), value.to_owned()))
                    .collect(),
            },
            scraper::Node::Text(text) => ShadowNodeKind::Text(text.to_string()),
            scraper::Node::Comment(comment) => ShadowNodeKind::Comment(comment.to_string()),
            _ => ShadowNodeKind::Other,
        }
    }

    fn children(&self) -> Vec<Self> {
        MarkupNode::children(self)
    }
}

/// The [`markup_hash`] of `markup` as a browser parses it inside the snippet's mount.
fn hash_of_widget_markup(markup: &str) -> String {
    let fragment = scraper::Html::parse_fragment(markup);
    // A fragment parses into an `<html>` element standing for its context: its children are
    // the markup's nodes.
    let nodes = fragment
        .root_element()
        .children()
        .map(HtmlNode)
        .collect::<Vec<_>>();
    markup_hash(nodes).unwrap_or_default()
}

/// The snippet for `article`.
pub async fn render_snippet(article: Article, options: &SnippetOptions) -> Snippet {
    let mut notes = Vec::new();
    // As the widget does in the browser: resolved against the base, non-web URLs dropped.
    let base = options.base_url.as_deref();
    let article = resolve_urls(
        article,
        |url| resolve_url(url, base),
        |note| notes.push(note),
    );
    let (labels, unspoken) = choose_labels(
        article.lang.as_deref(),
        options.page_lang.as_deref(),
        Some(&article.labels),
        &LabelOverrides::default(),
    );
    if let Some(tag) = unspoken {
        notes.push(format!(
            "the widget does not speak \"{tag}\" yet; its controls are in English"
        ));
    }
    // The date as written here is the date the widget keeps when it takes over (it reads it
    // back from the light DOM), whatever the reader's browser would write.
    let mut article = article;
    if article.published_text.is_none() {
        article.published_text = article
            .published
            .as_deref()
            .and_then(CalendarDate::parse)
            .map(|date| format_date(date, article.lang.as_deref().unwrap_or(&labels.lang)));
    }
    let shared = Rc::new(article.clone());
    let widget = LocalServerRenderer::<ServerReader>::with_props(ReaderProps {
        state: LoadState::Ready(Rc::clone(&shared)),
        size: options.text_size.unwrap_or_default(),
        instance: 1,
        onchoose_size: Callback::noop(),
        labels,
        listen: None,
    })
    .render()
    .await;
    let fallback =
        LocalServerRenderer::<FallbackArticle>::with_props(FallbackProps { article: shared })
            .hydratable(false)
            .render()
            .await;

    let mut attributes = String::new();
    if let Some(size) = options.text_size {
        attributes.push_str(&format!(" text-size=\"{}\"", size.code()));
    }
    // The light-DOM markup cannot carry the article's own label texts: the attribute does.
    if !article.labels.is_empty() {
        let labels: serde_json::Map<String, Value> = article
            .labels
            .entries()
            .map(|(key, text)| (key.to_owned(), Value::from(text)))
            .collect();
        attributes.push_str(&format!(
            " labels=\"{}\"",
            escape_attribute(&Value::Object(labels).to_string())
        ));
    }
    // What the widget will read back from the light DOM (the markup reader's view of it).
    let fingerprint = match read_article_source(&fallback) {
        Ok(read_back) => read_back.fingerprint(),
        Err(_) => String::new(),
    };
    let markup = hash_of_widget_markup(&widget);
    let styles = match &options.styles {
        SnippetStyles::Inline => format!("<style>{}</style>", stylesheet_text()),
        SnippetStyles::Link { url, integrity } => format!(
            "<link rel=\"stylesheet\" href=\"{}\"{}>",
            escape_attribute(url),
            if *integrity {
                format!(
                    " integrity=\"{}\" crossorigin=\"anonymous\"",
                    stylesheet_integrity()
                )
            } else {
                String::new()
            }
        ),
    };
    let html = format!(
        "<reader-widget{attributes}><template shadowrootmode=\"open\">{styles}<div class=\"{MOUNT_CLASS}\" {SERVER_RENDERED_ATTRIBUTE}=\"{} {fingerprint} {markup}\">{widget}</div></template>\n{fallback}\n</reader-widget>",
        crate::MARKUP_VERSION
    );
    Snippet {
        html,
        notes,
        article,
    }
}

/// The article as plain semantic HTML, as a snippet carries it after its shadow root (relative
/// URLs put after `base_url` in the same way): the markup a publisher's own `<article>` embed
/// holds, which the demo's markup page is written with.
pub async fn render_article_markup(article: Article, base_url: Option<&str>) -> String {
    let article = resolve_urls(article, |url| resolve_url(url, base_url), |_| ());
    LocalServerRenderer::<FallbackArticle>::with_props(FallbackProps {
        article: Rc::new(article),
    })
    .hydratable(false)
    .render()
    .await
}

/// `text` for a double-quoted attribute value (or an element's text, where it is as safe).
pub(crate) fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `url` against `base`: joined when the base is absolute; a relative base folder goes before
/// a relative path (the browser resolves the rest against the page). `None` for a URL that does
/// not parse: the widget drops those in the browser, and the snippet must show what the widget
/// will, or hydration would meet markup it does not expect.
fn resolve_url(url: &str, base: Option<&str>) -> Option<String> {
    let placeholder = url::Url::parse("https://placeholder.invalid/").ok()?;
    placeholder.join(url).ok()?;
    let Some(base) = base else {
        return Some(url.to_owned());
    };
    match url::Url::parse(base) {
        Ok(base) => base.join(url).ok().map(String::from),
        Err(_) => {
            let is_relative_path = !url.starts_with(['/', '#', '?']) && !url.contains(':');
            Some(if is_relative_path {
                let folder = base.rfind('/').and_then(|end| base.get(..=end));
                format!("{}{url}", folder.unwrap_or_default())
            } else {
                url.to_owned()
            })
        }
    }
}

#[derive(Properties, PartialEq)]
struct FallbackProps {
    article: Rc<Article>,
}

/// The article as plain semantic HTML, the light-DOM part of the snippet: what a reader sees
/// where declarative shadow roots are not parsed and no script runs, and what the widget reads
/// the article from (see [`crate::markup`], whose rules this follows, so that reading it gives
/// the same article back).
#[component]
fn FallbackArticle(props: &FallbackProps) -> Html {
    let article = &props.article;
    let date = article.published.as_deref().and_then(|value| {
        CalendarDate::parse(value).map(|date| {
            let text = article
                .published_text
                .clone()
                .unwrap_or_else(|| format_date(date, article.lang.as_deref().unwrap_or("en")));
            (value.to_owned(), text)
        })
    });
    let body = article.body.iter().map(|block| match block {
        Block::Paragraph { text } => html! { <p>{text}</p> },
        Block::Subheading { text } => html! { <h2>{text}</h2> },
        Block::Quote { text, cite } => html! {
            <blockquote>
                <p>{text}</p>
                if let Some(cite) = cite {
                    <footer>{cite}</footer>
                }
            </blockquote>
        },
        Block::List {
            ordered: true,
            items,
        } => {
            html! { <ol>{for items.iter().map(|item| html! { <li>{item}</li> })}</ol> }
        }
        Block::List {
            ordered: false,
            items,
        } => {
            html! { <ul>{for items.iter().map(|item| html! { <li>{item}</li> })}</ul> }
        }
        Block::Unknown => Html::default(),
    });
    html! {
        <article lang={article.lang.clone()}>
            <h1>{&article.headline}</h1>
            if let Some(standfirst) = &article.standfirst {
                <p class="standfirst">{standfirst}</p>
            }
            if let Some(byline) = &article.byline {
                <p class="byline">{byline}</p>
            }
            if let Some(source) = &article.source {
                <p class="source">
                    if let Some(url) = &source.url {
                        <a href={url.clone()}>{&source.name}</a>
                    } else {
                        {&source.name}
                    }
                </p>
            }
            if let Some((value, text)) = date {
                <p><time datetime={value}>{text}</time></p>
            }
            if let Some(image) = &article.image {
                {fallback_figure(image)}
            }
            {for body}
        </article>
    }
}

fn fallback_figure(image: &Image) -> Html {
    html! {
        <figure>
            <img src={image.src.clone()} alt={image.alt.clone()}
                width={image.width.map(|width| width.to_string())}
                height={image.height.map(|height| height.to_string())} />
            if image.caption.is_some() || image.credit.is_some() {
                <figcaption>
                    {image.caption.clone().unwrap_or_default()}
                    if let Some(credit) = &image.credit {
                        {" "}<span class="credit">{credit}</span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// The stylesheet a snippet links to: the widget's own, and rules that let the size steps work
/// where no script runs, the checked step choosing the article's size (`:has()`). The step sets
/// a custom property on the widget's root, which the article reads: WebKit does not restyle the
/// descendants of a `:has()` subject in a shadow tree when a radio button is checked, but it
/// does restyle the subject.
pub fn stylesheet() -> String {
    let mut css = crate::widget_css();
    for size in TextSize::ALL {
        css.push_str(&format!(
            ".rw:has(.rw-sizes__input[value={}]:checked){{--rw-checked-size:{}%}}",
            size.code(),
            size.scale_percent()
        ));
    }
    css.push_str(".rw .rw-article{font-size:var(--rw-checked-size,100%)}");
    css
}

/// What a page's Content-Security-Policy names in `style-src` to allow an inline snippet's
/// `<style>`: `'sha256-…'`, the hash of [`stylesheet`]. It changes with the stylesheet, that is
/// with the widget's version, so the command prints it with every snippet.
pub fn style_hash_source() -> String {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE
        .get_or_init(|| format!("'sha256-{}'", stylesheet_digest::<sha2::Sha256>()))
        .clone()
}

/// The SRI hash of [`stylesheet`], as `integrity` takes it: `sha384-…`. The release's
/// `reader-widget.css` is this stylesheet, so the hash holds for it.
pub fn stylesheet_integrity() -> String {
    static INTEGRITY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    INTEGRITY
        .get_or_init(|| format!("sha384-{}", stylesheet_digest::<sha2::Sha384>()))
        .clone()
}

/// [`stylesheet`], made once a process: the server puts it, or its hashes, in every snippet.
fn stylesheet_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(stylesheet)
}

/// The base64 digest of [`stylesheet`] by `Hash`, as CSP and SRI write it.
fn stylesheet_digest<Hash: sha2::Digest>() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(Hash::digest(stylesheet_text()))
}

/// The oEmbed answer (`rich`, version 1.0) for a snippet. `max_width` is the consumer's
/// `maxwidth`; the widget's column is at most 42em, 672 px at the default text size. Its height
/// follows the reader's text size, so it is not given (`null`).
pub fn oembed(snippet: &Snippet, provider_name: &str, max_width: Option<u32>) -> Value {
    const COLUMN_PX: u32 = 672;
    let width = max_width.map_or(COLUMN_PX, |max| max.min(COLUMN_PX));
    let mut answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": snippet.article.headline,
        "provider_name": provider_name,
        "html": snippet.html,
        "width": width,
        "height": Value::Null,
    });
    if let (Some(byline), Some(fields)) = (&snippet.article.byline, answer.as_object_mut()) {
        fields.insert("author_name".to_owned(), Value::from(byline.as_str()));
    }
    answer
}

#[cfg(test)]
mod tests;
