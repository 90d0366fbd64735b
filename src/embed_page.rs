//! The embed page: one article as a complete, minimal HTML page for a CMS to show in an iframe
//! (WordPress's sandboxed one included). It holds the article's server-rendered snippet, so it
//! reads before any script runs, the widget's script from where the publisher serves it, a strict
//! Content-Security-Policy of its own, and one small script that tells the parent page the page's
//! height whenever it changes, in the protocol WordPress's embed script (`wp-embed`) listens to.
//! Nothing else reaches the parent.

use crate::snippet::{escape_attribute as escape, style_hash_source, Snippet};

/// Tells the parent page this page's height, as `wp-embed` expects it: a message
/// `{message: "height", value, secret}`, where `secret` is the one the parent put in the
/// iframe's URL (`#?secret=…`) and on the iframe (`data-secret`). Told once the page has loaded
/// (not when it is parsed: WebKit measured 112 px then, which the parent would show first),
/// whenever the height changes (text-size steps, images, fonts: a ResizeObserver
/// sees them all), and again when the parent says it is ready, in case the first message came
/// before its listener. Not from the ResizeObserver alone: WordPress keeps the frame clipped
/// until its first height message, and Chromium runs no observers in a clipped cross-origin
/// frame, so the page would never be shown (seen in the WordPress end-to-end test).
pub const HEIGHT_SCRIPT: &str = r#"const secret = /[#?&]secret=([\w-]+)/.exec(location.hash)?.[1] ?? "";
let told = 0;
const tell = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === told || parent === window) return;
  told = height;
  parent.postMessage({ message: "height", value: height, secret }, "*");
};
new ResizeObserver(tell).observe(document.documentElement);
addEventListener("load", tell);
addEventListener("message", (event) => {
  if (event.source === parent && event.data?.message === "ready" && event.data.secret === secret) {
    told = 0;
    tell();
  }
});"#;

/// An embed page and the policy it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedPage {
    pub html: String,
    /// The page's Content-Security-Policy (in a `<meta>` of the page, and sent as a header by
    /// the server): its own scripts only, the widget's origin, no inline style but the
    /// snippet's.
    pub content_security_policy: String,
}

/// The embed page of `snippet`, made with its styles inline, loading the widget's entry from
/// `script_url`. Its language is the article's, else English, the language of the widget's own
/// labels when the article names none.
pub fn embed_page(snippet: &Snippet, script_url: &str) -> EmbedPage {
    let content_security_policy = content_security_policy(script_url);
    let article = &snippet.article;
    let lang = article.lang.as_deref().unwrap_or("en");
    let html = format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<script type="module" src="{script}"></script>
<script>{HEIGHT_SCRIPT}</script>
</head>
<body>
{snippet}
</body>
</html>
"#,
        policy = escape(&content_security_policy),
        title = escape(&article.headline),
        script = escape(script_url),
        snippet = snippet.html,
    );
    EmbedPage {
        html,
        content_security_policy,
    }
}

/// The policy of every embed page whose widget comes from `script_url`: scripts from the
/// widget's origin and the height script by its hash, WebAssembly, the snippet's styles by their
/// hash, images from the page's origin or any HTTPS one, nothing else; Trusted Types required.
pub fn content_security_policy(script_url: &str) -> String {
    let script_origin = origin_of(script_url);
    format!(
        "default-src 'none'; script-src {script_origin} '{}' 'wasm-unsafe-eval'; \
         connect-src {script_origin} 'self'; style-src {}; img-src 'self' https: data:; \
         base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'",
        height_script_hash(),
        style_hash_source()
    )
}

/// The tallest WordPress's embed script lets an iframe be, whatever height the page asks for:
/// the frame's height in the oEmbed answer, so that a long article's frame does not grow under
/// the reader when its first height message arrives (a shorter article's shrinks to fit).
pub const FRAME_HEIGHT_PX: u32 = 1000;

/// The oEmbed answer that frames `snippet`'s embed page, published at `embed_url`: `html` in
/// the only form WordPress keeps from a provider it discovered (`wp_filter_oembed_result`), a
/// `<blockquote>` linking to the page, which readers see where the frame is removed, and an
/// `<iframe>` of it with no attributes but those WordPress allows; the rest as
/// [`crate::snippet::oembed`] answers, `height` the frame's.
pub fn oembed_frame(
    snippet: &Snippet,
    embed_url: &str,
    provider_name: &str,
    max_width: Option<u32>,
) -> serde_json::Value {
    let mut answer = crate::snippet::oembed(snippet, provider_name, max_width);
    let width = answer
        .get("width")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or_default();
    let url = escape(embed_url);
    let title = escape(&snippet.article.headline);
    let html = format!(
        r#"<blockquote><a href="{url}">{title}</a></blockquote><iframe src="{url}" width="{width}" height="{FRAME_HEIGHT_PX}" title="{title}" frameborder="0" marginwidth="0" marginheight="0"></iframe>"#
    );
    if let Some(fields) = answer.as_object_mut() {
        fields.insert("html".to_owned(), html.into());
        fields.insert("height".to_owned(), FRAME_HEIGHT_PX.into());
    }
    answer
}

/// `'sha256-…'` of [`HEIGHT_SCRIPT`], as `script-src` names an inline script.
fn height_script_hash() -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(HEIGHT_SCRIPT))
    )
}

/// The origin of an absolute URL (`https://cdn.example`), as a policy names it; `'self'` for a
/// URL that has none (relative).
fn origin_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) if parsed.has_host() => parsed.origin().ascii_serialization(),
        _ => "'self'".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::{read_article_source, render_snippet, SnippetOptions};

    async fn seed_page() -> EmbedPage {
        let seed = include_str!("../demo/articles/syria-resolution.json");
        let article = read_article_source(seed).expect("the seed reads");
        let snippet = render_snippet(article, &SnippetOptions::default()).await;
        embed_page(
            &snippet,
            "https://cdn.example/reader-widget/reader-widget.js",
        )
    }

    #[tokio::test]
    async fn the_page_holds_the_snippet_the_script_and_its_own_policy() {
        let page = seed_page().await;
        assert!(page.html.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(page.html.contains("<reader-widget"));
        assert!(page.html.contains("shadowrootmode=\"open\""));
        assert!(page.html.contains(
            r#"<script type="module" src="https://cdn.example/reader-widget/reader-widget.js"></script>"#
        ));
        assert!(page
            .html
            .contains("<title>US, Russia Fail to Agree on Syria Resolution</title>"));
        let policy = &page.content_security_policy;
        assert!(policy.starts_with("default-src 'none'; script-src https://cdn.example 'sha256-"));
        assert!(policy.contains(&format!("style-src {}", style_hash_source())));
        assert!(!policy.contains("unsafe-inline"));
        assert!(page.html.contains(&format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
            escape(policy)
        )));
    }

    #[tokio::test]
    async fn the_policy_names_the_height_script_by_its_hash() {
        let page = seed_page().await;
        // The script's text between its tags is exactly what was hashed (a browser test shows
        // the browser agreeing: the height arrives).
        assert!(page
            .html
            .contains(&format!("<script>{HEIGHT_SCRIPT}</script>")));
        assert!(page
            .content_security_policy
            .contains(&format!("'{}'", height_script_hash())));
    }

    #[tokio::test]
    async fn the_oembed_answer_frames_the_embed_page_as_wordpress_keeps_it() {
        let seed = include_str!("../demo/articles/syria-resolution.json");
        let article = read_article_source(seed).expect("the seed reads");
        let snippet = render_snippet(article, &SnippetOptions::default()).await;
        let url = "https://news.example/embed/syria-resolution.json";
        let answer = oembed_frame(&snippet, url, "reader-widget", Some(600));
        assert_eq!(answer["type"], "rich");
        assert_eq!(answer["width"], 600);
        assert_eq!(answer["height"], FRAME_HEIGHT_PX);
        assert_eq!(answer["author_name"], "VOA News");
        // Only what WordPress's filter allows: a bare blockquote with a link, and an iframe with
        // src, width, height, title, frameborder, marginwidth and marginheight.
        assert_eq!(
            answer["html"],
            format!(
                "<blockquote><a href=\"{url}\">US, Russia Fail to Agree on Syria Resolution</a></blockquote>\
                 <iframe src=\"{url}\" width=\"600\" height=\"1000\" title=\"US, Russia Fail to Agree on Syria Resolution\" \
                 frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>"
            )
        );
    }

    #[test]
    fn a_relative_script_url_is_allowed_as_the_pages_own() {
        assert_eq!(origin_of("/reader-widget/reader-widget.js"), "'self'");
        assert_eq!(
            origin_of("https://cdn.example:8443/rw/reader-widget.js"),
            "https://cdn.example:8443"
        );
    }
}
