//! Taking over what was on screen before the app: the article the entry painted from a JSON
//! `src` (`js/first-paint.js`) and a server-rendered snippet both carry size steps that work
//! without the app, and a step the reader checked in them is their choice.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, ShadowRoot};

use crate::browser::app::ArticleSource;
use crate::shared_names::{FIRST_PAINT_ATTRIBUTE, FIRST_PAINT_SELECTOR};
use crate::text_size::TextSize;

/// The article the entry painted in `shadow` from the URL the app is about to load, if it did:
/// it stays on screen until the app's own is shown in its place (`holdUntilTogether`).
pub fn painted_mount(shadow: &ShadowRoot, source: &ArticleSource) -> Option<Element> {
    let ArticleSource::Url(url) = source else {
        return None;
    };
    let mount = shadow.query_selector(FIRST_PAINT_SELECTOR).ok()??;
    (mount.get_attribute(FIRST_PAINT_ATTRIBUTE)? == url.as_str()).then_some(mount)
}

/// The step checked in `mount`'s switcher when it is not `rendered`, the one the app shows: a
/// step the reader chose before the app came.
pub fn step_chosen_before(mount: &Element, rendered: TextSize) -> Option<TextSize> {
    let checked = mount.query_selector("input:checked").ok()??;
    let step = checked
        .dyn_into::<HtmlInputElement>()
        .ok()?
        .value()
        .parse::<TextSize>()
        .ok()?;
    (step != rendered).then_some(step)
}
