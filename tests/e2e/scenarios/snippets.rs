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
