//! Any text as a link or image URL in an article: whatever the policy lets through resolves,
//! against an https page, to an http or https URL, never to `javascript:`, `data:` or another
//! scheme.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_widget::article::is_safe_link;

fuzz_target!(|data: &[u8]| {
    let Ok(link) = std::str::from_utf8(data) else {
        return;
    };
    if !is_safe_link(link) {
        return;
    }
    let Ok(base) = url::Url::parse("https://news.example/articles/a.json") else {
        return;
    };
    // The widget resolves with the browser's URL parser, which follows the same standard.
    if let Ok(resolved) = base.join(link.trim()) {
        assert!(
            matches!(resolved.scheme(), "http" | "https"),
            "{link:?} resolved to {resolved}"
        );
    }
});
