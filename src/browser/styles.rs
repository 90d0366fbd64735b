//! The widget's stylesheet, built once per page and shared by every embed's shadow root through
//! `adoptedStyleSheets`, which a Content-Security-Policy without `'unsafe-inline'` allows. Where
//! constructed stylesheets are missing, a `<style>` element in the shadow root stands in.

use std::cell::RefCell;

use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHARED_SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Applies the widget's styles inside `shadow`.
pub fn apply(shadow: &ShadowRoot) {
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
