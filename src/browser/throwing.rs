//! The calls into JavaScript that can throw on what reaches them from an article, a page or an
//! attribute, each bound here with wasm-bindgen's `catch`, so that a throw comes back as an `Err`
//! and its caller decides what that one embed does (an English date, say) instead of the
//! exception unwinding through Yew's scheduler and stopping every embed on the page. The
//! bindings `js_sys` and `web_sys` give these calls return no `Result`; `clippy.toml` forbids
//! them everywhere else, so a new call cannot slip past this module.

use wasm_bindgen::prelude::*;

use crate::article::CalendarDate;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, which refuses a malformed language tag (`en_US`) with a
    /// `RangeError`.
    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl)]
    fn new(locales: &JsValue, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;

    /// Throws on a date out of range.
    #[wasm_bindgen(method, catch)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    // The console is the page's: a page may have replaced its functions with ones that throw.
    #[wasm_bindgen(catch, js_namespace = console, js_name = error)]
    fn console_error(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    fn console_warn(message: &str) -> Result<(), JsValue>;
}

/// `date` in the long style of `lang` as the browser's `Intl` writes it; `None` when `Intl`
/// refuses the language tag or the date. The labels' platform date format (`use_long_dates`).
pub fn long_date(date: CalendarDate, lang: &str) -> Option<String> {
    const DAY_MS: f64 = 86_400_000.0;
    let first_of_month = js_sys::Date::utc(f64::from(date.year), f64::from(date.month) - 1.0);
    let utc_milliseconds = first_of_month + (f64::from(date.day) - 1.0) * DAY_MS;
    let options: js_sys::Object = crate::browser::dictionary();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
    let formatter = DateTimeFormat::new(&JsValue::from_str(lang), &options).ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(utc_milliseconds));
    formatter.format(&date).ok()
}

/// `console.error(message)`, or nothing where the page's console throws.
pub fn error(message: &str) {
    let _ = console_error(message);
}

/// `console.warn(message)`, or nothing where the page's console throws.
pub fn warn(message: &str) {
    let _ = console_warn(message);
}
