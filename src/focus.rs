//! Moving keyboard focus for the skip links, the GOV.UK way: an element that is not focusable by
//! nature gets `tabindex="-1"` only while it has focus, and loses it again on blur, so it never
//! becomes a tab stop.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Elements that take focus without help.
const FOCUSABLE: &str = "a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable], [tabindex]:not([tabindex='-1'])";

/// Elements a reader never lands on: skipped when looking for what follows the embed.
const NEVER_A_TARGET: [&str; 7] = [
    "SCRIPT", "STYLE", "TEMPLATE", "LINK", "META", "NOSCRIPT", "BR",
];

/// Focuses `element`, making it focusable only until it loses focus.
pub fn focus_temporarily(element: &HtmlElement) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
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
pub fn focus_past_host(inside: &Element, fallback: &HtmlElement) {
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
