//! Articles that arrive together are shown together: an embed's new content is rendered out of
//! sight and shown in one frame with the others arriving with it, so the host page moves once for
//! all of them, and the events that tell the page about it wait until it is on screen (see
//! `holdUntilTogether` in `js/define-element.js`).

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, HtmlElement};

#[wasm_bindgen(module = "/js/define-element.js")]
extern "C" {
    /// Keeps what `host`'s app renders next out of sight until it is shown with the others.
    #[wasm_bindgen(js_name = holdUntilTogether)]
    pub fn hold(host: &HtmlElement);
    /// Dispatches `event` on `host` now, or once its held content is shown.
    #[wasm_bindgen(js_name = dispatchWhenShown)]
    pub fn dispatch_when_shown(host: &HtmlElement, event: &CustomEvent);
}
