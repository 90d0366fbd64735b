//! Tests of the label tables, the choice of labels and the label overrides, run natively.

use super::*;
use crate::error::LoadErrorKind;

#[test]
fn each_accessible_name_starts_with_the_visible_label() {
    for size in TextSize::ALL {
        let name = ENGLISH.size_name(size);
        assert!(name.starts_with(size.label()), "{name}");
        assert!(name.len() > size.label().len() + 2, "{name}");
    }
    assert_eq!(ENGLISH.size_name(TextSize::Xs), "XS, extra small text");
    assert_eq!(ENGLISH.size_name(TextSize::Lg), "LG, large text");
}

#[test]
fn formats_a_date_in_words_natively() {
    let date = CalendarDate {
        year: 2013,
        month: 9,
        day: 24,
    };
    assert_eq!(format_date(date, "en"), "24 September 2013");
}

#[test]
fn finds_labels_by_primary_language() {
    let lang_of = |tag: &str| Labels::for_language(tag).map(|labels| labels.lang.to_string());
    assert_eq!(lang_of("fa-IR").as_deref(), Some("fa"));
    assert_eq!(lang_of("zh-CN").as_deref(), Some("zh-Hans"));
    assert_eq!(lang_of("ZH-hans").as_deref(), Some("zh-Hans"));
    assert_eq!(lang_of("sw").as_deref(), Some("sw"));
    assert_eq!(lang_of("pt-BR").as_deref(), None);
    assert_eq!(lang_of("").as_deref(), None);
}

#[test]
fn speaks_the_twelve_languages_and_fills_every_label() {
    let tags: Vec<&str> = LANGUAGES.iter().map(LabelTable::lang).collect();
    assert_eq!(
        tags,
        vec!["en", "es", "fr", "ru", "uk", "fa", "ur", "ar", "zh-Hans", "ko", "tr", "sw"]
    );
    for labels in LANGUAGES.iter().map(LabelTable::labels) {
        let texts = [
            &labels.skip_to_article,
            &labels.skip_past_article,
            &labels.text_size,
            &labels.loading,
            &labels.unreachable,
            &labels.unusable,
            &labels.image_credit,
            &labels.listen,
            &labels.pause,
            &labels.resume,
            &labels.stop,
        ];
        assert!(
            texts
                .into_iter()
                .chain(labels.size_descriptions.iter())
                .all(|text| !text.trim().is_empty()),
            "{}",
            labels.lang
        );
        assert_ne!(labels.skip_to_article, labels.skip_past_article);
        if labels.lang != "en" {
            assert_ne!(labels.skip_to_article, ENGLISH.skip_to_article);
            assert_ne!(labels.size_descriptions, ENGLISH.size_descriptions);
            // (French pauses as English does: only the first is sure to differ.)
            assert_ne!(labels.listen, ENGLISH.listen);
        }
        for size in TextSize::ALL {
            assert!(labels.size_name(size).starts_with(size.label()));
        }
    }
}

#[test]
fn persian_urdu_and_arabic_labels_are_right_to_left() {
    for labels in LANGUAGES.iter().map(LabelTable::labels) {
        let rtl = matches!(labels.lang.as_str(), "fa" | "ur" | "ar");
        assert_eq!(labels.direction() == Direction::Rtl, rtl, "{}", labels.lang);
    }
}

// serde_json, which stands in for the browser's JSON.parse, is a native dependency only.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_publishers_texts_replace_the_built_in_labels() {
    let json = serde_json::json!({
        "lang": "de",
        "skipToArticle": "Zum Artikeltext",
        "sizeLg": "große Schrift",
        "loading": "  ",
        "unknownLabel": "ignored"
    });
    let overrides = crate::read::label_overrides(&json, "labels").expect("valid overrides");
    assert_eq!(overrides.lang(), Some("de"));
    let labels = ENGLISH.overridden(&overrides);
    assert_eq!(labels.lang, "de");
    assert_eq!(labels.skip_to_article, "Zum Artikeltext");
    assert_eq!(labels.size_name(TextSize::Lg), "LG, große Schrift");
    // A blank text keeps the built-in label; the rest are untouched.
    assert_eq!(labels.loading, ENGLISH.loading);
    assert_eq!(labels.skip_past_article, ENGLISH.skip_past_article);
    assert_eq!(
        ENGLISH.overridden(&LabelOverrides::default()),
        ENGLISH.clone()
    );
}

// serde_json, which stands in for the browser's JSON.parse, is a native dependency only.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn rejects_overrides_of_the_wrong_type_by_their_path() {
    let not_text = serde_json::json!({ "textSize": 3 });
    assert_eq!(
        crate::read::label_overrides(&not_text, "labels").map_err(|wrong| wrong.to_string()),
        Err("labels.textSize must be a string, not a number".to_owned())
    );
    assert_eq!(
        crate::read::label_overrides(&serde_json::json!(["x"]), "labels")
            .map_err(|wrong| wrong.to_string()),
        Err("labels must be an object, not an array".to_owned())
    );
}

#[test]
fn tells_unreachable_from_unusable_articles() {
    let missing = LoadError::new(LoadErrorKind::Http {
        url: "u".into(),
        status: 404,
    });
    let empty = LoadError::new(LoadErrorKind::EmptyBody);
    assert_eq!(ENGLISH.error_message(&missing), ENGLISH.unreachable);
    assert_eq!(ENGLISH.error_message(&empty), ENGLISH.unusable);
}
