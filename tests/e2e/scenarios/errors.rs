//! Articles that cannot be shown: an error beside a sibling that renders, and each way a `src`
//! can fail with its own kind.

use super::*;

pub(super) async fn a_bad_src_shows_the_error_and_its_fallback_while_a_sibling_renders(
    session: &Session,
) -> Outcome {
    session.open("pages/errors.html").await?;
    session.wait_for_article(2).await?;
    // A 404, then malformed JSON.
    for index in [0, 1] {
        session.wait_for_error(index).await?;
    }
    // The publisher's link to the article stays, below the message: the reader still has a way.
    let seen = session
        .in_embed(
            0,
            r#"const link = root.host.querySelector(':scope > a');
               const message = root.querySelector('.rw-status').getBoundingClientRect();
               const box = link?.getBoundingClientRect();
               return { text: link?.textContent ?? null, shown: !!box && box.width > 0, below: !!box && box.top >= message.bottom - 0.5 };"#,
        )
        .await?;
    ensure(
        seen == json!({ "text": "Read the article on our site", "shown": true, "below": true }),
        || format!("with the error, the fallback is {seen}"),
    )
}

pub(super) async fn each_way_a_src_can_fail_shows_the_error_with_its_own_kind(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let cases = json!([
        ["missing", "/hostile/no-such-article.json"],
        ["status 500", "/hostile/status-500"],
        ["an HTML page", "/hostile/html"],
        ["JSON as plain text", "/hostile/plain-text"],
        ["JSON labelled as an image", "/hostile/image"],
        ["Latin-1 bytes", "/hostile/latin-1"],
        ["a byte-order mark", "/hostile/byte-order-mark"],
        ["a redirect", "/hostile/redirect"],
        ["a response that never ends", "/hostile/never-ends"],
        [
            "a CORS refusal",
            format!("{}/no-cors/articles/syria-resolution.json", session.assets)
        ],
    ]);
    session
        .script(
            r#"window.__outcomes = {};
               for (const [name, src] of arguments[0]) {
                 const embed = document.createElement('reader-widget');
                 embed.setAttribute('src', src);
                 embed.addEventListener('reader-widget-error', (event) => {
                   const shown = !!embed.shadowRoot.querySelector('.rw-status--error');
                   window.__outcomes[name] = `${event.detail.kind}${shown ? '' : ' (not shown)'}`;
                 });
                 embed.addEventListener('reader-widget-ready', (event) => { window.__outcomes[name] = `ready: ${event.detail.headline}`; });
                 document.querySelector('main').append(embed);
               }"#,
            vec![cases.clone()],
        )
        .await?;
    // The response that never ends is given up after ten seconds.
    let count = cases.as_array().map_or(0, Vec::len);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let outcomes = loop {
        let outcomes = session.script("return window.__outcomes", vec![]).await?;
        let done = outcomes.as_object().map_or(0, |o| o.len()) == count;
        if done || std::time::Instant::now() > deadline {
            break outcomes;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    };
    let expected = json!({
        "missing": "http",
        "status 500": "http",
        "an HTML page": "content-type",
        "JSON as plain text": "ready: H",
        "JSON labelled as an image": "content-type",
        "Latin-1 bytes": "ready: Caf\u{fffd}",
        "a byte-order mark": "ready: H",
        "a redirect": "ready: US, Russia Fail to Agree on Syria Resolution",
        "a response that never ends": "timeout",
        "a CORS refusal": "network",
    });
    ensure(outcomes == expected, || {
        format!("the outcomes were {outcomes}, not {expected}")
    })
}
