//! The article model: what the widget renders, whatever format it was read from (the `read`
//! module reads each), the limits and checks every article meets, and the small facts the view
//! derives from it (text direction, publication date, which links are safe to render). Pure
//! Rust, tested natively; nothing here reads JSON or calls the browser.

use yew::AttrValue;

use crate::error::{LoadError, LoadErrorKind};

/// An article as the widget renders it. Only `headline` and a non-empty `body` are required;
/// unknown fields are ignored so that publishers can send richer JSON than the widget reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub headline: String,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub source: Option<Source>,
    /// An RFC 3339 date-time, for example `2013-09-24T00:00:00Z`.
    pub published: Option<String>,
    /// The date as the page already shows it (the text of the `<time>` in markup): shown as it
    /// is, so that a date on screen does not change when the widget takes over. Without it, the
    /// date is written as the reader's language writes it.
    pub published_text: Option<String>,
    /// A BCP 47 language tag, for example `en` or `ar`.
    pub lang: Option<String>,
    /// The article's canonical URL.
    pub url: Option<String>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// The publisher's texts for the widget's own labels (the `labels` field).
    pub labels: LabelOverrides,
    /// Which format the article was read from.
    pub format: ArticleFormat,
}

/// The format an article arrived in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArticleFormat {
    /// The widget's own JSON.
    #[default]
    Widget,
    /// schema.org JSON-LD.
    JsonLd,
    /// An `<article>` of semantic HTML inside the element.
    Html,
}

impl ArticleFormat {
    /// The name used in the `reader-widget-ready` event: `json` or `json-ld`.
    pub fn code(self) -> &'static str {
        match self {
            ArticleFormat::Widget => "json",
            ArticleFormat::JsonLd => "json-ld",
            ArticleFormat::Html => "html",
        }
    }
}

/// Who published the article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
}

/// The lead figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Image {
    pub src: String,
    /// The text alternative; an empty string marks the image as decorative.
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// The image's size in pixels, when known: set on the `<img>`, so that the browser keeps
    /// room for it before it loads and the text below does not move.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// A whole number written in decimal digits, as in an HTML `width` attribute. Parsed as an
/// integer: a floating-point parser would add 15 KB to the WebAssembly.
pub fn whole_number(text: &str) -> Option<f64> {
    text.trim().parse::<u32>().ok().map(f64::from)
}

/// A number of pixels from article data: a positive number up to 100,000, rounded; anything
/// else is no size.
pub fn pixels(value: f64) -> Option<u32> {
    (value.is_finite() && (1.0..=100_000.0).contains(&value)).then(|| value.round() as u32)
}

/// One block of the article body, tagged by `type` in JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph {
        text: String,
    },
    Subheading {
        text: String,
    },
    Quote {
        text: String,
        cite: Option<String>,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    /// A block type this version does not know: skipped, so newer feeds still render.
    Unknown,
}

impl Article {
    /// A 64-bit FNV-1a hash of what the article shows (every text, URL and size, and which
    /// fields are present), as 16 hex digits: a server-rendered snippet carries the fingerprint of
    /// its light-DOM article, so that the widget takes the snippet's markup over only while that
    /// article is still the one it was rendered from. Not for security: it detects edits, not
    /// forgeries.
    pub fn fingerprint(&self) -> String {
        let mut hash = Fnv1a::default();
        let optional = |hash: &mut Fnv1a, text: Option<&str>| match text {
            Some(text) => {
                hash.write(&[1]);
                hash.text(text);
            }
            None => hash.write(&[0]),
        };
        hash.text(&self.headline);
        optional(&mut hash, self.standfirst.as_deref());
        optional(&mut hash, self.byline.as_deref());
        optional(&mut hash, self.source.as_ref().map(|s| s.name.as_str()));
        optional(
            &mut hash,
            self.source.as_ref().and_then(|s| s.url.as_deref()),
        );
        optional(&mut hash, self.published.as_deref());
        optional(&mut hash, self.published_text.as_deref());
        optional(&mut hash, self.lang.as_deref());
        optional(&mut hash, self.image.as_ref().map(|i| i.src.as_str()));
        if let Some(image) = &self.image {
            hash.text(&image.alt);
            optional(&mut hash, image.caption.as_deref());
            optional(&mut hash, image.credit.as_deref());
            for size in [image.width, image.height] {
                hash.write(&size.unwrap_or(0).to_le_bytes());
            }
        }
        for block in &self.body {
            match block {
                Block::Paragraph { text } => {
                    hash.write(b"p");
                    hash.text(text);
                }
                Block::Subheading { text } => {
                    hash.write(b"h");
                    hash.text(text);
                }
                Block::Quote { text, cite } => {
                    hash.write(b"q");
                    hash.text(text);
                    optional(&mut hash, cite.as_deref());
                }
                Block::List { ordered, items } => {
                    hash.write(if *ordered { b"o" } else { b"u" });
                    for item in items {
                        hash.text(item);
                    }
                    hash.write(&[0]);
                }
                Block::Unknown => hash.write(b"?"),
            }
        }
        hash.hex()
    }
}

/// The 64-bit FNV-1a hash, fed bytes and length-prefixed texts.
pub(crate) struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A text, after its length, so that no two sequences of texts hash alike by running on.
    /// The length as 64 bits, the same in WebAssembly and natively.
    pub(crate) fn text(&mut self, text: &str) {
        self.write(&u64::try_from(text.len()).unwrap_or(u64::MAX).to_le_bytes());
        self.write(text.as_bytes());
    }

    /// The hash as a number.
    pub(crate) fn value(&self) -> u64 {
        self.0
    }

    /// The hash as 16 hex digits.
    pub(crate) fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Block {
    /// Whether the block has anything to show.
    pub fn is_renderable(&self) -> bool {
        match self {
            Block::Paragraph { text } | Block::Subheading { text } | Block::Quote { text, .. } => {
                !text.trim().is_empty()
            }
            Block::List { items, .. } => items.iter().any(|item| !item.trim().is_empty()),
            Block::Unknown => false,
        }
    }
}

/// The largest article text the widget reads: 2 MiB.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
/// The most body blocks an article may have.
pub const MAX_BLOCKS: usize = 5_000;
/// The longest headline, in characters.
pub const MAX_HEADLINE_CHARS: usize = 1_000;
/// The longest text of any other field or block (a paragraph, a list item, a caption …), in
/// characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

pub(crate) fn too_large(reason: String) -> LoadError {
    LoadError::new(LoadErrorKind::TooLarge { reason })
}

/// Checks what the widget requires of an article from any source, dropping blocks with nothing
/// to show.
pub fn check(mut article: Article) -> Result<Article, LoadError> {
    if article.headline.trim().is_empty() {
        return Err(LoadError::new(LoadErrorKind::MissingHeadline));
    }
    check_length("headline", &article.headline, MAX_HEADLINE_CHARS)?;
    if article.body.len() > MAX_BLOCKS {
        return Err(too_large(format!(
            "{} body blocks, over the limit of {MAX_BLOCKS}",
            article.body.len()
        )));
    }
    let fields = [
        ("standfirst", article.standfirst.as_deref()),
        ("byline", article.byline.as_deref()),
        (
            "image.caption",
            article.image.as_ref().and_then(|i| i.caption.as_deref()),
        ),
        ("image.alt", article.image.as_ref().map(|i| i.alt.as_str())),
        (
            "image.credit",
            article.image.as_ref().and_then(|i| i.credit.as_deref()),
        ),
        (
            "source.name",
            article.source.as_ref().map(|s| s.name.as_str()),
        ),
    ];
    for (name, text) in fields {
        check_length(name, text.unwrap_or_default(), MAX_TEXT_CHARS)?;
    }
    for (index, block) in article.body.iter().enumerate() {
        let texts: Vec<&str> = match block {
            Block::Paragraph { text } | Block::Subheading { text } => vec![text],
            Block::Quote { text, cite } => vec![text, cite.as_deref().unwrap_or_default()],
            Block::List { items, .. } => items.iter().map(String::as_str).collect(),
            Block::Unknown => Vec::new(),
        };
        for text in texts {
            check_length(&format!("body[{index}]"), text, MAX_TEXT_CHARS)?;
        }
    }
    article.body.retain(Block::is_renderable);
    if article.body.is_empty() {
        return Err(LoadError::new(LoadErrorKind::EmptyBody));
    }
    Ok(article)
}

/// An error when `text` is longer than `limit` characters; `name` says which field it is.
fn check_length(name: &str, text: &str, limit: usize) -> Result<(), LoadError> {
    // Bytes bound characters from above: most texts are decided without counting.
    if text.len() > limit && text.chars().count() > limit {
        return Err(too_large(format!(
            "{name} is {} characters long, over the limit of {limit}",
            text.chars().count()
        )));
    }
    Ok(())
}

/// Which way a language is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// The direction of a BCP 47 language tag: right-to-left for languages and scripts written
    /// that way, left-to-right otherwise.
    pub fn of_language(tag: &str) -> Direction {
        const RTL_LANGUAGES: [&str; 12] = [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
        ];
        const RTL_SCRIPTS: [&str; 7] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
        let mut subtags = tag.split(['-', '_']);
        let language = subtags.next().unwrap_or_default().to_ascii_lowercase();
        let script = subtags
            .next()
            .filter(|subtag| subtag.len() == 4)
            .map(str::to_ascii_lowercase);
        let rtl = match script {
            Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
            None => RTL_LANGUAGES.contains(&language.as_str()),
        };
        if rtl {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// A calendar date read from the start of an RFC 3339 date-time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDate {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl CalendarDate {
    /// Reads `YYYY-MM-DD` from the start of `value`; `None` if it is not a real date.
    pub fn parse(value: &str) -> Option<CalendarDate> {
        let date = value.trim().get(..10)?;
        let mut parts = date.split('-');
        let year: u16 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month: u8 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let day: u8 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(CalendarDate { year, month, day })
    }
}

/// The article with its URLs (the image's, the source's, the canonical one) replaced by what
/// `resolve` makes of each web link. A URL that is not a web link, or that `resolve` cannot
/// use (`None`), is dropped, the image with it, and `dropped` hears a line saying so. The
/// widget resolves against the article's URL in the browser, the snippet command natively.
pub fn resolve_urls(
    mut article: Article,
    resolve: impl Fn(&str) -> Option<String>,
    mut dropped: impl FnMut(String),
) -> Article {
    let mut resolve = |url: &str, what: &str| -> Option<String> {
        let resolved = is_safe_link(url).then(|| resolve(url.trim())).flatten();
        if resolved.is_none() {
            dropped(format!(
                "ignored the {what} URL \"{url}\": not an http(s) URL"
            ));
        }
        resolved
    };
    if let Some(image) = article.image.as_mut() {
        match resolve(&image.src, "image") {
            Some(src) => image.src = src,
            None => article.image = None,
        }
    }
    if let Some(source) = article.source.as_mut() {
        source.url = source.url.as_deref().and_then(|url| resolve(url, "source"));
    }
    article.url = article
        .url
        .as_deref()
        .and_then(|url| resolve(url, "canonical"));
    article
}

/// Whether a URL from the article may become a link: `http:`, `https:` and relative references
/// pass; any other scheme (`javascript:`, `data:`, `vbscript:` …) does not.
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, and comes before any of
    // `/ ? #`; anything else is a relative reference.
    match url.find([':', '/', '?', '#']) {
        Some(index) if url.as_bytes().get(index) == Some(&b':') => {
            let scheme = url.get(..index).unwrap_or_default();
            scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
        }
        _ => true,
    }
}

/// The names a publisher overrides labels by, in the `labels` attribute and the article's
/// `labels` field: each one of the widget's labels, plus `lang` for the language they are written
/// in.
pub const OVERRIDE_KEYS: [&str; 16] = [
    "lang",
    "skipToArticle",
    "skipPastArticle",
    "textSize",
    "sizeXs",
    "sizeSm",
    "sizeMd",
    "sizeLg",
    "loading",
    "unreachable",
    "unusable",
    "imageCredit",
    "listen",
    "pause",
    "resume",
    "stop",
];

/// A publisher's own texts for some labels, by [`OVERRIDE_KEYS`] name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelOverrides(Vec<(&'static str, AttrValue)>);

impl LabelOverrides {
    /// Overrides from their names and texts, each name one of [`OVERRIDE_KEYS`].
    pub(crate) fn from_entries(entries: Vec<(&'static str, AttrValue)>) -> LabelOverrides {
        LabelOverrides(entries)
    }

    /// Each override as its name and text, shared (the labels take the texts without copying).
    pub(crate) fn texts(&self) -> &[(&'static str, AttrValue)] {
        &self.0
    }

    /// The language the publisher's texts are written in, if they say.
    pub fn lang(&self) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| *key == "lang")
            .map(|(_, text)| text.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each override as its name and text, in [`OVERRIDE_KEYS`] order.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        self.0.iter().map(|(key, text)| (*key, text.as_str()))
    }
}

#[cfg(test)]
mod tests;
