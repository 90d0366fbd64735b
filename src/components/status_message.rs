//! The message an embed shows instead of its article: while it loads, or when it cannot be shown.

use yew::prelude::*;

/// A message in the widget's own language; `is_error` marks a failure.
pub fn status_message(text: AttrValue, is_error: bool) -> Html {
    let class = classes!("rw-status", is_error.then_some("rw-status--error"));
    html! {
        <p {class} part="status" role="status">{text}</p>
    }
}
