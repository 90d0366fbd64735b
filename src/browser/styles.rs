//! The widget's stylesheet, built once per page and shared by every embed's shadow root through
//! `adoptedStyleSheets`, which a Content-Security-Policy without `'unsafe-inline'` allows. Where
//! constructed stylesheets are missing, a `<style>` element in the shadow root stands in.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHARED_SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Applies the widget's styles inside `shadow`, unless it has them: the entry's first paint
/// adopted the snippets' stylesheet, the widget's styles and the size steps that work without
/// script, which stay right for the app.
pub fn apply(shadow: &ShadowRoot) {
    // Read through `Reflect`: where `adoptedStyleSheets` is missing, its getter gives undefined.
    let adopted = js_sys::Reflect::get(shadow, &"adoptedStyleSheets".into()).ok();
    if adopted
        .as_ref()
        .and_then(|sheets| sheets.dyn_ref::<js_sys::Array>())
        .is_some_and(|sheets| sheets.length() > 0)
    {
        return;
    }
    match shared_sheet() {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            let style = shadow
                .owner_document()
                .and_then(|document| document.create_element("style").ok());
            if let Some(style) = style {
                style.set_text_content(Some(&crate::widget_css()));
                let _ = shadow.append_child(&style);
            }
        }
    }
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHARED_SHEET.with(|cell| {
        if cell.borrow().is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(&crate::widget_css()).ok()?;
            *cell.borrow_mut() = Some(sheet);
        }
        cell.borrow().clone()
    })
}
