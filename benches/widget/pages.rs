//! The benchmark's site, written to `target/bench-site/` on every run: one host page per variant
//! and embed count, all with the same article and the same page around it, plus the articles and
//! the JavaScript peer. Every page starts with the same measuring script (see `measure.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::measure;

/// How the article reaches the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// The article as plain HTML in the page: nothing can be faster.
    Floor,
    /// The hand-written JavaScript embed reading the JSON from `src`.
    Peer,
    /// The widget reading the JSON from `src`.
    WidgetSrc,
    /// The widget enhancing the publisher's `<article>` markup inside it.
    WidgetMarkup,
    /// The widget reading an inline `<script type="application/json">`.
    WidgetInline,
    /// The widget taking over a server-rendered snippet (`reader-widget-snippet`).
    WidgetServerRendered,
}

impl Variant {
    pub const ALL: [Variant; 6] = [
        Variant::Floor,
        Variant::Peer,
        Variant::WidgetSrc,
        Variant::WidgetMarkup,
        Variant::WidgetInline,
        Variant::WidgetServerRendered,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Variant::Floor => "floor",
            Variant::Peer => "peer",
            Variant::WidgetSrc => "widget-src",
            Variant::WidgetMarkup => "widget-markup",
            Variant::WidgetInline => "widget-inline",
            Variant::WidgetServerRendered => "widget-server-rendered",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Variant::Floor => "(a) static HTML, the floor",
            Variant::Peer => "(b) JavaScript peer, JSON src",
            Variant::WidgetSrc => "(c) widget, JSON src",
            Variant::WidgetMarkup => "(d) widget, fallback markup",
            Variant::WidgetInline => "(e) widget, inline JSON",
            Variant::WidgetServerRendered => "(f) widget, server-rendered snippet",
        }
    }

    /// The event each embed fires once it is fully working; `None` for static HTML.
    pub fn ready_event(self) -> Option<&'static str> {
        match self {
            Variant::Floor => None,
            Variant::Peer => Some("reader-peer-ready"),
            _ => Some("reader-widget-ready"),
        }
    }

    pub fn is_widget(self) -> bool {
        matches!(
            self,
            Variant::WidgetSrc
                | Variant::WidgetMarkup
                | Variant::WidgetInline
                | Variant::WidgetServerRendered
        )
    }
}

/// Which article a page carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// The seed article, about 330 words.
    Seed,
    /// The seed's paragraphs repeated to 10,000 words.
    Long,
}

impl Length {
    pub fn code(self) -> &'static str {
        match self {
            Length::Seed => "seed",
            Length::Long => "long",
        }
    }
}

/// One page of the benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSpec {
    pub variant: Variant,
    pub embeds: usize,
    pub length: Length,
}

impl PageSpec {
    pub fn file_name(self) -> String {
        format!(
            "{}-{}-{}.html",
            self.variant.code(),
            self.length.code(),
            self.embeds
        )
    }
}

/// The articles the pages use, and their server-rendered snippets.
pub struct Articles {
    seed: Value,
    long: Value,
    seed_snippet: String,
    long_snippet: String,
}

impl Articles {
    fn get(&self, length: Length) -> &Value {
        match length {
            Length::Seed => &self.seed,
            Length::Long => &self.long,
        }
    }

    fn snippet(&self, length: Length) -> &str {
        match length {
            Length::Seed => &self.seed_snippet,
            Length::Long => &self.long_snippet,
        }
    }
}

/// The snippet `reader-widget-snippet` makes of `article` by default.
fn snippet_of(article: &Value) -> Result<String, String> {
    let article = reader_widget::snippet::read_article_source(&article.to_string())
        .map_err(|e| format!("the article for a snippet: {e}"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("starting a runtime: {e}"))?;
    // The command's default: the styles inline.
    let options = reader_widget::snippet::SnippetOptions::default();
    Ok(runtime
        .block_on(reader_widget::snippet::render_snippet(article, &options))
        .html)
}

/// Writes the site under `target/bench-site/` and returns its folder.
pub fn write_site(pages: &[PageSpec]) -> Result<(PathBuf, Articles), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = root.join("target/bench-site");
    std::fs::create_dir_all(&site).map_err(|e| format!("making {}: {e}", site.display()))?;
    let seed_text = std::fs::read_to_string(root.join("demo/articles/syria-resolution.json"))
        .map_err(|e| format!("reading the seed article: {e}"))?;
    let seed: Value =
        serde_json::from_str(&seed_text).map_err(|e| format!("the seed article: {e}"))?;
    let long = long_article(&seed, 10_000);
    let copy = |from: &Path, to: &str| {
        std::fs::copy(from, site.join(to))
            .map(|_| ())
            .map_err(|e| format!("copying {}: {e}", from.display()))
    };
    copy(
        &root.join("demo/articles/kerry-lavrov-placeholder.svg"),
        "kerry-lavrov-placeholder.svg",
    )?;
    copy(&root.join("benches/peer/reader-peer.js"), "reader-peer.js")?;
    // The snippets' stylesheet from the page's own origin (the script comes from the other).
    copy(&root.join("dist/reader-widget.css"), "reader-widget.css")?;
    let write = |name: &str, text: &str| {
        std::fs::write(site.join(name), text).map_err(|e| format!("writing {name}: {e}"))
    };
    write("seed.json", &seed.to_string())?;
    write("long.json", &long.to_string())?;
    let articles = Articles {
        seed_snippet: snippet_of(&seed)?,
        long_snippet: snippet_of(&long)?,
        seed,
        long,
    };
    for page in pages {
        write(&page.file_name(), &page_html(*page, &articles))?;
    }
    Ok((site, articles))
}

/// The seed article with its paragraphs repeated until the body has `words` words.
fn long_article(seed: &Value, words: usize) -> Value {
    let paragraphs: Vec<String> = seed["body"]
        .as_array()
        .map(|blocks| {
            blocks
                .iter()
                .filter_map(|block| block["text"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut body = Vec::new();
    let mut count = 0;
    'fill: loop {
        for paragraph in &paragraphs {
            if count >= words || paragraphs.is_empty() {
                break 'fill;
            }
            let take: Vec<&str> = paragraph.split_whitespace().take(words - count).collect();
            count += take.len();
            body.push(serde_json::json!({ "type": "paragraph", "text": take.join(" ") }));
        }
    }
    let mut long = seed.clone();
    long["body"] = Value::Array(body);
    long
}

/// The body's word count, for the report.
pub fn word_count(articles: &Articles, length: Length) -> usize {
    articles.get(length)["body"]
        .as_array()
        .map(|blocks| {
            blocks
                .iter()
                .filter_map(|block| block["text"].as_str())
                .map(|text| text.split_whitespace().count())
                .sum()
        })
        .unwrap_or(0)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The article as the semantic HTML the widget reads and a browser shows as it is.
fn article_html(article: &Value) -> String {
    let text = |key: &str| article[key].as_str().map(escape).unwrap_or_default();
    let mut html = format!(
        "<article lang=\"{}\"><header><h2>{}</h2><p class=\"byline\">{}</p><p><time datetime=\"{}\">24 September 2013</time></p></header>",
        text("lang"),
        text("headline"),
        text("byline"),
        text("published"),
    );
    let image = &article["image"];
    if image.is_object() {
        let _ = write!(
            html,
            "<figure><img src=\"kerry-lavrov-placeholder.svg\" alt=\"{}\" width=\"1200\" height=\"675\"><figcaption>{}</figcaption></figure>",
            image["alt"].as_str().map(escape).unwrap_or_default(),
            image["caption"].as_str().map(escape).unwrap_or_default(),
        );
    }
    for block in article["body"].as_array().into_iter().flatten() {
        if let Some(paragraph) = block["text"].as_str() {
            let _ = write!(html, "<p>{}</p>", escape(paragraph));
        }
    }
    html.push_str("</article>");
    html
}

/// The `number`-th embed of the page's variant. Each `src` is a URL of its own (the server
/// ignores the query), as a page of different articles would have, so nothing can be shared
/// between embeds by URL.
fn embed_html(spec: PageSpec, articles: &Articles, number: usize) -> String {
    let article = articles.get(spec.length);
    let json = format!("{}.json?embed={number}", spec.length.code());
    match spec.variant {
        Variant::Floor => article_html(article).replacen("<article ", "<article data-embed ", 1),
        Variant::Peer => format!("<reader-peer data-embed src=\"{json}\"></reader-peer>"),
        Variant::WidgetSrc => format!("<reader-widget data-embed src=\"{json}\"></reader-widget>"),
        Variant::WidgetMarkup => format!(
            "<reader-widget data-embed>{}</reader-widget>",
            article_html(article)
        ),
        Variant::WidgetInline => format!(
            "<reader-widget data-embed><script type=\"application/json\">{}</script></reader-widget>",
            article.to_string().replace("</", "<\\/")
        ),
        Variant::WidgetServerRendered => articles
            .snippet(spec.length)
            .replacen("<reader-widget", "<reader-widget data-embed", 1),
    }
}

/// The variant's script element: none for static HTML, the peer's file beside the page, or the
/// widget's entry under `widget_base` (empty: beside the page).
fn script_tag(variant: Variant, widget_base: &str) -> String {
    match variant {
        Variant::Floor => String::new(),
        Variant::Peer => "<script type=\"module\" src=\"reader-peer.js\"></script>".to_owned(),
        _ => format!("<script type=\"module\" src=\"{widget_base}reader-widget.js\"></script>"),
    }
}

/// The whole host page: the measuring script first, then the embed script where the variant
/// has one, a masthead, then the embeds, each in the same column. The page's stylesheet gives
/// `reader-widget` `display: flow-root`, as the publisher guide advises, so the fallback
/// markup's margins stay inside the element instead of moving when the widget replaces it.
pub fn page_html(spec: PageSpec, articles: &Articles) -> String {
    let script = script_tag(spec.variant, "");
    let embeds: String = (0..spec.embeds)
        .map(|number| {
            format!(
                "<div class=\"slot\">{}</div>",
                embed_html(spec, articles, number)
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Benchmark: {title}</title>{measure}{script}\
         <style>body{{margin:0;font:1rem/1.5 system-ui,sans-serif}}.masthead{{padding:1rem;border-bottom:1px solid #ccc}}.slot{{max-width:42rem;margin:0 auto 2rem}}reader-widget{{display:flow-root}}img{{max-width:100%;height:auto}}</style>\
         </head><body><header class=\"masthead\"><p>The Morning Ledger</p></header><main>{embeds}</main></body></html>\n",
        title = spec.variant.title(),
        measure = measure::instrument(spec.embeds, spec.variant.ready_event()),
    )
}

/// Where the embeds sit on a news page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// After the headline and two paragraphs of the host's own text: on screen at once.
    Above,
    /// After three phone screens of the host's text: off screen until the reader scrolls.
    Below,
}

/// One page of the Lighthouse part: a news page (a masthead, the host's headline and text, the
/// embeds, more host text and a footer) as a publisher runs Lighthouse on it. It carries the
/// seed article without its image, so that the largest paint is text in every variant, and no
/// measuring script: Lighthouse measures from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewsPage {
    pub variant: Variant,
    pub embeds: usize,
    pub fold: Fold,
    /// The embeds carry `loading="lazy"`.
    pub lazy: bool,
    /// The page's head carries the preload lines the publisher guide gives for an embed above the fold:
    /// the build's module and WebAssembly (with their integrity, from the manifest) and the
    /// article.
    pub preload: bool,
    /// Each `src` embed holds the publisher's height hint: a fallback link styled as a
    /// placeholder of about the article's height, which the article replaces.
    pub placeholder: bool,
}

/// The placeholder's height: the seed without its image is 1 411 px tall in a 380 px column (a
/// 412 px phone, Chromium), 88 rem; a publisher's estimate is rounder, and short of it.
const PLACEHOLDER_MIN_HEIGHT: &str = "80rem";

impl NewsPage {
    pub fn file_name(self) -> String {
        let fold = match self.fold {
            Fold::Above => "above",
            Fold::Below => "below",
        };
        let lazy = if self.lazy { "-lazy" } else { "" };
        let preload = if self.preload { "-preload" } else { "" };
        let placeholder = if self.placeholder { "-placeholder" } else { "" };
        format!(
            "news-{}-{}-{fold}{lazy}{preload}{placeholder}.html",
            self.variant.code(),
            self.embeds
        )
    }

    pub fn title(self) -> String {
        let variant = self.variant.title();
        let mut title = match (self.embeds, self.fold) {
            (1, Fold::Above) => variant.to_owned(),
            (1, Fold::Below) => format!("{variant}, below the fold"),
            (embeds, Fold::Above) => format!("{variant}, {embeds} embeds"),
            (embeds, Fold::Below) => format!("{variant}, {embeds} embeds below the fold"),
        };
        if self.lazy {
            title.push_str(", `loading=\"lazy\"`");
        }
        if self.preload {
            title.push_str(", preload lines");
        }
        if self.placeholder {
            title.push_str(", placeholder fallback");
        }
        title
    }
}

/// The host's own text around the embeds: a news page's short paragraphs, 20 words each, shorter
/// than any of the seed's (17 to 38 words, most near 30), so that once the article is on screen
/// its text is the page's largest, as on the pages publishers measure.
const HOST_PARAGRAPH: &str = "The council met late into the evening as delegates traded \
    drafts, and by midnight the outline of a compromise had begun to emerge.";

/// Writes the news pages into `site` (beside the bench's own pages), with the article they
/// carry, `news.json`. The widget's script comes from `__ASSETS__`, which the Lighthouse runner
/// replaces with its second origin; the peer's script and the snippets' stylesheet come from the
/// page's own origin, as in the bench's own pages.
pub fn write_news_site(
    site: &Path,
    dist: &Path,
    articles: &Articles,
    pages: &[NewsPage],
) -> Result<(), String> {
    let preload = preload_lines(dist)?;
    let mut article = articles.seed.clone();
    if let Some(fields) = article.as_object_mut() {
        fields.remove("image");
    }
    let snippet = snippet_of(&article)?;
    let news = Articles {
        seed: article.clone(),
        long: article.clone(),
        seed_snippet: snippet.clone(),
        long_snippet: snippet,
    };
    std::fs::write(site.join("news.json"), article.to_string())
        .map_err(|e| format!("writing news.json: {e}"))?;
    for page in pages {
        std::fs::write(
            site.join(page.file_name()),
            news_page_html(*page, &news, &preload),
        )
        .map_err(|e| format!("writing {}: {e}", page.file_name()))?;
    }
    Ok(())
}

/// The lines that start an above-the-fold `src` embed's downloads with the page's head, for the
/// ordinary build: the module and the WebAssembly as the entry will ask for them (same URL, mode
/// and integrity, or the browser fetches them twice), and the article.
fn preload_lines(dist: &Path) -> Result<String, String> {
    let manifest: Value = std::fs::read(dist.join("reader-widget.manifest.json"))
        .map_err(|e| format!("reading the manifest: {e}"))
        .and_then(|bytes| {
            serde_json::from_slice(&bytes).map_err(|e| format!("the manifest: {e}"))
        })?;
    let mut lines = String::from("<link rel=\"preconnect\" href=\"__ASSETS__\" crossorigin>");
    for (file, about) in manifest["files"].as_object().into_iter().flatten() {
        let integrity = about["integrity"].as_str().unwrap_or_default();
        if file.starts_with("wasm/") && file.ends_with(".js") {
            let _ = write!(
                lines,
                "<link rel=\"modulepreload\" href=\"__ASSETS__/{file}\" integrity=\"{integrity}\">"
            );
        } else if file.starts_with("wasm/") && file.ends_with(".wasm") {
            let _ = write!(
                lines,
                "<link rel=\"preload\" href=\"__ASSETS__/{file}\" as=\"fetch\" crossorigin integrity=\"{integrity}\">"
            );
        }
    }
    lines.push_str("<link rel=\"preload\" href=\"news.json?embed=0\" as=\"fetch\" crossorigin>");
    Ok(lines)
}

fn news_page_html(page: NewsPage, articles: &Articles, preload: &str) -> String {
    let spec = PageSpec {
        variant: page.variant,
        embeds: page.embeds,
        length: Length::Seed,
    };
    let script = script_tag(page.variant, "__ASSETS__/");
    let script = if page.preload {
        format!("{preload}{script}")
    } else {
        script
    };
    let host = |count: usize| format!("<p>{HOST_PARAGRAPH}</p>").repeat(count);
    // Three screens of a 412 × 823 phone are about 28 of these paragraphs (three lines each).
    let before = match page.fold {
        Fold::Above => host(2),
        Fold::Below => host(28),
    };
    let embeds: String = (0..page.embeds)
        .map(|number| {
            embed_html(spec, articles, number)
                .replace("seed.json?", "news.json?")
                .replace(
                    "data-embed",
                    if page.lazy {
                        "class=\"embed\" loading=\"lazy\""
                    } else {
                        "class=\"embed\""
                    },
                )
                .replace(
                    "></reader-widget>",
                    if page.placeholder && matches!(page.variant, Variant::WidgetSrc) {
                        "><a class=\"embed-fallback\" href=\"news.json\">Read the article</a></reader-widget>"
                    } else {
                        "></reader-widget>"
                    },
                )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>The Morning Ledger: council talks</title>\
         <meta name=\"description\" content=\"A news page holding an embedded article.\">{script}\
         <style>body{{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#222}}header,footer{{padding:1rem;background:#f3f3f3}}main{{max-width:42rem;margin:0 auto;padding:0 1rem}}.embed{{display:flow-root;margin:1.5rem 0}}.embed-fallback{{display:block;min-height:{PLACEHOLDER_MIN_HEIGHT}}}</style>\
         </head><body><header><p>The Morning Ledger</p></header><main>\
         <h1>Council talks run into the night</h1>{before}{embeds}{after}</main>\
         <footer><p>© The Morning Ledger</p></footer></body></html>\n",
        after = host(6),
    )
}
