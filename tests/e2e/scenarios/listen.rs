//! Listen: the article read aloud by the browser's speech synthesis, here a scripted stand-in
//! (`tests/e2e/speech-stand-in.js`: the browsers here have no voices) whose calls the tests
//! read. Pressed with real keys and clicks; the marking, the states, the focus and the one
//! queue of the page, in every engine.

use super::*;

const LISTEN_PAGE: &str = "listen/page.html";

/// The labels of embed `index`'s Listen buttons (none where it offers no Listen).
async fn listen_buttons(session: &Session, index: usize) -> Result<Value, String> {
    session
        .in_embed(
            index,
            "return [...root.querySelectorAll('.rw-listen__button')].map((button) => button.textContent);",
        )
        .await
}

/// What embed `index` marks as being read: the start of its text, whether it is on screen (to a
/// pixel: scrolled to the nearest edge, Chromium left it 0.19 px below), and how many passages
/// are marked.
async fn marked(session: &Session, index: usize) -> Result<Value, String> {
    session
        .in_embed(
            index,
            r#"const marked = [...root.querySelectorAll('[aria-current]')];
               const box = marked[0]?.getBoundingClientRect();
               return { count: marked.length, text: marked[0]?.textContent.slice(0, 20) ?? null,
                        inView: !!box && box.top >= -1 && box.bottom <= innerHeight + 1 };"#,
        )
        .await
}

/// The stand-in's calls so far, each `[name, …arguments]`.
async fn speech_calls(session: &Session) -> Result<Value, String> {
    session
        .script("return window.__speech.calls;", vec![])
        .await
}

/// Opens the Listen page and waits until its English embeds offer Listen.
pub(super) async fn open_the_listen_page(session: &Session, query: &str) -> Outcome {
    session.open(&format!("{LISTEN_PAGE}{query}")).await?;
    for index in 0..3 {
        session.wait_for_article(index).await?;
    }
    session
        .wait_until(
            "Listen in the English embeds",
            "return [0, 1].every((index) => document.querySelectorAll('reader-widget')[index].shadowRoot.querySelector('.rw-listen__button'));",
            vec![],
        )
        .await
}

/// Clicks embed `index`'s first Listen button, scrolled into view first as a reader would.
pub(super) async fn click_listen(session: &Session, index: usize) -> Outcome {
    session.scroll_to_embed(index).await?;
    let button = session.find_in_embed(index, ".rw-listen__button").await?;
    session.click(button).await
}

/// Waits until embed `index` marks the passage starting with `text`.
pub(super) async fn wait_for_mark(session: &Session, index: usize, text: &str) -> Outcome {
    session
        .wait_until(
            &format!("embed {index} to mark {text}"),
            "return document.querySelectorAll('reader-widget')[arguments[0]].shadowRoot.querySelector('[aria-current]')?.textContent.startsWith(arguments[1]);",
            vec![json!(index), json!(text)],
        )
        .await
}

pub(super) async fn listen_reads_passage_by_passage_and_pauses_resumes_and_stops_by_keyboard(
    session: &Session,
) -> Outcome {
    open_the_listen_page(session, "").await?;
    // Nothing speaks unasked: a screen reader's own speech goes on.
    let calls = speech_calls(session).await?;
    ensure(calls == json!([]), || {
        format!("the page spoke before anyone pressed Listen: {calls}")
    })?;
    // From the host page's link: two skip links, the switcher, then Listen.
    session
        .script("document.getElementById('before-embed').focus();", vec![])
        .await?;
    for _ in 0..4 {
        session.press(Key::Tab).await?;
    }
    let focused = session.focused().await?;
    ensure(focused["text"] == "Listen", || {
        format!("the fourth Tab lands on {focused}")
    })?;
    session.press(Key::Enter).await?;
    wait_for_mark(session, 0, SEED_HEADLINE).await?;
    let calls = speech_calls(session).await?;
    ensure(
        calls.get(0)
            == Some(&json!([
                "speak",
                SEED_HEADLINE,
                "en-US",
                "Stand-in English"
            ])),
        || format!("Listen began with {calls}"),
    )?;
    let buttons = listen_buttons(session, 0).await?;
    ensure(buttons == json!(["Pause", "Stop"]), || {
        format!("while reading, the buttons are {buttons}")
    })?;
    // Passage by passage to the last, each marked in its turn and kept in view; focus stays.
    let passages = session
        .in_embed(
            0,
            "return root.querySelectorAll('.rw-article__body > *').length;",
        )
        .await?
        .as_u64()
        .unwrap_or(0);
    ensure(passages > 3, || format!("the seed has {passages} passages"))?;
    for _ in 0..passages {
        session
            .script("window.__speech.advance(); return true;", vec![])
            .await?;
    }
    session
        .wait_until(
            "the last paragraph to be marked",
            "const root = document.querySelector('reader-widget').shadowRoot; return root.querySelector('[aria-current]') === root.querySelector('.rw-article__body > :last-child');",
            vec![],
        )
        .await?;
    let mark = marked(session, 0).await?;
    ensure(mark["count"] == 1 && mark["inView"] == true, || {
        format!("the last paragraph, being read: {mark}")
    })?;
    let focused = session.focused().await?;
    ensure(focused["text"] == "Pause", || {
        format!("reading moved focus to {focused}")
    })?;
    // Space pauses and resumes, on the same button.
    session.press(Key::Space).await?;
    session
        .wait_until(
            "Resume",
            "return document.querySelector('reader-widget').shadowRoot.querySelector('.rw-listen__button').textContent === 'Resume';",
            vec![],
        )
        .await?;
    session.press(Key::Space).await?;
    session
        .wait_until(
            "Pause again",
            "return document.querySelector('reader-widget').shadowRoot.querySelector('.rw-listen__button').textContent === 'Pause';",
            vec![],
        )
        .await?;
    let calls = speech_calls(session).await?;
    let tail: Vec<&Value> = calls
        .as_array()
        .into_iter()
        .flatten()
        .rev()
        .take(2)
        .collect();
    ensure(tail == [&json!(["resume"]), &json!(["pause"])], || {
        format!("Space twice made {calls}")
    })?;
    // Stop: the reading ends, the mark goes, focus moves to the start button.
    session.press(Key::Tab).await?;
    session.press(Key::Enter).await?;
    session
        .wait_until(
            "Listen to stop",
            "return document.querySelector('reader-widget').shadowRoot.querySelectorAll('.rw-listen__button').length === 1;",
            vec![],
        )
        .await?;
    let (buttons, mark, focused) = (
        listen_buttons(session, 0).await?,
        marked(session, 0).await?,
        session.focused().await?,
    );
    ensure(
        buttons == json!(["Listen"]) && mark["count"] == 0 && focused["text"] == "Listen",
        || format!("after Stop: buttons {buttons}, mark {mark}, focus on {focused}"),
    )?;
    let calls = speech_calls(session).await?;
    ensure(
        calls
            .as_array()
            .is_some_and(|calls| calls.contains(&json!(["cancel"]))),
        || format!("Stop made {calls}"),
    )
}

pub(super) async fn starting_listen_in_one_embed_stops_the_other_and_leaving_the_page_stops_it(
    session: &Session,
) -> Outcome {
    open_the_listen_page(session, "").await?;
    click_listen(session, 0).await?;
    wait_for_mark(session, 0, SEED_HEADLINE).await?;
    click_listen(session, 1).await?;
    wait_for_mark(session, 1, SEED_HEADLINE).await?;
    let (buttons, mark) = (listen_buttons(session, 0).await?, marked(session, 0).await?);
    ensure(buttons == json!(["Listen"]) && mark["count"] == 0, || {
        format!("the first embed, once the second reads: buttons {buttons}, mark {mark}")
    })?;
    // The second embed leaves the page: its reading stops.
    session
        .script(
            "window.__speech.calls.length = 0; document.querySelectorAll('reader-widget')[1].remove(); return true;",
            vec![],
        )
        .await?;
    session
        .wait_until(
            "the reading to stop",
            "return window.__speech.current === null && window.__speech.calls.some((call) => call[0] === 'cancel');",
            vec![],
        )
        .await
}

pub(super) async fn listen_reads_in_the_articles_language_and_waits_for_a_voice_for_it(
    session: &Session,
) -> Outcome {
    open_the_listen_page(session, "").await?;
    // No Russian voice yet: the Russian embed offers no Listen.
    let buttons = listen_buttons(session, 2).await?;
    ensure(buttons == json!([]), || {
        format!("without a Russian voice, the Russian embed offers {buttons}")
    })?;
    session
        .script("window.__speech.addVoice('ru-RU'); return true;", vec![])
        .await?;
    session
        .wait_until(
            "Listen in Russian",
            "return document.querySelectorAll('reader-widget')[2].shadowRoot.querySelector('.rw-listen__button')?.textContent === 'Слушать';",
            vec![],
        )
        .await?;
    click_listen(session, 2).await?;
    session
        .wait_until(
            "the Russian headline to be read",
            "return document.querySelectorAll('reader-widget')[2].shadowRoot.querySelector('[aria-current]') !== null;",
            vec![],
        )
        .await?;
    let calls = speech_calls(session).await?;
    let first = &calls[0];
    ensure(first[2] == "ru-RU" && first[3] == "Stand-in ru-RU", || {
        format!("the Russian article was read with {first}")
    })
}

pub(super) async fn axe_finds_nothing_while_listen_reads_in_both_themes(
    session: &Session,
) -> Outcome {
    for query in ["", "?dark"] {
        open_the_listen_page(session, query).await?;
        click_listen(session, 0).await?;
        wait_for_mark(session, 0, SEED_HEADLINE).await?;
        session
            .script("window.__speech.advance(); return true;", vec![])
            .await?;
        session
            .wait_until(
                "the first paragraph to be marked",
                "return document.querySelector('reader-widget').shadowRoot.querySelector('.rw-article__body > [aria-current]') !== null;",
                vec![],
            )
            .await?;
        let violations = axe_violations(session).await?;
        ensure(violations == json!([]), || {
            format!("with Listen reading{query}, axe reports {violations}")
        })?;
    }
    Ok(())
}
