//! The focus moves the view asks for ([`FocusMoves`]), made in the page: the skip links' (an
//! element that is not focusable by nature gets a `tabindex` only while it has focus, and loses
//! it again on blur, so it never becomes a tab stop), and the size switcher's arrow keys.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::NodeRef;

use crate::components::FocusMoves;
use crate::text_size::TextSize;

/// What the browser layer hands the view as it defines the element.
pub const MOVES: FocusMoves = FocusMoves {
    to: focus_node,
    past_embed: focus_past_embed,
    step_for_arrow_key,
};

/// Elements that take focus without help.
const FOCUSABLE: &str = "a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable], [tabindex]:not([tabindex='-1'])";

/// Elements a reader never lands on: skipped when looking for what follows the embed.
const NEVER_A_TARGET: [&str; 7] = [
    "SCRIPT", "STYLE", "TEMPLATE", "LINK", "META", "NOSCRIPT", "BR",
];

fn focus_node(target: &NodeRef) {
    if let Some(element) = target.cast::<HtmlElement>() {
        focus_temporarily(&element);
    }
}

fn focus_past_embed(inside: &NodeRef, fallback: &NodeRef) {
    if let (Some(inside), Some(fallback)) =
        (inside.cast::<Element>(), fallback.cast::<HtmlElement>())
    {
        focus_past_host(&inside, &fallback);
    }
}

/// Focuses `element`, making it focusable only until it loses focus. In the tab order while it
/// has focus (`0`, not GOV.UK's `-1`): from a `-1` target in a shadow root, Chromium and WebKit
/// sent the next Tab back to the embed's first skip link instead of onward.
fn focus_temporarily(element: &HtmlElement) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "0");
        let target = element.clone();
        EventListener::once(element, "blur", move |_| {
            let _ = target.remove_attribute("tabindex");
        })
        .forget();
    }
    let _ = element.focus();
}

/// Moves focus to what follows the embed that contains `inside` in the host page, or to
/// `fallback` when nothing does.
fn focus_past_host(inside: &Element, fallback: &HtmlElement) {
    let next = inside
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|shadow| element_after(&shadow.host()))
        .and_then(|next| next.dyn_into::<HtmlElement>().ok());
    match next {
        Some(next) if next.matches(FOCUSABLE).unwrap_or(false) => {
            let _ = next.focus();
        }
        Some(next) => focus_temporarily(&next),
        None => focus_temporarily(fallback),
    }
}

/// The first element after `host` in document order that is not inside it, skipping elements a
/// reader cannot land on.
fn element_after(host: &Element) -> Option<Element> {
    let mut node = host.clone();
    loop {
        let mut sibling = node.next_element_sibling();
        while let Some(candidate) = sibling {
            let skip = NEVER_A_TARGET.contains(&candidate.tag_name().as_str())
                || candidate.has_attribute("hidden");
            if !skip {
                return Some(candidate);
            }
            sibling = candidate.next_element_sibling();
        }
        node = node.parent_element()?;
        if node.tag_name() == "BODY" {
            return None;
        }
    }
}

/// For an arrow key pressed on a step: stops the browser's own handling, focuses the step the key
/// leads to and returns it.
fn step_for_arrow_key(event: &KeyboardEvent) -> Option<TextSize> {
    let step = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let group = event.current_target()?.dyn_into::<Element>().ok()?;
    let rtl = group.matches(":dir(rtl)").unwrap_or(false);
    let next = step
        .value()
        .parse::<TextSize>()
        .ok()?
        .after_arrow_key(&event.key(), rtl)?;
    event.prevent_default();
    let next_step = group
        .query_selector(&format!("input[value=\"{}\"]", next.code()))
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<HtmlElement>().ok());
    if let Some(next_step) = next_step {
        let _ = next_step.focus();
    }
    Some(next)
}
