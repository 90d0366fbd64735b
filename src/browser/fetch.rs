//! Fetching an embed's `src`: the loader's early request when it made one, otherwise a request
//! of the widget's own; one deadline for the answer and its body, the answer's status and
//! Content-Type checked, and a body over the size limit refused as it arrives. Every failure is
//! a [`LoadError`] naming the URL.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

use crate::article::{Article, MAX_ARTICLE_BYTES};
use crate::error::{LoadError, LoadErrorKind};
use crate::read::parse_article;

#[wasm_bindgen(module = "/js/define-element.js")]
extern "C" {
    /// The loader's early request for `url` (see `js/reader-widget.js`), taken once; `signal`
    /// aborting aborts it.
    #[wasm_bindgen(js_name = takeEarlyArticle)]
    fn take_early_article(url: &str, signal: Option<&AbortSignal>) -> Option<js_sys::Promise>;
    /// `promise` raced against a timer (see `within`).
    #[wasm_bindgen(js_name = within)]
    fn within_js(promise: &js_sys::Promise, ms: i32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = isTimeOut)]
    fn is_time_out(value: &JsValue) -> bool;
}

// Shared with the entry's first paint, so that both take the same answers as articles.
#[wasm_bindgen(module = "/js/fetch-text.js")]
extern "C" {
    /// Whether a Content-Type may carry an article (see `mayCarryArticle`).
    #[wasm_bindgen(js_name = mayCarryArticle)]
    fn may_carry_article(content_type: &str) -> bool;
    /// The response's body as text, unless it is over `limit` bytes (see `textWithin`).
    #[wasm_bindgen(js_name = textWithin)]
    fn text_within_js(response: &Response, limit: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = isTooLarge)]
    fn is_too_large(value: &JsValue) -> bool;
}

/// How long an article may take to arrive, headers and body, before the embed gives up.
const FETCH_TIMEOUT_MS: i32 = 10_000;

/// Waits for `promise` for at most `ms` milliseconds: `Ok(None)` when the time ran out.
async fn within(promise: js_sys::Promise, ms: i32) -> Result<Option<JsValue>, JsValue> {
    let first = JsFuture::from(within_js(&promise, ms)).await?;
    Ok((!is_time_out(&first)).then_some(first))
}

/// Fetches and reads the article at `url`; the article and the URL it finally came from (after
/// redirects), against which its relative URLs resolve.
pub async fn fetch_article(
    url: &str,
    signal: Option<&AbortSignal>,
) -> Result<(Article, String), LoadError> {
    let network_error = |reason: wasm_bindgen::JsValue| {
        let reason = reason
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .or_else(|| reason.as_string())
            .unwrap_or_else(|| "the request failed".to_owned());
        LoadError::new(LoadErrorKind::Network {
            url: url.to_owned(),
            reason,
        })
    };
    let window = web_sys::window().ok_or_else(|| network_error("no window".into()))?;
    // The loader's request, made while the WebAssembly loaded, if it made one for this URL.
    let request = take_early_article(url, signal).unwrap_or_else(|| {
        let init: RequestInit = crate::browser::dictionary();
        init.set_signal(signal);
        window.fetch_with_str_and_init(url, &init)
    });
    // One deadline for the answer and its body: a body that never ends times out too.
    let deadline = js_sys::Date::now() + f64::from(FETCH_TIMEOUT_MS);
    let remaining = || (deadline - js_sys::Date::now()).max(0.0) as i32;
    let timeout = || {
        LoadError::new(LoadErrorKind::Timeout {
            url: url.to_owned(),
            seconds: (FETCH_TIMEOUT_MS / 1000).unsigned_abs(),
        })
    };
    let response: Response = within(request, remaining())
        .await
        .map_err(network_error)?
        .ok_or_else(timeout)?
        .dyn_into()
        .map_err(network_error)?;
    if !response.ok() {
        return Err(LoadError::new(LoadErrorKind::Http {
            url: url.to_owned(),
            status: response.status(),
        }));
    }
    if let Ok(Some(content_type)) = response.headers().get("content-type") {
        if !may_carry_article(&content_type) {
            return Err(LoadError::new(LoadErrorKind::ContentType {
                url: url.to_owned(),
                content_type,
            }));
        }
    }
    // A body over the limit is refused as it arrives (or, by its Content-Length, before).
    let limit = u32::try_from(MAX_ARTICLE_BYTES).map_or(f64::MAX, f64::from);
    let text = within(text_within_js(&response, limit), remaining())
        .await
        .map_err(network_error)?
        .ok_or_else(timeout)?;
    if is_too_large(&text) {
        return Err(LoadError::new(LoadErrorKind::TooLarge {
            reason: format!("{url} sends over {MAX_ARTICLE_BYTES} bytes, the limit"),
        }));
    }
    let text = text.as_string().unwrap_or_default();
    let final_url = Some(response.url()).filter(|final_url| !final_url.is_empty());
    Ok((
        parse_article::<JsValue>(&text)?,
        final_url.unwrap_or_else(|| url.to_owned()),
    ))
}
