//! The fault scenario the fault test binaries share (tests/fault.rs for a panic, tests/thrown.rs
//! for a JavaScript exception): each is its own binary, since a fault stops the module for the
//! rest of the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::*;

/// Records the page's console errors in `window.__consoleErrors` and, for each uncaught error,
/// whether a listener prevented its report (the widget's listener is registered first).
fn record_console_errors_and_uncaught_errors() {
    js_sys::Function::new_no_args(
        "window.__consoleErrors = [];
         const error = console.error;
         console.error = (...parts) => { window.__consoleErrors.push(parts.join(' ')); error(...parts); };
         window.__uncaught = [];
         addEventListener('error', (event) => window.__uncaught.push(event.defaultPrevented));",
    )
    .call0(&JsValue::UNDEFINED)
    .expect("the recorder installs");
}

fn recorded(name: &str) -> js_sys::Array {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .expect("recorded")
        .unchecked_into()
}

fn widget_reports() -> Vec<String> {
    recorded("__consoleErrors")
        .iter()
        .filter_map(|line| line.as_string())
        .filter(|line| line.starts_with("<reader-widget>"))
        .collect()
}

/// The whole scenario: an embed marked `data-fault="{fault}"` meets its fault when the reader
/// chooses LG; the fault is reported once, nothing reaches the page uncaught, both embeds keep
/// their articles, size steps and skip links, and an element added afterwards shows the
/// fallback its publisher put inside it.
pub async fn a_fault_stays_in_the_widget(fault: &str) {
    let container = page(&format!(
        "{}{}",
        inline_embed(&format!("data-fault=\"{fault}\"")),
        inline_embed("")
    ));
    let hosts = embeds(&container);
    let (faulty, sibling) = (&hosts[0], &hosts[1]);
    rendered(faulty).await;
    rendered(sibling).await;
    let md = paragraph_size(faulty);
    record_console_errors_and_uncaught_errors();

    // The reader's choice reaches the injected fault.
    step_label(faulty, "lg").click();
    wait_for("the fault to be reported", || {
        (!widget_reports().is_empty()).then_some(())
    })
    .await;
    let reports = widget_reports();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(
        reports[0].contains("the widget stopped after an internal error"),
        "{reports:?}"
    );
    let uncaught: Vec<bool> = recorded("__uncaught")
        .iter()
        .map(|prevented| prevented.is_truthy())
        .collect();
    assert!(
        !uncaught.is_empty() && uncaught.iter().all(|prevented| *prevented),
        "the fault reached the page unhandled: {uncaught:?}"
    );

    // Both embeds still show their articles.
    for host in [faulty, sibling] {
        let headline = find(host, ".rw-article__headline").expect("the headline stays");
        assert_eq!(
            headline.text_content().as_deref(),
            Some("US, Russia Fail to Agree on Syria Resolution")
        );
    }

    // The size steps keep working: the chosen step's scale applies.
    assert!((paragraph_size(faulty) - md * 1.25).abs() < 0.5);
    step_label(sibling, "xs").click();
    sleep(50).await;
    assert!((paragraph_size(sibling) - md * 0.8).abs() < 0.5);
    let text_size = |host: &HtmlElement| {
        js_sys::Reflect::get(host, &JsValue::from_str("textSize"))
            .ok()
            .and_then(|value| value.as_string())
    };
    // Yew's own listeners may still reach the module (here the choice may reach the faulty
    // embed too); the property says what each embed shows either way.
    assert_eq!(text_size(sibling).as_deref(), Some("xs"));
    assert_eq!(text_size(faulty), checked_step(faulty));

    // The skip link still takes focus to the article text.
    find(sibling, ".rw-skip-link").expect("a skip link").click();
    sleep(50).await;
    let focused = shadow(sibling)
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default();
    assert!(focused.ends_with("-body"), "focus is on {focused:?}");

    // An element added after the fault is left as its publisher wrote it: its fallback shows.
    let later = page(
        r#"<reader-widget src="/never-fetched.json"><a href="/articles/seed">Read the article</a></reader-widget>"#,
    );
    sleep(100).await;
    let added = embeds(&later).remove(0);
    assert!(added.shadow_root().is_none(), "the module was called again");
    let fallback: HtmlElement = added
        .query_selector("a")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into().ok())
        .expect("the fallback link");
    assert!(
        fallback.offset_height() > 0,
        "the fallback link is not shown"
    );
    later.remove();

    // Still the one report, however often the reader clicks.
    assert_eq!(widget_reports().len(), 1, "{:?}", widget_reports());
    container.remove();
}
