//! The message an embed shows instead of its article when it cannot be shown, above the
//! publisher's fallback. (While it loads, `reader` says so without a box: see `.rw-loading`.)

use yew::prelude::*;

/// The failure, in the widget's own language.
pub fn status_message(text: AttrValue) -> Html {
    html! {
        <p class="rw-status rw-status--error" part="status" role="status">{text}</p>
    }
}
