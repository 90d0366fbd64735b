//! Tests of the reading entry and the widget-JSON reader, run natively over serde_json.

use super::*;

fn parse_article(json: &str) -> Result<Article, LoadError> {
    super::parse_article::<serde_json::Value>(json)
}
use crate::article::{MAX_BLOCKS, MAX_HEADLINE_CHARS, MAX_TEXT_CHARS};

const SEED: &str = include_str!("../../demo/articles/syria-resolution.json");

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
        matches!(error.kind(), LoadErrorKind::Syntax { .. }),
        "{error}"
    );
}

#[test]
fn reads_the_publishers_label_texts() {
    let article = parse_article(
        r#"{"headline":"H","labels":{"textSize":"Schriftgröße"},"body":[{"type":"paragraph","text":"p"}]}"#,
    )
    .unwrap();
    let texts: Vec<_> = article.labels.entries().collect();
    assert_eq!(texts, vec![("textSize", "Schriftgröße")]);
}

#[test]
fn accepts_a_byte_order_mark() {
    let json = format!("\u{feff}{SEED}");
    assert!(parse_article(&json).is_ok());
}

#[test]
fn rejects_malformed_json_with_the_parsers_reason() {
    let error = parse_article(r#"{"headline": "H", "body": [}"#).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::Syntax { .. }));
    assert!(error.to_string().contains("line 1"), "{error}");
}

#[test]
fn rejects_wrong_types() {
    let error = parse_article(r#"{"headline": 5, "body": []}"#).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::WrongType(_)));
    let error = parse_article(r#"{"headline": "H", "body": "text"}"#).unwrap_err();
    assert!(matches!(error.kind(), LoadErrorKind::WrongType(_)));
    // An array is read as JSON-LD (a graph of nodes), in which there is no article.
    let error = parse_article(r#"[1, 2]"#).unwrap_err();
    assert!(
        matches!(error.kind(), LoadErrorKind::NoArticle { .. }),
        "{error}"
    );
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
        let LoadErrorKind::WrongType(wrong) = error.kind() else {
            panic!("{json}: {error}");
        };
        assert_eq!(wrong.to_string(), expected, "{json}");
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
fn markup_is_told_from_json_by_its_first_character_past_a_byte_order_mark() {
    assert!(is_markup("<article><h1>H</h1></article>"));
    assert!(is_markup("\u{feff}\n  <!doctype html><article></article>"));
    assert!(!is_markup("\u{feff}{\"headline\": \"<b>\"}"));
    assert!(!is_markup("  [\"<\"]"));
}
