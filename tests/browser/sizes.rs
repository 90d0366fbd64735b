//! The text size: each step by click, one choice for every embed, storage, another tab, a
//! remount, and the `text-size` attribute.

use super::*;

#[wasm_bindgen_test]
async fn clicking_each_size_changes_the_article_text_size() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let medium = default_font_size_px();
    for (code, percent) in [("xs", 80.0), ("sm", 90.0), ("md", 100.0), ("lg", 125.0)] {
        click_size(&host, code).await;
        let expected = medium * percent / 100.0;
        assert!(
            (paragraph_size(&host) - expected).abs() < 0.1,
            "{code}: {} px, expected {expected} px",
            paragraph_size(&host)
        );
    }
    // The controls do not scale with the article.
    let legend = find(&host, ".rw-sizes__legend").expect("a legend");
    assert!((font_size_px(&legend) - medium).abs() < 0.1);
    container.remove();
}

#[wasm_bindgen_test]
async fn a_choice_in_one_embed_reaches_the_other_and_storage() {
    let container = page(&format!(
        "{}{}",
        inline_embed(""),
        inline_embed(r#"text-size="xs""#)
    ));
    let hosts = embeds(&container);
    let (first, second) = (&hosts[0], &hosts[1]);
    rendered(first).await;
    rendered(second).await;
    let medium = default_font_size_px();
    click_size(first, "lg").await;
    wait_for("the second embed to follow", || {
        (checked_step(second).as_deref() == Some("lg")).then_some(())
    })
    .await;
    assert!((paragraph_size(second) - medium * 1.25).abs() < 0.1);
    let stored = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
    assert_eq!(stored.as_deref(), Some("lg"));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_choice_survives_a_remount() {
    let (container, host) = rendered_embed(&inline_embed(r#"text-size="xs""#)).await;
    click_size(&host, "lg").await;
    host.remove();
    let again = page(&inline_embed(r#"text-size="xs""#));
    let remounted = embeds(&again).remove(0);
    rendered(&remounted).await;
    assert_eq!(checked_step(&remounted).as_deref(), Some("lg"));
    assert!((paragraph_size(&remounted) - default_font_size_px() * 1.25).abs() < 0.1);
    container.remove();
    again.remove();
}

#[wasm_bindgen_test]
async fn another_tabs_choice_arrives_through_the_storage_event() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    click_size(&host, "md").await;
    storage_event_from_another_tab(Some(STORAGE_KEY), Some("sm"));
    wait_for("SM from the other tab", || {
        (checked_step(&host).as_deref() == Some("sm")).then_some(())
    })
    .await;
    container.remove();
}

#[wasm_bindgen_test]
async fn the_text_size_attribute_sets_the_start_until_the_reader_chooses() {
    let container = page(&format!(
        "{}{}",
        inline_embed(r#"text-size="sm""#),
        inline_embed(r#"text-size="LG""#)
    ));
    let hosts = embeds(&container);
    rendered(&hosts[0]).await;
    rendered(&hosts[1]).await;
    storage_event_from_another_tab(None, None);
    wait_for("each embed at its own start", || {
        (checked_step(&hosts[0]).as_deref() == Some("sm")
            && checked_step(&hosts[1]).as_deref() == Some("lg"))
        .then_some(())
    })
    .await;
    container.remove();
}

#[wasm_bindgen_test]
async fn changing_the_text_size_attribute_takes_effect_until_the_reader_chooses() {
    let (container, host) = rendered_embed(&inline_embed(r#"text-size="sm""#)).await;
    storage_event_from_another_tab(None, None);
    wait_for("SM from the attribute", || {
        find(&host, ".rw-article.rw-size-sm")
    })
    .await;
    host.set_attribute("text-size", "lg")
        .expect("set the attribute");
    wait_for("LG from the changed attribute", || {
        find(&host, ".rw-article.rw-size-lg")
    })
    .await;
    container.remove();
}
