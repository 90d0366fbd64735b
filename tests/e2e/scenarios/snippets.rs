//! Server-rendered snippets: taken over in place, and readable with working sizes without the
//! script.

use super::*;

/// The demo's server-rendered page: the snippet `reader-widget-snippet` made of the seed article.
pub(super) const SERVER_RENDERED_PAGE: &str = "pages/server-rendered.html";

pub(super) async fn a_server_rendered_snippet_is_taken_over_in_place(session: &Session) -> Outcome {
    session.open(SERVER_RENDERED_PAGE).await?;
    // The `article` property is set once the app shows the article: the widget has started.
    session
        .wait_until(
            "the widget to take the snippet over",
            "return document.querySelector('reader-widget').article ?? null",
            vec![],
        )
        .await?;
    let kept = session
        .in_embed(
            0,
            r#"const parsed = window.__parsedArticles?.[0];
               return { parsed: !!parsed, same: parsed === root.querySelector('.rw-article'),
                        articles: root.querySelectorAll('.rw-article').length,
                        server: root.querySelectorAll('[data-server-rendered]').length,
                        lightShown: document.querySelector('reader-widget > article').getClientRects().length > 0 };"#,
        )
        .await?;
    ensure(
        kept == json!({ "parsed": true, "same": true, "articles": 1, "server": 0, "lightShown": false }),
        || format!("after the widget started: {kept}"),
    )?;
    // Live: the app answers the reader's choice.
    let medium = session.medium_px().await?;
    session.choose_size(0, "lg").await?;
    let large = session.paragraph_px(0).await?;
    ensure((large - medium * 1.25).abs() < 0.5, || {
        format!("LG made the paragraph {large}px, MD is {medium}px")
    })?;
    session.choose_size(0, "md").await?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}

pub(super) async fn without_the_script_a_server_rendered_snippet_reads_and_its_sizes_work(
    session: &Session,
) -> Outcome {
    session
        .open(&format!("{SERVER_RENDERED_PAGE}?no-script"))
        .await?;
    let seen = session
        .in_embed(
            0,
            r#"const headline = root?.querySelector('.rw-article__headline');
               return { headline: headline?.textContent ?? null,
                        shown: !!headline && headline.getClientRects().length > 0,
                        lightShown: document.querySelector('reader-widget > article').getClientRects().length > 0 };"#,
        )
        .await?;
    ensure(
        seen == json!({ "headline": SEED_HEADLINE, "shown": true, "lightShown": false }),
        || format!("without the script: {seen}"),
    )?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("without the script, axe reports {violations}")
    })?;
    // The size steps are radio buttons, and the stylesheet follows the checked one.
    let medium = session.medium_px().await?;
    let step = session.find_in_embed(0, "input[value='lg']").await?;
    session.click(step).await?;
    let large = session.paragraph_px(0).await?;
    ensure((large - medium * 1.25).abs() < 0.5, || {
        format!("without the script, LG made the paragraph {large}px, MD is {medium}px")
    })
}

/// The embed page a CMS shows in an iframe, sandboxed as WordPress sandboxes it: under its own
/// strict policy the widget takes the snippet over and the height script runs, the page tells
/// its parent its height, and tells it again, larger, when the reader chooses LG inside.
pub(super) async fn the_embed_page_in_a_sandboxed_frame_tells_its_height_as_the_text_size_changes(
    session: &Session,
) -> Outcome {
    session.open("cms/embed-host.html").await?;
    let medium = framed_page_height_at(session, "md").await?;
    let large = framed_page_height_at(session, "lg").await?;
    session
        .wait_until(
            "the embed page to tell its height at lg",
            "return window.__heights.at(-1) === arguments[0]",
            vec![large.clone()],
        )
        .await
        .map_err(|reason| format!("{reason}; the page is {large} tall at lg"))?;
    let told = session.script("return window.__heights", vec![]).await?;
    let told_medium = told
        .as_array()
        .is_some_and(|heights| heights.contains(&medium));
    let (medium_px, large_px) = (
        medium.as_f64().unwrap_or(0.0),
        large.as_f64().unwrap_or(0.0),
    );
    ensure(
        told_medium && medium_px > 300.0 && large_px > medium_px * 1.1,
        || format!("the heights told were {told}; the page was {medium} tall at md, {large} at lg"),
    )?;
    let frame_height = session
        .script(
            "return Number(document.querySelector('iframe').height)",
            vec![],
        )
        .await?;
    // Kept between 200 and 1000 px, as WordPress's embed script keeps it.
    ensure(frame_height.as_f64() == Some(large_px.min(1000.0)), || {
        format!("the frame is {frame_height} tall, told {large}")
    })
}

/// The embed page on its own, under its own policy: the widget takes the snippet over and its
/// size steps work with nothing reported (no violation, no error), and axe finds nothing.
pub(super) async fn the_embed_page_works_under_its_own_policy_and_passes_axe(
    session: &Session,
) -> Outcome {
    session.open("cms/embed-page.html?recorded").await?;
    session.wait_for_article(0).await?;
    session
        .wait_until(
            "the widget to take the snippet over",
            "const root = document.querySelector('reader-widget')?.shadowRoot; return !!root?.querySelector('.rw-article') && !root.querySelector('[data-server-rendered]');",
            vec![],
        )
        .await?;
    for size in ["lg", "md"] {
        session.choose_size(0, size).await?;
    }
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the embed page reported {errors}")
    })?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("axe reports {violations}")
    })
}

/// Adds the widget's script to a page of snippets written without it, as it would arrive late.
async fn add_the_widgets_script(session: &Session) -> Outcome {
    session
        .script(
            "const script = document.createElement('script'); script.type = 'module'; script.src = arguments[0]; document.head.append(script); return true;",
            vec![json!(format!("{}/reader-widget.js", session.assets))],
        )
        .await
        .map(drop)
}

/// Adds the widget's script and waits until it has taken every snippet on the page over.
async fn add_the_script_and_wait_for_every_takeover(session: &Session) -> Outcome {
    add_the_widgets_script(session).await?;
    session
        .wait_until(
            "the widget to take every snippet over",
            "return [...document.querySelectorAll('reader-widget')].every((host) => host.article && !host.shadowRoot.querySelector('[data-server-rendered]'))",
            vec![],
        )
        .await
}

/// Each snippet's text as a screen reader gets it (`textContent`) and as it is on screen
/// (`innerText`), by its language.
const SNIPPET_TEXTS: &str = r#"return [...document.querySelectorAll('reader-widget')].map((host) => {
  const widget = host.shadowRoot?.querySelector('.rw');
  return { lang: widget?.lang ?? null, text: widget?.textContent ?? null, shown: widget?.innerText ?? null };
});"#;

pub(super) async fn a_snippets_text_is_the_same_before_and_after_the_takeover_in_every_language(
    session: &Session,
) -> Outcome {
    session.open("snippets/languages.html").await?;
    let before = session.script(SNIPPET_TEXTS, vec![]).await?;
    ensure(before.as_array().map(Vec::len) == Some(12), || {
        format!("the page shows {before}")
    })?;
    add_the_script_and_wait_for_every_takeover(session).await?;
    let after = session.script(SNIPPET_TEXTS, vec![]).await?;
    let pairs = before
        .as_array()
        .into_iter()
        .flatten()
        .zip(after.as_array().into_iter().flatten());
    for (before, after) in pairs {
        ensure(before == after, || {
            format!("the text changed under the reader: before {before}, after {after}")
        })?;
    }
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}

pub(super) async fn a_step_chosen_before_the_takeover_is_kept(session: &Session) -> Outcome {
    session.open("snippets/languages.html").await?;
    // Stored choices of earlier runs would decide the step instead.
    session
        .script("localStorage.clear(); return true;", vec![])
        .await?;
    let step = session.find_in_embed(0, "input[value='lg']").await?;
    session.click(step).await?;
    add_the_script_and_wait_for_every_takeover(session).await?;
    session.settle_frames().await?;
    // The reader's choice is the page's: every embed follows it, as after a click on a live one.
    let shown = session
        .script(
            "return [...document.querySelectorAll('reader-widget')].map((host) => host.textSize + ' ' + host.shadowRoot.querySelector('input:checked')?.value);",
            vec![],
        )
        .await?;
    let expected = json!(vec!["lg lg"; 12]);
    ensure(shown == expected, || {
        format!("after the takeover the embeds show {shown}")
    })
}

pub(super) async fn a_snippet_with_listen_is_taken_over_and_then_offers_listen(
    session: &Session,
) -> Outcome {
    session.open("snippets/languages.html?listen").await?;
    add_the_widgets_script(session).await?;
    // The server could not know the reader's voices: Listen comes after the takeover, in the
    // English snippet, which has a voice.
    session
        .wait_until(
            "Listen in the English snippet, taken over",
            "const host = document.querySelector('reader-widget'); return host.article && !host.shadowRoot.querySelector('[data-server-rendered]') && host.shadowRoot.querySelector('.rw-listen__button')?.textContent === 'Listen';",
            vec![],
        )
        .await?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}
