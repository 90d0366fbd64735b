//! Reading an article: one entry, [`parse_article`], takes the text of a `src` response or an
//! inline `<script>`, strips a byte-order mark, applies the size limit, parses the JSON (serde_json
//! natively, the browser's `JSON.parse` in WebAssembly) and hands it to the reader of its format,
//! the widget's own JSON (here) or schema.org JSON-LD ([`json_ld`]); every article is then checked
//! against the model's limits. An `<article>` of markup is read by `crate::markup`. The readers
//! run on [`JsonValue`], so the browser and the snippet command share them.

pub mod json_ld;

use yew::AttrValue;

use crate::article::{
    check, pixels, too_large, Article, ArticleFormat, Block, Image, LabelOverrides, Source,
    MAX_ARTICLE_BYTES, OVERRIDE_KEYS,
};
use crate::error::{LoadError, LoadErrorKind, WrongType};
use crate::json::JsonValue;

/// The text of an article's source without its byte-order mark (legal at the start of a UTF-8
/// file, but not in JSON), if it is within the size limit. Every reader of a whole text starts
/// here, so the limit is applied once.
pub fn within_limit(text: &str) -> Result<&str, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(format!(
            "{} bytes, over the limit of {MAX_ARTICLE_BYTES}",
            text.len()
        )));
    }
    Ok(text)
}

/// Whether the text of a source is markup (HTML holding an `<article>`) rather than JSON: its
/// first character that is not whitespace (or a byte-order mark) is `<`, which no JSON text
/// starts with. (Only the snippet command reads whole texts that may be either: the widget
/// knows an inline or fetched article is JSON.)
#[cfg(not(target_arch = "wasm32"))]
pub fn is_markup(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Reads an article from the widget's JSON format, or from schema.org JSON-LD (told apart by its
/// `@context`, `@type` or `@graph`, or by being an array), and checks what the widget requires.
/// `J` is the platform's JSON: `serde_json::Value` natively, the browser's `JsValue`.
pub fn parse_article<J: JsonValue>(json: &str) -> Result<Article, LoadError> {
    let json = within_limit(json)?;
    let root = J::parse(json).map_err(|reason| LoadError::new(LoadErrorKind::Syntax { reason }))?;
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
        Some(labels) => label_overrides(&labels, "labels")
            .map_err(|wrong| LoadError::new(LoadErrorKind::WrongType(wrong)))?,
        None => LabelOverrides::default(),
    };
    Ok(Article {
        headline: text(root, "headline", "headline")?.unwrap_or_default(),
        standfirst: text(root, "standfirst", "standfirst")?,
        byline: text(root, "byline", "byline")?,
        source,
        published: text(root, "published", "published")?,
        published_text: None,
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

fn wrong_type<J: JsonValue>(path: &str, expected: &'static str, found: &J) -> LoadError {
    LoadError::new(LoadErrorKind::WrongType(WrongType {
        path: path.to_owned(),
        expected,
        found: found.kind(),
    }))
}

/// A publisher's label overrides from a JSON object (the article's `labels` field, the element's
/// `labels` attribute); `path` names it in errors. Names outside
/// [`OVERRIDE_KEYS`] are ignored, as unknown article fields are; a blank text keeps the
/// built-in label.
pub fn label_overrides<J: JsonValue>(value: &J, path: &str) -> Result<LabelOverrides, WrongType> {
    if !value.is_object() {
        return Err(WrongType {
            path: path.to_owned(),
            expected: "an object",
            found: value.kind(),
        });
    }
    let mut overrides = Vec::new();
    for key in OVERRIDE_KEYS {
        let Some(member) = value.member(key) else {
            continue;
        };
        let text = member.as_text().ok_or_else(|| WrongType {
            path: format!("{path}.{key}"),
            expected: "a string",
            found: member.kind(),
        })?;
        if !text.trim().is_empty() {
            overrides.push((key, AttrValue::from(text)));
        }
    }
    Ok(LabelOverrides::from_entries(overrides))
}

// Natively: the tests read over serde_json, a native dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
