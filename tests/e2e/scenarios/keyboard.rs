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
    skip_to_the_article_text(session).await
}

/// From the host page's link before the embed: Tab, Enter on "Skip to article text", and focus
/// on the article body.
async fn skip_to_the_article_text(session: &Session) -> Outcome {
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

/// The controls and links in the first embed that the focused skip link overlaps (the other
/// skip link, hidden, aside).
const CONTROLS_UNDER_THE_FOCUSED_SKIP_LINK: &str = r#"const root = document.querySelector('reader-widget').shadowRoot;
const link = root.activeElement;
const box = link.getBoundingClientRect();
const overlaps = (other) => { const b = other.getBoundingClientRect(); return b.left < box.right && b.right > box.left && b.top < box.bottom && b.bottom > box.top; };
return [...root.querySelectorAll('.rw-sizes__legend, .rw-sizes__label, a[href]:not(.rw-skip-link)')]
  .filter((other) => other.getClientRects().length > 0 && overlaps(other))
  .map((other) => other.className || other.tagName);"#;

pub(super) async fn a_focused_skip_link_covers_no_other_control(session: &Session) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    for expected in ["Skip to article text", "Skip past this article"] {
        session.press(Key::Tab).await?;
        let focused = session.focused().await?;
        ensure(focused["text"] == expected, || {
            format!("Tab lands on {focused}, not {expected}")
        })?;
        let covered = session
            .script(CONTROLS_UNDER_THE_FOCUSED_SKIP_LINK, vec![])
            .await?;
        ensure(covered == json!([]), || {
            format!("focused, {expected} covers {covered}")
        })?;
    }
    Ok(())
}

pub(super) async fn after_skip_to_article_text_tab_moves_on_past_the_article(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    skip_to_the_article_text(session).await?;
    // The seed's body has no links: the next stop is the host's link after the embed.
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["id"] == "after-embed", || {
        format!("Tab from the article's start went to {focused}")
    })?;
    Ok(())
}
