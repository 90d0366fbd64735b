//! The entry's first paint (`js/first-paint.js`) is the Yew view, exactly: over every fixture
//! article, the fuzz corpus and a generated table of hostile values in every field, the painter's
//! markup (serialised by `tests/first_paint/driver.mjs` as Yew's server renderer writes markup)
//! equals the view's, read and resolved as the widget reads and resolves it, and the painter
//! declines every article the view would show otherwise: in a language other than English, from
//! JSON-LD, with a publisher's labels, in a right-to-left script, or not at all. Nothing is
//! normalised: both sides write embed 1's ids (the painter's own are `rw-p…`), text size MD and
//! English day-month-year dates (the browser's `Intl` dates are compared in the end-to-end tests).
//! Texts that serde_json refuses as a syntax error are left out: the browser reads with
//! `JSON.parse`, which the driver uses too, so the native parser cannot stand in for it there.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::rc::Rc;

use reader_widget::article::{resolve_urls, ArticleFormat};
use reader_widget::components::{LoadState, Reader, ReaderProps};
use reader_widget::error::LoadErrorKind;
use reader_widget::labels::{choose_labels, ENGLISH};
use reader_widget::read::parse_article;
use reader_widget::text_size::TextSize;
use serde_json::{json, Value};
use yew::LocalServerRenderer;

const BASE: &str = "https://news.example/articles/2013/syria.json";

/// One article for both sides: its text and the language of the element around it.
#[derive(Clone, Debug)]
struct Case {
    name: String,
    json: String,
    context_lang: Option<&'static str>,
}

/// What the view shows for a case, and whether the painter is to paint it.
enum Expected {
    /// The painter paints exactly this markup.
    Paints(String),
    /// The view shows it, but the painter leaves it to the WebAssembly; why.
    Declines(&'static str),
    /// serde_json and `JSON.parse` may disagree: not compared.
    Unjudged,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(folder: &str) -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .unwrap_or_else(|error| panic!("{folder}: {error}"))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let json = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
            Some(Case {
                name: path
                    .strip_prefix(root())
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
                json,
                context_lang: None,
            })
        })
        .collect()
}

/// A plain article with every field, into which the table puts its values.
fn full_article() -> Value {
    json!({
        "headline": "Headline",
        "standfirst": "Standfirst",
        "byline": "By A. Writer",
        "source": { "name": "Source", "url": "https://source.example/" },
        "published": "2013-09-24T10:00:00Z",
        "lang": "en",
        "url": "https://news.example/2013/syria",
        "image": {
            "src": "pictures/a.jpg", "alt": "Alt", "caption": "Caption", "credit": "Credit",
            "width": 1200, "height": 675
        },
        "body": [
            { "type": "paragraph", "text": "Paragraph" },
            { "type": "subheading", "text": "Subheading" },
            { "type": "quote", "text": "Quote", "cite": "Cite" },
            { "type": "list", "ordered": true, "items": ["One", "Two"] },
            { "type": "list", "items": ["Three"] },
            { "type": "video", "text": 7 }
        ]
    })
}

/// Where a value goes in [`full_article`], as a JSON pointer.
const TEXT_FIELDS: [&str; 16] = [
    "/headline",
    "/standfirst",
    "/byline",
    "/source/name",
    "/source/url",
    "/published",
    "/lang",
    "/url",
    "/image/src",
    "/image/alt",
    "/image/caption",
    "/image/credit",
    "/body/0/text",
    "/body/1/text",
    "/body/2/cite",
    "/body/3/items/1",
];

/// Strings that have broken markup, trimming, links, dates or languages somewhere.
fn hostile_strings() -> Vec<String> {
    let mut strings: Vec<String> = [
        "",
        " ",
        "<script>alert(1)</script>",
        "a & b &amp; c",
        "\"quoted\" 'single'",
        "<b>bold</b>",
        "]]><!--",
        "\u{feff}",
        "\u{feff}text\u{feff}",
        "\u{85}text\u{85}",
        "\u{a0}text\u{3000}",
        "\u{2028}\u{2029}",
        "\u{200b}",
        "\u{202e}override",
        "😀 emoji 𝕏",
        "e\u{301}",
        "\t\n\r text \n",
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "HTTPS://A.example/X",
        "//evil.example/x",
        "/rooted?q=1#f",
        "../up",
        "?query",
        "#fragment",
        " https://a.example/x y ",
        "http://[::1]:80/",
        "https://a.example:99999/",
        "http://exa mple/",
        "mailto:a@example",
        "https:",
        "2013-09-24",
        " 2013-09-24 ",
        "2012-02-29T00:00:00Z",
        "2013-02-29",
        "2000-02-29",
        "1900-02-29",
        "0000-01-01",
        "0099-12-31",
        "+999-+1-+1",
        "2013-13-01",
        "2013-00-10",
        "2013-9-24",
        "20130924",
        "2013-09-24\u{e9}",
        "\u{e9}2013-09-24",
        "９９９９-01-01",
        "en",
        "EN-gb",
        "en_US",
        " en ",
        "en-Latn",
        "en-Arab",
        "en-arab-IR",
        "en-Hebr",
        "en-\u{e9}\u{e9}",
        "fr",
        "fa",
        "ar",
        "xx",
        "-en",
        "en-",
        "By A. Writer",
        "Source",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    strings.push("x".repeat(1_000));
    strings.push("x".repeat(1_001));
    strings.push("😀".repeat(1_000));
    strings.push("😀".repeat(1_001));
    strings.push("y".repeat(100_001));
    strings
}

/// Values of other types, and numbers for the image's sizes.
fn hostile_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(0.5),
        json!(1.5),
        json!(2.5),
        json!(99_999.5),
        json!(100_000),
        json!(100_001),
        json!(-1),
        json!(1e308),
        json!([]),
        json!({}),
        json!(["a"]),
    ]
}

fn with(mut article: Value, pointer: &str, value: Value) -> Value {
    if let Some(slot) = article.pointer_mut(pointer) {
        *slot = value;
    }
    article
}

fn without(mut article: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = if parent.is_empty() {
        Some(&mut article)
    } else {
        article.pointer_mut(parent)
    };
    match parent {
        Some(Value::Object(map)) => {
            map.remove(key);
        }
        Some(Value::Array(items)) => {
            if let Ok(index) = key.parse::<usize>() {
                items.remove(index);
            }
        }
        _ => {}
    }
    article
}

fn case(name: String, article: &Value, context_lang: Option<&'static str>) -> Case {
    Case {
        name,
        json: article.to_string(),
        context_lang,
    }
}

/// The field at `pointer` of `full` as each hostile value of another type, and missing.
fn other_values_and_none(cases: &mut Vec<Case>, full: &Value, pointer: &str) {
    for value in hostile_values() {
        let article = with(full.clone(), pointer, value.clone());
        cases.push(case(format!("{pointer} = {value}"), &article, None));
    }
    cases.push(case(
        format!("without {pointer}"),
        &without(full.clone(), pointer),
        None,
    ));
}

/// The generated table: every hostile value in every field, every field missing, and the shapes
/// around them (other block types, the article's own labels, JSON-LD, the languages around it).
fn table() -> Vec<Case> {
    let mut cases = Vec::new();
    let full = full_article();
    for pointer in TEXT_FIELDS {
        for (index, text) in hostile_strings().into_iter().enumerate() {
            let article = with(full.clone(), pointer, Value::from(text));
            cases.push(case(format!("{pointer} = string {index}"), &article, None));
        }
        other_values_and_none(&mut cases, &full, pointer);
    }
    for pointer in [
        "/image/width",
        "/image/height",
        "/body/3/ordered",
        "/body/3/items",
        "/body/0/type",
        "/body",
        "/source",
        "/image",
    ] {
        other_values_and_none(&mut cases, &full, pointer);
    }
    for context in [
        None,
        Some(""),
        Some("en-GB"),
        Some("fr"),
        Some("ar"),
        Some("xx"),
    ] {
        let unlabelled = without(full.clone(), "/lang");
        cases.push(case(
            format!("no lang in {context:?}"),
            &unlabelled,
            context,
        ));
        let blank = with(full.clone(), "/lang", json!("  "));
        cases.push(case(format!("blank lang in {context:?}"), &blank, context));
        cases.push(case(format!("lang en in {context:?}"), &full, context));
    }
    let shapes = [
        ("null", json!(null)),
        (
            "the article's labels",
            merged(&full, json!({ "labels": { "textSize": "Size" } })),
        ),
        (
            "blank labels",
            merged(&full, json!({ "labels": { "textSize": " " } })),
        ),
        (
            "JSON-LD",
            merged(&full, json!({ "@context": "https://schema.org" })),
        ),
        ("an array", json!([full.clone()])),
        ("a string", json!("headline")),
        (
            "only blank blocks",
            merged(
                &full,
                json!({ "body": [{ "type": "paragraph", "text": " " }, { "type": "list", "items": [" "] }] }),
            ),
        ),
        (
            "too many blocks",
            merged(
                &full,
                json!({ "body": vec![json!({ "type": "paragraph", "text": "p" }); 5_001] }),
            ),
        ),
        (
            "the most blocks",
            merged(
                &full,
                json!({ "body": vec![json!({ "type": "paragraph", "text": "p" }); 5_000] }),
            ),
        ),
        (
            "the source named as the byline",
            merged(
                &full,
                json!({ "byline": " Source ", "source": { "name": "Source" } }),
            ),
        ),
        (
            "a source without a link",
            merged(&full, json!({ "source": { "name": "Source" } })),
        ),
        (
            "a caption without a credit",
            merged(
                &full,
                json!({ "image": { "src": "a.jpg", "caption": "Caption" } }),
            ),
        ),
        (
            "a credit without a caption",
            merged(
                &full,
                json!({ "image": { "src": "a.jpg", "credit": "Credit" } }),
            ),
        ),
        (
            "a width without a height",
            merged(&full, json!({ "image": { "src": "a.jpg", "width": 3 } })),
        ),
        (
            "an unordered list",
            merged(
                &full,
                json!({ "body": [{ "type": "list", "ordered": false, "items": ["a", " ", "b"] }] }),
            ),
        ),
        (
            "a quote with a blank cite",
            merged(
                &full,
                json!({ "body": [{ "type": "quote", "text": "q", "cite": " " }] }),
            ),
        ),
        (
            "a paragraph with fields of other blocks",
            merged(
                &full,
                json!({ "body": [{ "type": "paragraph", "text": "p", "cite": 1, "items": 2, "ordered": "x" }] }),
            ),
        ),
    ];
    for (name, article) in shapes {
        cases.push(case(name.to_owned(), &article, None));
    }
    let seed = std::fs::read_to_string(root().join("demo/articles/syria-resolution.json"))
        .expect("the seed article");
    for (name, json) in [
        ("the seed with a byte-order mark", format!("\u{feff}{seed}")),
        ("the seed, padded", format!(" \n{seed}\n ")),
        (
            "over the size limit",
            format!("{seed}{}", " ".repeat(2 * 1024 * 1024)),
        ),
        ("not JSON", "<p>not JSON</p>".to_owned()),
        (
            "truncated",
            seed.get(..seed.len() / 2).unwrap_or_default().to_owned(),
        ),
    ] {
        cases.push(Case {
            name: name.to_owned(),
            json,
            context_lang: None,
        });
    }
    cases
}

fn merged(article: &Value, fields: Value) -> Value {
    let mut article = article.clone();
    if let (Value::Object(article), Value::Object(fields)) = (&mut article, fields) {
        article.extend(fields);
    }
    article
}

/// The Yew view's markup for a case, read and resolved as the widget reads and resolves it.
async fn expected(case: &Case) -> Expected {
    let article = match parse_article::<Value>(&case.json) {
        Ok(article) => article,
        Err(error) if matches!(error.kind(), LoadErrorKind::Syntax { .. }) => {
            return Expected::Unjudged
        }
        Err(_) => return Expected::Declines("the widget refuses it"),
    };
    let base = url::Url::parse(BASE).expect("the base URL");
    let article = resolve_urls(article, |url| base.join(url).ok().map(String::from), |_| {});
    let (labels, _) = choose_labels(
        article.lang.as_deref(),
        case.context_lang,
        Some(&article.labels),
        &Default::default(),
    );
    let script = article
        .lang
        .as_deref()
        .map(str::trim)
        .and_then(|lang| lang.split(['-', '_']).nth(1))
        .filter(|subtag| subtag.len() == 4 && !subtag.eq_ignore_ascii_case("latn"));
    let declined = if article.format != ArticleFormat::Widget {
        Some("JSON-LD")
    } else if has_labels_member(&case.json) {
        Some("the article's own labels")
    } else if !is_english(article.lang.as_deref().or(case.context_lang)) {
        Some("a language other than English")
    } else if labels != ENGLISH {
        Some("labels in another language")
    } else if script.is_some() {
        Some("a script subtag")
    } else {
        None
    };
    let markup = LocalServerRenderer::<Reader>::with_props(ReaderProps {
        state: LoadState::Ready(Rc::new(article)),
        size: TextSize::Md,
        instance: 1,
        onchoose_size: Default::default(),
        labels,
        listen: None,
    })
    .hydratable(false)
    .render()
    .await;
    match declined {
        Some(reason) => Expected::Declines(reason),
        None => Expected::Paints(markup),
    }
}

/// Whether the article carries a `labels` member, blank or not: the painter declines any.
fn has_labels_member(json: &str) -> bool {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str::<Value>(json)
        .is_ok_and(|root| root.get("labels").is_some_and(|labels| !labels.is_null()))
}

/// Whether a language tag is English (absent, blank, or primary subtag `en`): the painter paints
/// only English, even where the widget's labels would be English for a language it does not speak.
fn is_english(tag: Option<&str>) -> bool {
    let primary = tag
        .map(str::trim)
        .and_then(|tag| tag.split(['-', '_']).next())
        .unwrap_or_default();
    primary.is_empty() || primary.eq_ignore_ascii_case("en")
}

/// What the painter makes of each case: its markup, or `None` where it declines.
fn painted(cases: &[Case]) -> Vec<Option<String>> {
    let input: Vec<Value> = cases
        .iter()
        .map(|case| json!({ "json": case.json, "base": BASE, "contextLang": case.context_lang }))
        .collect();
    let mut driver = Command::new("node")
        // js/ is bundled, not a package: node is told nothing of its module type.
        .arg("--disable-warning=MODULE_TYPELESS_PACKAGE_JSON")
        .arg(Path::new("tests").join("first_paint").join("driver.mjs"))
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/install-tools.sh installs it)");
    let mut stdin = driver.stdin.take().expect("the driver's stdin");
    let written = Value::from(input).to_string();
    let writer = std::thread::spawn(move || stdin.write_all(written.as_bytes()));
    let output = driver.wait_with_output().expect("the driver finishes");
    writer
        .join()
        .expect("the writer thread")
        .expect("the cases are written");
    assert!(output.status.success(), "the driver failed");
    serde_json::from_slice(&output.stdout).expect("the driver writes a JSON array")
}

fn all_cases() -> Vec<Case> {
    let mut cases = files("demo/articles");
    cases.extend(files("fuzz/corpus/article_json"));
    cases.extend(files("fuzz/corpus/json_ld"));
    cases.extend(table());
    cases
}

/// Where two markups part, with a little of each from there.
fn difference(view: &str, painted: &str) -> String {
    let common = view
        .char_indices()
        .zip(painted.chars())
        .find(|((_, a), b)| a != b)
        .map_or(view.len().min(painted.len()), |((at, _), _)| at);
    let from = view.floor_char_boundary(common.saturating_sub(60));
    let around = |text: &str| {
        text.chars()
            .skip(text[..from].chars().count())
            .take(160)
            .collect::<String>()
    };
    format!(
        "at byte {common}\n  the view:    {}\n  the painter: {}",
        around(view),
        painted
            .get(from..)
            .map_or_else(String::new, |_| around(painted))
    )
}

#[tokio::test]
async fn the_first_paint_is_the_views_markup_or_nothing() {
    let cases = all_cases();
    let painted = painted(&cases);
    assert_eq!(painted.len(), cases.len());
    let mut differences = Vec::new();
    let mut compared = 0;
    for (case, painted) in cases.iter().zip(&painted) {
        match (expected(case).await, painted) {
            (Expected::Paints(markup), Some(painted)) if markup == *painted => compared += 1,
            (Expected::Paints(markup), Some(painted)) => {
                differences.push(format!("{}: {}", case.name, difference(&markup, painted)))
            }
            (Expected::Paints(_), None) => {
                differences.push(format!("{}: the painter declined it", case.name))
            }
            (Expected::Declines(reason), Some(_)) => differences.push(format!(
                "{}: the painter painted it, but must decline it ({reason})",
                case.name
            )),
            (Expected::Declines(_), None) | (Expected::Unjudged, _) => {}
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} cases differ:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n\n")
    );
    // Most of the table is English and paintable: a painter that declined everything fails above.
    assert!(
        compared > cases.len() / 2,
        "{compared} of {} compared",
        cases.len()
    );
}

#[test]
fn the_painter_paints_the_english_fixtures() {
    let cases: Vec<Case> = ["demo/articles/syria-resolution.json"]
        .into_iter()
        .chain(["fuzz/corpus/article_json/seed.json"])
        .map(|file| Case {
            name: file.to_owned(),
            json: std::fs::read_to_string(root().join(file)).expect("the fixture"),
            context_lang: Some("en"),
        })
        .collect();
    for (case, painted) in cases.iter().zip(painted(&cases)) {
        assert!(painted.is_some(), "{} was not painted", case.name);
    }
}
