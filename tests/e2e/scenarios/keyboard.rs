//! Keyboard first: the skip links from the host page's focus, and the size switcher as one tab
//! stop with arrow keys.

use super::*;

/// Opens the demo and puts focus on the host page's link just before the first embed.
pub(super) async fn focus_the_link_before_the_embed(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    session
        .script("document.getElementById('before-embed').focus();", vec![])
        .await?;
    let focused = session.focused().await?;
    ensure(focused["id"] == "before-embed", || {
        format!("focus starts on {focused}")
    })
}

pub(super) async fn tab_from_the_host_link_lands_on_a_visible_skip_link(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["text"] == "Skip to article text", || {
        format!("Tab lands on {focused}")
    })?;
    ensure(focused["insideWidget"] == true, || {
        format!("{focused} is not in the widget")
    })?;
    let (width, height) = (
        focused["width"].as_f64().unwrap_or(0.0),
        focused["height"].as_f64().unwrap_or(0.0),
    );
    ensure(width > 20.0 && height > 10.0, || {
        format!("the focused skip link is {width} by {height} px: not visible")
    })
}

pub(super) async fn enter_on_skip_to_article_text_focuses_the_article_body(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    session.press(Key::Enter).await?;
    let focused = session.focused().await?;
    ensure(
        focused["class"]
            .as_str()
            .unwrap_or_default()
            .contains("rw-article__body"),
        || format!("Enter moved focus to {focused}"),
    )
}

pub(super) async fn skip_past_this_article_leads_to_the_host_link_after_the_embed(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["text"] == "Skip past this article", || {
        format!("the second Tab lands on {focused}")
    })?;
    session.press(Key::Enter).await?;
    let focused = session.focused().await?;
    ensure(focused["insideWidget"] == false, || {
        format!("focus stayed in the widget: {focused}")
    })?;
    // Focus is on what follows the embed; the next Tab reaches the host's link there.
    if focused["id"] != "after-embed" {
        session.press(Key::Tab).await?;
    }
    let focused = session.focused().await?;
    ensure(focused["id"] == "after-embed", || {
        format!("focus went to {focused}")
    })
}

pub(super) async fn the_size_switcher_is_one_tab_stop_and_arrow_keys_change_the_size(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    let medium = session.medium_px().await?;
    for _ in 0..3 {
        session.press(Key::Tab).await?;
    }
    let focused = session.focused().await?;
    ensure(focused["value"] == "md", || {
        format!("the third Tab lands on {focused}, not the checked step")
    })?;
    session.press(Key::Right).await?;
    session
        .wait_until(
            "LG to be checked",
            "return document.querySelector('reader-widget').shadowRoot.querySelector('input:checked')?.value === 'lg'",
            vec![],
        )
        .await?;
    let size = session.paragraph_px(0).await?;
    ensure((size - medium * 1.25).abs() < 0.2, || {
        format!("after the arrow the text is {size} px")
    })?;
    let focused = session.focused().await?;
    ensure(focused["value"] == "lg", || {
        format!("focus did not follow the arrow: {focused}")
    })?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["tag"] != "input", || {
        format!("Tab stayed in the switcher: {focused}")
    })
}
