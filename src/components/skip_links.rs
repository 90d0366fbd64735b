//! The skip links, first inside the widget and visually hidden until focused. Fragment links do
//! not cross a shadow root, so activating one moves focus in code (see [`FocusMoves`](crate::components::FocusMoves)); the
//! `href`s still name the targets for assistive technology and for middle-click.

use yew::prelude::*;

use crate::components::focus_moves;
use crate::labels::Labels;

/// The two skip links, in a plain container rather than a navigation landmark: a page with
/// several embeds would otherwise have several landmarks of the same name. `body` is the
/// article body (with id `body_id`), the first link's target; `end` is the widget's end marker
/// (with id `end_id`), where focus goes when nothing follows the embed; `nav` is given to the
/// links' container, from which the host is found.
pub struct SkipTargets<'a> {
    pub body_id: &'a str,
    pub body: &'a NodeRef,
    pub end_id: &'a str,
    pub end: &'a NodeRef,
    pub nav: &'a NodeRef,
}

pub fn skip_links(labels: &Labels, targets: SkipTargets<'_>) -> Html {
    let skip_to_article = {
        let body_ref = targets.body.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(moves) = focus_moves() {
                (moves.to)(&body_ref);
            }
        })
    };
    let skip_past_article = {
        let nav_ref = targets.nav.clone();
        let end_ref = targets.end.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(moves) = focus_moves() {
                (moves.past_embed)(&nav_ref, &end_ref);
            }
        })
    };
    html! {
        <div class="rw-skip-links" part="skip-links" ref={targets.nav.clone()}>
            <a class="rw-skip-link" part="skip-link" href={format!("#{}", targets.body_id)} onclick={skip_to_article}>
                {labels.skip_to_article.clone()}
            </a>
            <a class="rw-skip-link" part="skip-link" href={format!("#{}", targets.end_id)} onclick={skip_past_article}>
                {labels.skip_past_article.clone()}
            </a>
        </div>
    }
}
