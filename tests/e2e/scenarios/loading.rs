//! How the widget loads: from the asset origin, the article and the WebAssembly at once, requests
//! aborted and limited, a loading embed's room and fallback, lazy embeds, and the ways a page
//! includes the script.

use super::*;

pub(super) async fn the_webassembly_comes_from_the_asset_origin(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let prefix = format!("{}/wasm/reader-widget_bg.", session.assets);
    let loaded = session
        .script(
            "return performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(arguments[0]) && entry.name.endsWith('.wasm'))",
            vec![json!(prefix)],
        )
        .await?;
    ensure(loaded == true, || format!("no {prefix}….wasm was loaded"))
}

pub(super) async fn the_article_is_fetched_once_while_the_webassembly_loads(
    session: &Session,
) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let timing = session
        .script(
            r#"const entries = performance.getEntriesByType('resource');
               const articles = entries.filter((e) => e.name.endsWith('/articles/syria-resolution.json'));
               return { requests: articles.length, articleStart: articles[0]?.startTime ?? null, definedAt: window.__definedAt ?? null };"#,
            vec![],
        )
        .await?;
    ensure(timing["requests"] == 1, || {
        format!("the article was requested {} times", timing["requests"])
    })?;
    // Without the loader's early request, the element asks for its article only once the
    // WebAssembly has been compiled and has defined the element.
    let started = timing["articleStart"].as_f64().unwrap_or(f64::MAX);
    let defined = timing["definedAt"].as_f64().unwrap_or(0.0);
    ensure(started < defined, || {
        format!("the article was requested at {started} ms, after the element was defined at {defined} ms")
    })
}

/// On a phone each request that waits for another is a round trip: the entry asks for the one
/// module (glue, element definition and start, bundled), the WebAssembly and the article in the
/// same task, and nothing else of the widget's is fetched. The server holds each of the three
/// until all three have been asked for (three seconds at most), so "at once" means each was
/// requested before any was answered, however fast loopback is.
pub(super) async fn the_entry_starts_one_module_the_webassembly_and_the_article_at_once(
    session: &Session,
) -> Outcome {
    let round = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_nanos())
        .unwrap_or_default();
    session
        .open(&format!("hostile/together.html?{round}"))
        .await?;
    shows_the_seed(session, 0).await?;
    let widget = session
        .script(
            r#"return performance.getEntriesByType('resource')
                 .filter((e) => e.name.startsWith(arguments[0]))
                 .map((e) => new URL(e.name).pathname.replace(arguments[1], '').replace(/\.[0-9a-f]{12}\./, '.'))
                 .sort();"#,
            vec![json!(session.assets), json!(format!("/together-{round}"))],
        )
        .await?;
    let expected = json!([
        "/reader-widget.js",
        "/wasm/reader-widget.js",
        "/wasm/reader-widget_bg.wasm"
    ]);
    ensure(widget == expected, || {
        format!("the widget's files fetched: {widget}")
    })?;
    let report = session
        .script(
            "return fetch('/hostile/together-met?' + arguments[0], { cache: 'no-store' }).then((r) => r.json())",
            vec![json!(round.to_string())],
        )
        .await?;
    ensure(report["met"] == true, || {
        format!("one of the module, WebAssembly and article was asked for only after another was answered: {report}")
    })
}

/// How many never-ending responses the browser has closed so far.
pub(super) async fn aborted_requests(session: &Session) -> Result<u64, String> {
    session
        .script(
            "return fetch('/hostile/aborted-count', { cache: 'no-store' }).then((r) => r.json())",
            vec![],
        )
        .await
        .map(|count| count.as_u64().unwrap_or(0))
}

/// Waits up to five seconds for the browser to close one more never-ending response. Not
/// `wait_until`'s ten seconds: the fetch time-out closes the request after ten seconds too, and
/// would pass a test without the removal doing anything.
pub(super) async fn a_request_is_aborted(session: &Session, before: u64) -> Outcome {
    a_request_is_aborted_within(session, before, 5).await
}

pub(super) async fn a_request_is_aborted_within(
    session: &Session,
    before: u64,
    seconds: u64,
) -> Outcome {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if aborted_requests(session).await? > before {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "the request was still open {seconds} seconds later"
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

pub(super) async fn removing_an_embed_aborts_its_fetch(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let before = aborted_requests(session).await?;
    session
        .script(
            r#"const embed = document.createElement('reader-widget');
               embed.setAttribute('src', '/hostile/never-ends');
               document.querySelector('main').append(embed);
               setTimeout(() => embed.remove(), 500);"#,
            vec![],
        )
        .await?;
    a_request_is_aborted(session, before).await
}

/// The loader fetches the articles of the embeds in the page while the WebAssembly loads; an
/// embed removed before the widget starts lets go of that request.
pub(super) async fn an_embed_removed_before_the_widget_starts_aborts_the_early_fetch(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    let before = aborted_requests(session).await?;
    session.open("hostile/removed-before-start.html").await?;
    session
        .wait_until(
            "the widget to start",
            "return window.__definedAt !== undefined && !document.querySelector('reader-widget')",
            vec![],
        )
        .await?;
    a_request_is_aborted(session, before).await
}

/// An article over the 2 MiB limit is refused as it arrives, not once it has all come: on its
/// Content-Length before the body, or without one once the limit is passed; either way the
/// download stops there (the server sees both connections closed), well before the time-out.
pub(super) async fn an_article_over_the_limit_is_refused_and_its_download_stopped(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let before = aborted_requests(session).await?;
    session
        .script(
            r#"window.__oversized = {};
               for (const src of ['/hostile/declared-too-large', '/hostile/streams-too-large']) {
                 const embed = document.createElement('reader-widget');
                 embed.setAttribute('src', src);
                 const started = performance.now();
                 embed.addEventListener('reader-widget-error', (event) => {
                   window.__oversized[src] = [event.detail.kind, performance.now() - started];
                 });
                 embed.addEventListener('reader-widget-ready', () => { window.__oversized[src] = ['ready', 0]; });
                 document.querySelector('main').append(embed);
               }"#,
            vec![],
        )
        .await?;
    session
        .wait_until(
            "both oversized articles to settle",
            "return Object.keys(window.__oversized).length === 2",
            vec![],
        )
        .await?;
    let outcomes = session.script("return window.__oversized", vec![]).await?;
    for src in ["/hostile/declared-too-large", "/hostile/streams-too-large"] {
        let kind = &outcomes[src][0];
        let after_ms = outcomes[src][1].as_f64().unwrap_or(f64::MAX);
        ensure(kind == "too-large" && after_ms < 8_000.0, || {
            format!("{src}: {kind} after {after_ms} ms, not too-large before the time-out")
        })?;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while aborted_requests(session).await? < before + 2 {
        if std::time::Instant::now() > deadline {
            return Err("an oversized download went on after it was refused".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    Ok(())
}

/// While its article loads, an embed has no box of its own to resize when the article comes (the
/// page below it moves once, not twice), yet a screen reader hears that it is loading.
pub(super) async fn a_loading_embed_takes_no_room_and_says_it_is_loading(
    session: &Session,
) -> Outcome {
    session.open("hostile/early-never-ends.html").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let state = loop {
        let state = session
            .script(
                r#"const embed = document.querySelector('reader-widget');
                   const status = embed.shadowRoot?.querySelector('[role=status]');
                   return status ? { height: embed.getBoundingClientRect().height, said: status.textContent } : null;"#,
                vec![],
            )
            .await?;
        if !state.is_null() || std::time::Instant::now() > deadline {
            break state;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    ensure(state["said"] == "Loading the article…", || {
        format!("while loading, the status says {}", state["said"])
    })?;
    ensure(state["height"].as_f64() == Some(0.0), || {
        format!("while loading, the embed is {} px tall", state["height"])
    })
}

/// What a publisher puts inside a `src` embed stays on screen while the article loads (the
/// widget attached its shadow root and says it is loading), and the article replaces it.
pub(super) async fn a_src_embeds_fallback_shows_until_its_article_replaces_it(
    session: &Session,
) -> Outcome {
    session.open("hostile/fallback-while-loading.html").await?;
    session.wait_for_article(1).await?;
    let state = session
        .script(
            r#"const [loading, arrived] = document.querySelectorAll('reader-widget');
               const shown = (id) => document.getElementById(id).getClientRects().length > 0;
               return { said: loading.shadowRoot?.querySelector('[role=status]')?.textContent ?? null,
                        height: loading.getBoundingClientRect().height,
                        never: shown('never'), arrives: shown('arrives') };"#,
            vec![],
        )
        .await?;
    ensure(state["said"] == "Loading the article…", || {
        format!("the first embed is not loading: {state}")
    })?;
    ensure(
        state["never"] == true && state["height"].as_f64() > Some(0.0),
        || format!("the loading embed's fallback is not shown: {state}"),
    )?;
    ensure(state["arrives"] == false, || {
        format!("the fallback is still shown beside the article: {state}")
    })
}

/// `loading="lazy"`: until the reader scrolls within a screen of an embed, the page has fetched
/// nothing of the widget but its entry, not even after the `load` event; then that embed (and its
/// article) load, and the next lazy embed, further down, still waits for the reader.
pub(super) async fn lazy_embeds_load_nothing_but_the_entry_until_the_reader_comes_near(
    session: &Session,
) -> Outcome {
    const FETCHED: &str = r#"return performance.getEntriesByType('resource').map((entry) => entry.name)
        .filter((name) => !/\/reader-widget\.js$|\.css$|\/favicon\.ico$/.test(name))
        .map((name) => new URL(name).pathname);"#;
    session.open("pages/lazy.html").await?;
    session
        .wait_until(
            "the page's load event",
            "return document.readyState === 'complete'",
            vec![],
        )
        .await?;
    // Time for anything the page or the widget would start after `load`.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let fetched = session.script(FETCHED, vec![]).await?;
    ensure(fetched == json!([]), || {
        format!("before the reader scrolled, the page fetched {fetched}")
    })?;
    session.scroll_to_embed(0).await?;
    session.wait_for_article(0).await?;
    let fetched = session.script(FETCHED, vec![]).await?;
    let names: Vec<&str> = fetched
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    ensure(
        names
            .iter()
            .any(|name| name.ends_with("syria-resolution.json")),
        || format!("near the first embed, the page fetched {fetched}, not its article"),
    )?;
    ensure(
        !names
            .iter()
            .any(|name| name.ends_with("syria-resolution.ru.json")),
        || format!("the second lazy embed, three screens further, fetched its article: {fetched}"),
    )?;
    session.scroll_to_embed(1).await?;
    session.wait_for_article(1).await
}

/// The loader's early request is the widget's once taken: its time-out closes it too.
pub(super) async fn a_timed_out_early_request_is_closed(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let before = aborted_requests(session).await?;
    session.open("hostile/early-never-ends.html").await?;
    // The time-out comes ten seconds after the request; the server keeps writing for 30 unless
    // the browser lets go.
    a_request_is_aborted_within(session, before, 16).await
}

pub(super) async fn an_async_script_renders_the_embeds(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?async").await
}

pub(super) async fn a_script_after_the_markup_renders_the_embeds(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?script-last").await
}

pub(super) async fn two_copies_of_the_script_define_the_element_once(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?twice").await?;
    // Wait for the network to go quiet, so the second copy has finished starting too.
    let mut fetched = Value::Null;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let now = session
            .script(
                "return performance.getEntriesByType('resource').length",
                vec![],
            )
            .await?;
        if now == fetched {
            break;
        }
        fetched = now;
    }
    let apps = session
        .script(
            "return [...document.querySelectorAll('reader-widget')].map((host) => host.shadowRoot.querySelectorAll('.rw').length)",
            vec![],
        )
        .await?;
    ensure(apps == json!([1, 1]), || format!("apps per embed: {apps}"))?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page logged errors: {errors}")
    })?;
    let notes = session
        .script(
            "return window.__pageNotes.filter((note) => note.includes('already defined')).length",
            vec![],
        )
        .await?;
    ensure(notes == 1, || {
        format!("the second copy said so {notes} times")
    })
}
