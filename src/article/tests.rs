//! Tests of the article model's checks, limits, links and dates, run natively.

use super::*;

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
