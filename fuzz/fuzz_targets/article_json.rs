//! Any text as the widget's article JSON (or JSON-LD, which the same entry point tells apart):
//! reading it never panics, and an article it accepts meets the documented rules and limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_widget::article::{MAX_BLOCKS, MAX_HEADLINE_CHARS};
use reader_widget::read::parse_article;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = parse_article::<serde_json::Value>(text) {
        assert!(!article.headline.trim().is_empty());
        assert!(article.headline.chars().count() <= MAX_HEADLINE_CHARS);
        assert!(!article.body.is_empty() && article.body.len() <= MAX_BLOCKS);
        assert!(article.body.iter().all(|block| block.is_renderable()));
    }
});
