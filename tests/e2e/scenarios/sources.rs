//! Where an embed's article comes from: `src`, inline JSON, JSON-LD, the publisher's markup (with and
//! without the script), several embeds on a page, and embeds added, removed and put back.

use super::*;

pub(super) async fn renders_from_src(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let src = session
        .script(
            "return document.querySelectorAll('reader-widget')[0].getAttribute('src')",
            vec![],
        )
        .await?;
    ensure(src == "articles/syria-resolution.json", || {
        format!("the first embed's src is {src}")
    })?;
    shows_the_seed(session, 0).await
}

pub(super) async fn renders_from_inline_json(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let inline = session
        .script(
            "return !!document.querySelectorAll('reader-widget')[1].querySelector('script[type=\"application/json\"]')",
            vec![],
        )
        .await?;
    ensure(inline == true, || {
        "the second embed has no inline JSON".into()
    })?;
    session.wait_for_article(1).await?;
    let headline = headline(session, 1).await?;
    ensure(headline == SEED_HEADLINE, || {
        format!("the headline is {headline}")
    })
}

pub(super) async fn renders_from_json_ld_by_src_and_inline(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "pages/json-ld.html").await?;
    for index in 0..2 {
        let byline = session
            .in_embed(
                index,
                "return root.querySelector('.rw-article__byline')?.textContent ?? null;",
            )
            .await?;
        ensure(byline == "VOA News", || {
            format!("embed {index}'s byline is {byline}")
        })?;
    }
    Ok(())
}

pub(super) async fn enhances_the_publishers_article_markup(session: &Session) -> Outcome {
    session.open("pages/markup.html").await?;
    shows_the_seed(session, 0).await?;
    let light = session
        .script(
            "const article = document.querySelector('reader-widget > article'); return { inDocument: !!article, shown: article.getClientRects().length > 0 };",
            vec![],
        )
        .await?;
    ensure(
        light == json!({ "inDocument": true, "shown": false }),
        || format!("the light-DOM article while the widget shows: {light}"),
    )
}

pub(super) async fn without_the_script_the_markup_is_the_article(session: &Session) -> Outcome {
    session.open("pages/markup.html?no-script").await?;
    let seen = session
        .script(
            "const h1 = document.querySelector('reader-widget > article h1'); return { headline: h1.textContent, shown: h1.getClientRects().length > 0, shadow: !!document.querySelector('reader-widget').shadowRoot };",
            vec![],
        )
        .await?;
    ensure(
        seen == json!({ "headline": SEED_HEADLINE, "shown": true, "shadow": false }),
        || format!("without the script: {seen}"),
    )
}

/// Each embed's fallback link (the demo's front page gives its `src` and inline-JSON embeds
/// one): its text, and whether it is on screen.
const FALLBACK_LINKS: &str = "return [...document.querySelectorAll('reader-widget')].map((host) => { const link = host.querySelector(':scope > a'); return { text: link?.textContent ?? null, shown: !!link && link.getClientRects().length > 0 && link.getBoundingClientRect().width > 0 }; });";

pub(super) async fn without_the_script_src_and_inline_json_embeds_show_their_fallback(
    session: &Session,
) -> Outcome {
    let text = format!("Read the article: {SEED_HEADLINE}");
    session.open("index.html?no-script").await?;
    let seen = session.script(FALLBACK_LINKS, vec![]).await?;
    let shown = json!({ "text": text, "shown": true });
    ensure(seen == json!([shown, shown]), || {
        format!("without the script the embeds show {seen}")
    })?;
    // With it, the article replaces the fallback.
    both_demo_embeds_render(session, "index.html").await?;
    let seen = session.script(FALLBACK_LINKS, vec![]).await?;
    let hidden = json!({ "text": text, "shown": false });
    ensure(seen == json!([hidden, hidden]), || {
        format!("with the script the embeds show {seen}")
    })
}

pub(super) async fn two_embeds_on_one_page_each_render_with_their_own_controls(
    session: &Session,
) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let mut names = Vec::new();
    for index in 0..2 {
        names.push(
            session
                .in_embed(
                    index,
                    "return root.querySelector('input[type=radio]').name;",
                )
                .await?,
        );
    }
    ensure(names[0] != names[1], || {
        format!("both embeds use the radio group {}", names[0])
    })
}

pub(super) async fn an_embed_added_after_load_renders(session: &Session) -> Outcome {
    session.open("pages/added-later.html").await?;
    ensure(session.embed_count().await? == 0, || {
        "the page starts with an embed".into()
    })?;
    let button = session
        .client
        .find(Locator::Id("add-embed"))
        .await
        .doing("finding the button")?;
    session.click(button).await?;
    shows_the_seed(session, 0).await
}

pub(super) async fn a_removed_embed_is_emptied_and_renders_again_when_put_back(
    session: &Session,
) -> Outcome {
    session.open("pages/added-later.html").await?;
    for button in ["add-embed", "remove-embed"] {
        let button = session
            .client
            .find(Locator::Id(button))
            .await
            .doing("finding a button")?;
        session.click(button).await?;
        if session.embed_count().await? == 1 {
            session.wait_for_article(0).await?;
        }
    }
    let emptied = session
        .script(
            "return document.querySelector('#embeds').lastElementChild === null;",
            vec![],
        )
        .await?;
    ensure(emptied == true, || "the embed is still in the page".into())?;
    let put_back = session
        .client
        .find(Locator::Id("reinsert-embed"))
        .await
        .doing("finding the button")?;
    session.click(put_back).await?;
    session.wait_for_article(0).await?;
    let headline = headline(session, 0).await?;
    ensure(headline == SEED_HEADLINE, || {
        format!("after putting it back the headline is {headline}")
    })
}
