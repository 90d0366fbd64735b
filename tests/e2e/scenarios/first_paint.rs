//! The first paint of a JSON `src` without the WebAssembly (`js/first-paint.js`): the article on
//! screen, styled, its size steps working, while the WebAssembly is held back; then the takeover,
//! which shows the same text and keeps a step the reader chose before it, and focus on it.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// Each scenario's own round of held-back files, in every engine.
static ROUND: AtomicUsize = AtomicUsize::new(0);

/// Opens the page with the WebAssembly held back; its round's name.
async fn open_held_back(session: &Session) -> Result<String, String> {
    let round = format!("round-{}", ROUND.fetch_add(1, Ordering::Relaxed));
    session
        .open(&format!("first-paint/page.html?{round}"))
        .await?;
    session
        .wait_until(
            "the entry to paint the article",
            "return document.querySelector('reader-widget')?.shadowRoot?.querySelector('[data-first-paint] .rw-article__paragraph')?.offsetHeight > 0",
            vec![],
        )
        .await?;
    Ok(round)
}

/// What embed 0 shows and whose it is: the painter's (`painted`) or the app's (`app`).
async fn shown(session: &Session) -> Result<Value, String> {
    session
        .in_embed(
            0,
            r#"const shown = [...root.children].filter((child) => child.getClientRects().length > 0);
               return { painted: shown.filter((child) => child.matches('[data-first-paint]')).length,
                        app: shown.filter((child) => child.matches('.rw-mount')).length,
                        text: shown.map((child) => child.querySelector('.rw')?.textContent ?? null),
                        errors: window.__pageErrors };"#,
        )
        .await
}

pub(super) async fn a_src_embed_paints_its_article_styled_before_the_webassembly(
    session: &Session,
) -> Outcome {
    open_held_back(session).await?;
    let seen = session
        .in_embed(
            0,
            r#"const hidden = root.querySelector('.rw-visually-hidden');
               return { headline: root.querySelector('.rw-article__headline')?.textContent ?? null,
                        hiddenPosition: getComputedStyle(hidden).position,
                        lightShown: [...document.querySelector('reader-widget').children].some((child) => child.getClientRects().length > 0),
                        wasm: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length };"#,
        )
        .await?;
    // The WebAssembly's request is held: the browser has not finished it, so it has no entry.
    ensure(
        seen == json!({ "headline": SEED_HEADLINE, "hiddenPosition": "absolute", "lightShown": false, "wasm": 0 }),
        || format!("before the WebAssembly: {seen}"),
    )?;
    let now = shown(session).await?;
    ensure(now["painted"] == 1 && now["app"] == 0, || {
        format!("before the WebAssembly the painted article alone shows: {now}")
    })?;
    // The size steps are radio buttons, and the stylesheet follows the checked one.
    let medium = session.medium_px().await?;
    let at_medium = session.paragraph_px(0).await?;
    let step = session.find_in_embed(0, "input[value='lg']").await?;
    session.click(step).await?;
    let large = session.paragraph_px(0).await?;
    ensure(
        (at_medium - medium).abs() < 0.5 && (large - medium * 1.25).abs() < 0.5,
        || {
            format!("before the WebAssembly, MD is {at_medium}px and LG {large}px; the reader's default is {medium}px")
        },
    )
}

pub(super) async fn the_takeover_keeps_the_painted_text_and_the_step_chosen_and_focused(
    session: &Session,
) -> Outcome {
    let round = open_held_back(session).await?;
    let before = shown(session).await?;
    let step = session.find_in_embed(0, "input[value='lg']").await?;
    session.click(step).await?;
    // Focus on the step, as a keyboard reader leaves it (a click does not focus a radio button
    // in every engine).
    session
        .in_embed(
            0,
            "root.querySelector('[data-first-paint] input[value=lg]').focus();",
        )
        .await?;
    session
        .script(
            "fetch('/first-paint/release?' + arguments[0])",
            vec![json!(round)],
        )
        .await?;
    session.wait_for_article(0).await?;
    let after = shown(session).await?;
    ensure(
        after["app"] == 1 && after["painted"] == 0 && after["text"] == before["text"],
        || format!("the takeover changed what the reader sees: before {before}, after {after}"),
    )?;
    ensure(after["errors"] == json!([]), || {
        format!("the takeover logged errors: {}", after["errors"])
    })?;
    let checked = session.checked_step(0).await?;
    let large = session.paragraph_px(0).await?;
    let medium = session.medium_px().await?;
    let stored = session
        .script(
            "return localStorage.getItem('reader-widget:text-size')",
            vec![],
        )
        .await?;
    ensure(
        checked.as_deref() == Some("lg") && (large - medium * 1.25).abs() < 0.5 && stored == "lg",
        || {
            format!("after the takeover the step is {checked:?} ({large}px, MD {medium}px), stored {stored}")
        },
    )?;
    let focused = session.focused().await?;
    ensure(
        focused["value"] == "lg" && focused["insideWidget"] == true,
        || format!("focus on LG moved, in the takeover, to {focused}"),
    )
}
