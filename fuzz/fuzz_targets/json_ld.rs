//! Any JSON read as schema.org JSON-LD, whatever its shape: finding the article in it and
//! mapping it never panics, and `check` holds the result to the usual rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_widget::article::check;
use reader_widget::read::json_ld::{is_json_ld, read_json_ld};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let _ = is_json_ld(&value);
    if let Ok(article) = read_json_ld(&value) {
        if let Ok(article) = check(article) {
            assert!(!article.headline.trim().is_empty());
            assert!(!article.body.is_empty());
        }
    }
});
