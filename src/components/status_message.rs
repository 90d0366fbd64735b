//! The message an embed shows instead of its article: while it loads, or when it cannot be shown.

use yew::prelude::*;

use crate::labels::ENGLISH;

#[derive(Properties, PartialEq)]
pub struct StatusMessageProps {
    /// The message, in the widget's own language.
    pub text: AttrValue,
    /// Whether the message reports a failure. Default: false.
    #[prop_or_default]
    pub is_error: bool,
}

#[component]
pub fn StatusMessage(props: &StatusMessageProps) -> Html {
    let class = classes!("rw-status", props.is_error.then_some("rw-status--error"));
    html! {
        <p {class} part="status" role="status" lang={ENGLISH.lang}>{props.text.clone()}</p>
    }
}
