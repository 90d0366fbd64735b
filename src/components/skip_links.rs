//! The skip links, first inside the widget and visually hidden until focused. Fragment links do
//! not cross a shadow root, so activating one moves focus in code (see `crate::focus`); the
//! `href`s still name the targets for assistive technology and for middle-click.

use yew::prelude::*;

use crate::focus;
use crate::labels::ENGLISH;

#[derive(Properties, PartialEq)]
pub struct SkipLinksProps {
    /// The id of the article body, the first link's target.
    pub body_id: AttrValue,
    /// The article body element.
    pub body_ref: NodeRef,
    /// The id of the widget's end marker, where focus goes when nothing follows the embed.
    pub end_id: AttrValue,
    /// The widget's end marker.
    pub end_ref: NodeRef,
}

#[component]
pub fn SkipLinks(props: &SkipLinksProps) -> Html {
    let labels = &ENGLISH;
    let nav_ref = use_node_ref();
    let skip_to_article = {
        let body_ref = props.body_ref.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(body) = body_ref.cast::<web_sys::HtmlElement>() {
                focus::focus_temporarily(&body);
            }
        })
    };
    let skip_past_article = {
        let nav_ref = nav_ref.clone();
        let end_ref = props.end_ref.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let (Some(inside), Some(end)) = (
                nav_ref.cast::<web_sys::Element>(),
                end_ref.cast::<web_sys::HtmlElement>(),
            ) {
                focus::focus_past_host(&inside, &end);
            }
        })
    };
    html! {
        <nav class="rw-skip-links" part="skip-links" aria-label={labels.skip_links} lang={labels.lang} ref={nav_ref}>
            <a class="rw-skip-link" part="skip-link" href={format!("#{}", props.body_id)} onclick={skip_to_article}>
                {labels.skip_to_article}
            </a>
            <a class="rw-skip-link" part="skip-link" href={format!("#{}", props.end_id)} onclick={skip_past_article}>
                {labels.skip_past_article}
            </a>
        </nav>
    }
}
