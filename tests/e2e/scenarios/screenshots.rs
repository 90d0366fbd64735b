//! Pictures: the widget at each size, and the accessibility page's screenshots in both themes and directions.

use super::*;

/// Writes `png`, a screenshot, as `folder/name.png`, once it is seen to be a PNG.
fn write_png(folder: &Path, name: &str, png: Vec<u8>) -> Outcome {
    ensure(png.starts_with(b"\x89PNG"), || {
        format!("the screenshot {name} is not a PNG")
    })?;
    let path = folder.join(format!("{name}.png"));
    std::fs::write(&path, png).doing(&format!("writing {}", path.display()))
}

pub(super) async fn a_screenshot_at_each_size(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
    std::fs::create_dir_all(&folder).doing("making tests/screenshots")?;
    for (code, _) in SIZES {
        session.choose_size(0, code).await?;
        session.scroll_to_embed(0).await?;
        session.settle_frames().await?;
        let png = session
            .client
            .screenshot()
            .await
            .doing("taking a screenshot")?;
        write_png(&folder, &format!("{}-{code}", session.engine.name()), png)?;
    }
    Ok(())
}

/// The pictures in docs/accessibility.md: the Russian (left-to-right) and Persian (right-to-left) embeds of
/// the languages demo, light and dark, at each size, written to `docs/screenshots/`.
pub(super) async fn screenshots_for_the_readme_in_both_themes_and_directions(
    session: &Session,
) -> Outcome {
    session.open("pages/languages.html").await?;
    session.wait_for_article(0).await?;
    session.wait_for_article(1).await?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&folder).doing("making docs/screenshots")?;
    for theme in ["light", "dark"] {
        session
            .script(
                "document.querySelectorAll('reader-widget').forEach((embed) => embed.setAttribute('theme', arguments[0]));",
                vec![json!(theme)],
            )
            .await?;
        for (code, _) in SIZES {
            session.choose_size(0, code).await?;
            for (index, direction) in [(0, "ltr"), (1, "rtl")] {
                session.scroll_to_embed(index).await?;
                session.settle_frames().await?;
                let host = session.embed(index).await?;
                let png = host.screenshot().await.doing("taking a screenshot")?;
                write_png(&folder, &format!("{direction}-{theme}-{code}"), png)?;
            }
        }
    }
    Ok(())
}

/// The README's pictures: the top of the English and Persian embeds on a 320 px phone (the
/// steps on one line under the legend), and Listen reading the headline, written to
/// `docs/screenshots/`.
pub(super) async fn screenshots_of_the_phone_layout_and_listen_for_the_readme(
    session: &Session,
) -> Outcome {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&folder).doing("making docs/screenshots")?;
    session.open("phone/frame.html?320").await?;
    // English first, Persian sixth: the page's languages in the widget's order.
    for (index, name) in [(0, "phone-ltr"), (5, "phone-rtl")] {
        session
            .in_first_frame(async {
                session.wait_for_article(index).await?;
                session
                    .script(
                        "document.querySelectorAll('reader-widget')[arguments[0]].scrollIntoView(); return true;",
                        vec![json!(index)],
                    )
                    .await?;
                session.settle_frames().await
            })
            .await?;
        let frame = session
            .client
            .find(Locator::Css("iframe"))
            .await
            .doing("finding the phone's frame")?;
        let png = frame.screenshot().await.doing("taking a screenshot")?;
        write_png(&folder, name, png)?;
    }
    open_the_listen_page(session, "").await?;
    click_listen(session, 0).await?;
    wait_for_mark(session, 0, SEED_HEADLINE).await?;
    session.scroll_to_embed(0).await?;
    session.settle_frames().await?;
    let png = session
        .client
        .screenshot()
        .await
        .doing("taking a screenshot")?;
    write_png(&folder, "listen", png)
}
