//! The article model: the public JSON format a publisher gives the widget, how it is read and
//! checked, and the small facts the view derives from it (text direction, publication date, which
//! links are safe to render). Pure Rust, tested natively; the reading runs on [`JsonValue`], so
//! the browser uses the same code over its own `JSON.parse`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

use crate::json::JsonValue;
use crate::json_ld;
use crate::labels::LabelOverrides;

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

fn too_large(reason: String) -> LoadError {
    LoadError::new(LoadErrorKind::TooLarge { reason })
}

/// Reads an article from the widget's JSON format, or from schema.org JSON-LD (told apart by its
/// `@context`, `@type` or `@graph`, or by being an array), and checks what the widget requires.
pub fn parse_article(json: &str) -> Result<Article, LoadError> {
    // A byte-order mark is legal at the start of a UTF-8 file but not in JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(format!(
            "{} bytes, over the limit of {MAX_ARTICLE_BYTES}",
            json.len()
        )));
    }
    let malformed = |reason: String| LoadError::new(LoadErrorKind::Malformed { reason });
    #[cfg(not(target_arch = "wasm32"))]
    let root: serde_json::Value =
        serde_json::from_str(json).map_err(|error| malformed(error.to_string()))?;
    #[cfg(target_arch = "wasm32")]
    let root = js_sys::JSON::parse(json).map_err(|error| {
        malformed(
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default(),
        )
    })?;
    let article = if json_ld::is_json_ld(&root) {
        json_ld::read_json_ld(&root)?
    } else {
        read_article(&root)?
    };
    check(article)
}

/// Reads the article's fields from parsed JSON. Unknown fields are ignored; a known field of the
/// wrong type is an error naming the field.
pub fn read_article<J: JsonValue>(root: &J) -> Result<Article, LoadError> {
    if !root.is_object() {
        return Err(wrong_type("the article", "an object", root));
    }
    let source = match root.member("source").map(|source| object(source, "source")) {
        Some(source) => {
            let source = source?;
            Some(Source {
                name: text(&source, "name", "source.name")?.unwrap_or_default(),
                url: text(&source, "url", "source.url")?,
            })
        }
        None => None,
    };
    let image = match root.member("image").map(|image| object(image, "image")) {
        Some(image) => {
            let image = image?;
            Some(Image {
                src: text(&image, "src", "image.src")?.unwrap_or_default(),
                alt: text(&image, "alt", "image.alt")?.unwrap_or_default(),
                caption: text(&image, "caption", "image.caption")?,
                credit: text(&image, "credit", "image.credit")?,
                width: number(&image, "width", "image.width")?.and_then(pixels),
                height: number(&image, "height", "image.height")?.and_then(pixels),
            })
        }
        None => None,
    };
    let body = match root.member("body") {
        Some(body) => body
            .elements()
            .ok_or_else(|| wrong_type("body", "an array", &body))?
            .iter()
            .enumerate()
            .map(|(index, block)| read_block(block, index))
            .collect::<Result<Vec<Block>, LoadError>>()?,
        None => Vec::new(),
    };
    let labels = match root.member("labels") {
        Some(labels) => LabelOverrides::read(&labels, "labels")
            .map_err(|reason| LoadError::new(LoadErrorKind::Malformed { reason }))?,
        None => LabelOverrides::default(),
    };
    Ok(Article {
        headline: text(root, "headline", "headline")?.unwrap_or_default(),
        standfirst: text(root, "standfirst", "standfirst")?,
        byline: text(root, "byline", "byline")?,
        source,
        published: text(root, "published", "published")?,
        lang: text(root, "lang", "lang")?,
        url: text(root, "url", "url")?,
        image,
        body,
        labels,
        format: ArticleFormat::Widget,
    })
}

/// One body block: every field of every type is read from one flat object, by its `type`.
fn read_block<J: JsonValue>(block: &J, index: usize) -> Result<Block, LoadError> {
    let path = |field: &str| format!("body[{index}].{field}");
    if !block.is_object() {
        return Err(wrong_type(&format!("body[{index}]"), "an object", block));
    }
    let kind = text(block, "type", &path("type"))?.unwrap_or_default();
    let text_of = || text(block, "text", &path("text")).map(Option::unwrap_or_default);
    Ok(match kind.as_str() {
        "paragraph" => Block::Paragraph { text: text_of()? },
        "subheading" => Block::Subheading { text: text_of()? },
        "quote" => Block::Quote {
            text: text_of()?,
            cite: text(block, "cite", &path("cite"))?,
        },
        "list" => {
            let ordered = match block.member("ordered") {
                Some(ordered) => ordered
                    .as_boolean()
                    .ok_or_else(|| wrong_type(&path("ordered"), "a boolean", &ordered))?,
                None => false,
            };
            let items = match block.member("items") {
                Some(items) => items
                    .elements()
                    .ok_or_else(|| wrong_type(&path("items"), "an array", &items))?
                    .iter()
                    .enumerate()
                    .map(|(item_index, item)| {
                        item.as_text().ok_or_else(|| {
                            wrong_type(
                                &format!("{}[{item_index}]", path("items")),
                                "a string",
                                item,
                            )
                        })
                    })
                    .collect::<Result<Vec<String>, LoadError>>()?,
                None => Vec::new(),
            };
            Block::List { ordered, items }
        }
        _ => Block::Unknown,
    })
}

/// The string member `key` of `object`, if present; `path` names it in errors.
fn text<J: JsonValue>(object: &J, key: &str, path: &str) -> Result<Option<String>, LoadError> {
    match object.member(key) {
        Some(value) => value
            .as_text()
            .map(Some)
            .ok_or_else(|| wrong_type(path, "a string", &value)),
        None => Ok(None),
    }
}

/// The number member `key` of `object`, if present; `path` names it in errors.
fn number<J: JsonValue>(object: &J, key: &str, path: &str) -> Result<Option<f64>, LoadError> {
    match object.member(key) {
        Some(value) => value
            .as_number()
            .map(Some)
            .ok_or_else(|| wrong_type(path, "a number", &value)),
        None => Ok(None),
    }
}

/// `value` if it is an object, else an error naming `path`.
fn object<J: JsonValue>(value: J, path: &str) -> Result<J, LoadError> {
    if value.is_object() {
        Ok(value)
    } else {
        Err(wrong_type(path, "an object", &value))
    }
}

fn wrong_type<J: JsonValue>(path: &str, expected: &str, found: &J) -> LoadError {
    LoadError::new(LoadErrorKind::Malformed {
        reason: format!("{path} must be {expected}, not {}", found.kind()),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::ENGLISH;

    const SEED: &str = include_str!("../demo/articles/syria-resolution.json");

    #[test]
    fn parses_the_seed_article() {
        let article = parse_article(SEED).unwrap();
        assert_eq!(
            article.headline,
            "US, Russia Fail to Agree on Syria Resolution"
        );
        assert_eq!(article.byline.as_deref(), Some("VOA News"));
        assert_eq!(article.lang.as_deref(), Some("en"));
        let image = article.image.unwrap();
        assert_eq!(
            image.alt,
            "John Kerry and Sergei Lavrov shake hands after conducting a bilateral meeting. Tuesday, Sept. 24, 2013."
        );
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
        assert_eq!(article.body.len(), 10);
        assert!(
            matches!(&article.body[0], Block::Paragraph { text } if text.starts_with("The top diplomats"))
        );
    }

    #[test]
    fn parses_every_block_type() {
        let article = parse_article(
            r#"{"headline":"H","body":[
                {"type":"paragraph","text":"p"},
                {"type":"subheading","text":"s"},
                {"type":"quote","text":"q","cite":"c"},
                {"type":"list","ordered":true,"items":["a","b"]}]}"#,
        )
        .unwrap();
        assert_eq!(
            article.body,
            vec![
                Block::Paragraph { text: "p".into() },
                Block::Subheading { text: "s".into() },
                Block::Quote {
                    text: "q".into(),
                    cite: Some("c".into())
                },
                Block::List {
                    ordered: true,
                    items: vec!["a".into(), "b".into()]
                },
            ]
        );
    }

    #[test]
    fn the_fingerprint_follows_every_text_and_which_fields_are_there() {
        let seed = parse_article(SEED).unwrap();
        let print = seed.fingerprint();
        assert_eq!(print.len(), 16);
        assert_eq!(print, parse_article(SEED).unwrap().fingerprint());
        let mut changed = seed.clone();
        changed.headline.push('!');
        assert_ne!(changed.fingerprint(), print);
        let mut changed = seed.clone();
        changed.byline = None;
        assert_ne!(changed.fingerprint(), print);
        let mut changed = seed.clone();
        changed.body.push(Block::Paragraph {
            text: String::new(),
        });
        assert_ne!(changed.fingerprint(), print);
        // Texts are length-prefixed: moving a boundary between two texts changes it too.
        let split = |a: &str, b: &str| Article {
            headline: a.into(),
            standfirst: Some(b.into()),
            ..Article::default()
        };
        assert_ne!(
            split("ab", "c").fingerprint(),
            split("a", "bc").fingerprint()
        );
    }

    #[test]
    fn requires_only_headline_and_body() {
        let article =
            parse_article(r#"{"headline":"H","body":[{"type":"paragraph","text":"p"}]}"#).unwrap();
        assert_eq!(article.standfirst, None);
        assert_eq!(article.image, None);
        assert_eq!(article.source, None);
    }

    #[test]
    fn ignores_unknown_fields_and_block_types() {
        let article = parse_article(
            r#"{"headline":"H","section":"World","tags":["a"],
                "image":{"src":"a.png","alt":"","focalPoint":[1,2]},
                "body":[{"type":"video","id":"x"},{"type":"paragraph","text":"p","emphasis":true}]}"#,
        )
        .unwrap();
        assert_eq!(article.body, vec![Block::Paragraph { text: "p".into() }]);
    }

    #[test]
    fn articles_over_the_documented_limits_are_too_large() {
        let paragraph = |text: &str| format!(r#"{{"type":"paragraph","text":"{text}"}}"#);
        let article = |headline: &str, blocks: Vec<String>| {
            format!(
                r#"{{"headline":"{headline}","body":[{}]}}"#,
                blocks.join(",")
            )
        };
        let reason = |json: &str| match parse_article(json).map_err(|e| e.kind().clone()) {
            Err(LoadErrorKind::TooLarge { reason }) => reason,
            other => panic!("not too large: {other:?}"),
        };
        let at_limit = article(&"h".repeat(MAX_HEADLINE_CHARS), vec![paragraph("p")]);
        assert!(parse_article(&at_limit).is_ok());
        assert_eq!(
            reason(&article(
                &"h".repeat(MAX_HEADLINE_CHARS + 1),
                vec![paragraph("p")]
            )),
            "headline is 1001 characters long, over the limit of 1000"
        );
        // Characters, not bytes: a thousand Persian letters are two thousand bytes.
        assert!(parse_article(&article(
            &"ب".repeat(MAX_HEADLINE_CHARS),
            vec![paragraph("p")]
        ))
        .is_ok());
        assert_eq!(
            reason(&article("H", vec![paragraph("p"); MAX_BLOCKS + 1])),
            "5001 body blocks, over the limit of 5000"
        );
        assert_eq!(
            reason(&article(
                "H",
                vec![paragraph("p"), paragraph(&"x".repeat(MAX_TEXT_CHARS + 1))]
            )),
            "body[1] is 100001 characters long, over the limit of 100000"
        );
        let huge = article("H", vec![paragraph(&"x".repeat(50_000)); 50]);
        assert!(huge.len() > MAX_ARTICLE_BYTES);
        assert!(reason(&huge).ends_with("bytes, over the limit of 2097152"));
    }

    #[test]
    fn image_sizes_outside_1_to_100000_pixels_are_no_size() {
        for (width, expected) in [
            ("0", None),
            ("-5", None),
            ("1e9", None),
            ("1.6", Some(2)),
            ("640", Some(640)),
        ] {
            let json = format!(
                r#"{{"headline":"H","image":{{"src":"a.png","width":{width},"height":10}},"body":[{{"type":"paragraph","text":"p"}}]}}"#
            );
            let image = parse_article(&json).unwrap().image.unwrap();
            assert_eq!(image.width, expected, "{width}");
            assert_eq!(image.height, Some(10));
        }
    }

    #[test]
    fn a_duplicate_key_takes_its_last_value_as_the_browsers_json_parse_does() {
        let article = parse_article(
            r#"{"headline":"First","headline":"Last","body":[{"type":"paragraph","text":"p"}]}"#,
        )
        .unwrap();
        assert_eq!(article.headline, "Last");
    }

    #[test]
    fn deeply_nested_json_is_a_malformed_article_not_a_crash() {
        let deep = format!(
            r#"{{"headline":"H","extra":{}{},"body":[{{"type":"paragraph","text":"p"}}]}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let error = parse_article(&deep).unwrap_err();
        assert!(
            matches!(error.kind(), LoadErrorKind::Malformed { .. }),
            "{error}"
        );
    }

    #[test]
    fn reads_the_publishers_label_texts() {
        let article = parse_article(
            r#"{"headline":"H","labels":{"textSize":"Schriftgröße"},"body":[{"type":"paragraph","text":"p"}]}"#,
        )
        .unwrap();
        assert_eq!(
            ENGLISH.overridden(&article.labels).text_size,
            "Schriftgröße"
        );
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let json = format!("\u{feff}{SEED}");
        assert!(parse_article(&json).is_ok());
    }

    #[test]
    fn rejects_malformed_json_with_the_parsers_reason() {
        let error = parse_article(r#"{"headline": "H", "body": [}"#).unwrap_err();
        assert!(matches!(error.kind(), LoadErrorKind::Malformed { .. }));
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn rejects_wrong_types() {
        let error = parse_article(r#"{"headline": 5, "body": []}"#).unwrap_err();
        assert!(matches!(error.kind(), LoadErrorKind::Malformed { .. }));
        let error = parse_article(r#"{"headline": "H", "body": "text"}"#).unwrap_err();
        assert!(matches!(error.kind(), LoadErrorKind::Malformed { .. }));
        let error = parse_article(r#"[1, 2]"#).unwrap_err();
        assert!(matches!(error.kind(), LoadErrorKind::Malformed { .. }));
    }

    #[test]
    fn a_wrong_type_is_named_by_its_path() {
        let cases = [
            (r#""text""#, "the article must be an object, not a string"),
            (
                r#"{"headline": 5}"#,
                "headline must be a string, not a number",
            ),
            (
                r#"{"headline": "H", "image": "a.png"}"#,
                "image must be an object, not a string",
            ),
            (
                r#"{"headline": "H", "source": {"name": true}}"#,
                "source.name must be a string, not a boolean",
            ),
            (
                r#"{"headline": "H", "body": {}}"#,
                "body must be an array, not an object",
            ),
            (
                r#"{"headline": "H", "body": ["p"]}"#,
                "body[0] must be an object, not a string",
            ),
            (
                r#"{"headline": "H", "body": [{"type": "paragraph", "text": "p"}, {"type": "quote", "text": ["q"]}]}"#,
                "body[1].text must be a string, not an array",
            ),
            (
                r#"{"headline": "H", "body": [{"type": "list", "ordered": "yes", "items": []}]}"#,
                "body[0].ordered must be a boolean, not a string",
            ),
            (
                r#"{"headline": "H", "body": [{"type": "list", "items": ["a", 2]}]}"#,
                "body[0].items[1] must be a string, not a number",
            ),
            (
                r#"{"headline": "H", "image": {"src": "a.png", "width": "1200"}}"#,
                "image.width must be a number, not a string",
            ),
            (
                r#"{"headline": "H", "labels": {"skipToArticle": false}}"#,
                "labels.skipToArticle must be a string, not a boolean",
            ),
        ];
        for (json, expected) in cases {
            let error = parse_article(json).unwrap_err();
            assert_eq!(
                error.kind(),
                &LoadErrorKind::Malformed {
                    reason: expected.to_owned()
                },
                "{json}"
            );
        }
    }

    #[test]
    fn null_reads_as_absent() {
        let article = parse_article(
            r#"{"headline":"H","standfirst":null,"image":null,"body":[{"type":"quote","text":"q","cite":null}]}"#,
        )
        .unwrap();
        assert_eq!(article.standfirst, None);
        assert_eq!(article.image, None);
        assert_eq!(
            article.body,
            vec![Block::Quote {
                text: "q".into(),
                cite: None
            }]
        );
    }

    #[test]
    fn rejects_a_missing_or_blank_headline() {
        for json in [
            r#"{"body":[{"type":"paragraph","text":"p"}]}"#,
            r#"{"headline":"  ","body":[{"type":"paragraph","text":"p"}]}"#,
        ] {
            let error = parse_article(json).unwrap_err();
            assert_eq!(error.kind(), &LoadErrorKind::MissingHeadline, "{json}");
        }
    }

    #[test]
    fn rejects_a_missing_or_empty_body() {
        for json in [
            r#"{"headline":"H"}"#,
            r#"{"headline":"H","body":[]}"#,
            r#"{"headline":"H","body":[{"type":"paragraph","text":" "},{"type":"list","items":[]}]}"#,
            r#"{"headline":"H","body":[{"type":"gallery"}]}"#,
        ] {
            let error = parse_article(json).unwrap_err();
            assert_eq!(error.kind(), &LoadErrorKind::EmptyBody, "{json}");
        }
    }

    #[test]
    fn knows_right_to_left_languages_and_scripts() {
        for tag in [
            "ar",
            "fa",
            "ur",
            "he",
            "ps",
            "AR-eg",
            "fa_IR",
            "ku-Arab",
            "az-Arab-IR",
        ] {
            assert_eq!(Direction::of_language(tag), Direction::Rtl, "{tag}");
        }
        for tag in [
            "en", "es", "ru", "uk", "zh-Hans", "ko", "tr", "sw", "", "pa-Guru",
        ] {
            assert_eq!(Direction::of_language(tag), Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn reads_the_calendar_date_of_a_timestamp() {
        assert_eq!(
            CalendarDate::parse("2013-09-24T00:00:00Z"),
            Some(CalendarDate {
                year: 2013,
                month: 9,
                day: 24
            })
        );
        assert_eq!(CalendarDate::parse("2024-02-29").map(|d| d.day), Some(29));
    }

    #[test]
    fn rejects_impossible_dates() {
        for value in [
            "2023-02-29",
            "2013-13-01",
            "2013-04-31",
            "24/09/2013",
            "2013-9-24",
            "",
            "2013-09-2é",
        ] {
            assert_eq!(CalendarDate::parse(value), None, "{value}");
        }
    }

    #[test]
    fn allows_only_web_links() {
        for url in [
            "https://www.voanews.com/a/x",
            "HTTP://example.com",
            "/a/b",
            "b?c=d:e",
            "#top",
            "//cdn.example/x",
        ] {
            assert!(is_safe_link(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "mailto:a@b",
            "",
        ] {
            assert!(!is_safe_link(url), "{url}");
        }
    }
}
