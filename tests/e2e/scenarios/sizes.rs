//! The text size: each step's size, one choice for every embed on the page, kept across a reload.

use super::*;

pub(super) async fn each_size_sets_the_article_text_size(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let medium = session.medium_px().await?;
    for (code, scale) in SIZES {
        session.choose_size(0, code).await?;
        let size = session.paragraph_px(0).await?;
        let expected = medium * scale;
        ensure((size - expected).abs() < 0.2, || {
            format!("{code}: the article text is {size} px, expected {expected} px")
        })?;
    }
    Ok(())
}

pub(super) async fn a_choice_in_one_embed_reaches_the_other(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let medium = session.medium_px().await?;
    session.choose_size(0, "lg").await?;
    session
        .wait_until(
            "the second embed to follow",
            "return document.querySelectorAll('reader-widget')[1].shadowRoot.querySelector('input:checked')?.value === 'lg'",
            vec![],
        )
        .await?;
    let size = session.paragraph_px(1).await?;
    ensure((size - medium * 1.25).abs() < 0.2, || {
        format!("the second embed's text is {size} px")
    })
}

pub(super) async fn the_choice_survives_a_reload(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    session.choose_size(0, "lg").await?;
    session.client.refresh().await.doing("reloading")?;
    for index in 0..2 {
        session.wait_for_article(index).await?;
        let checked = session.checked_step(index).await?;
        ensure(checked.as_deref() == Some("lg"), || {
            format!("after the reload embed {index} shows {checked:?}")
        })?;
    }
    Ok(())
}
