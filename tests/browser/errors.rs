//! Articles that cannot be shown: a 404 beside a sibling that renders, malformed JSON, a missing
//! headline.

use super::*;

#[wasm_bindgen_test]
async fn a_src_that_404s_shows_the_error_while_a_sibling_renders() {
    let container = page(&format!(
        r#"<reader-widget src="/no-such-article-{}.json"></reader-widget>{}"#,
        js_sys::Date::now() as u64,
        inline_embed("")
    ));
    let hosts = embeds(&container);
    let error = wait_for("the error message", || find(&hosts[0], ".rw-status--error")).await;
    assert_eq!(
        error.text_content().as_deref(),
        Some("Sorry, this article could not be loaded.")
    );
    rendered(&hosts[1]).await;
    container.remove();
}

#[wasm_bindgen_test]
async fn malformed_json_and_a_missing_headline_show_the_error_state() {
    let container = page(concat!(
        r#"<reader-widget><script type="application/json">{"headline": "H", "body": [</script></reader-widget>"#,
        r#"<reader-widget><script type="application/json">{"body": [{"type":"paragraph","text":"p"}]}</script></reader-widget>"#,
        r#"<reader-widget></reader-widget>"#,
    ));
    for host in embeds(&container) {
        let message = wait_for("the error message", || find(&host, ".rw-status--error")).await;
        assert!(!message.text_content().unwrap_or_default().is_empty());
        assert!(find(&host, ".rw-sizes").is_none());
    }
    container.remove();
}
