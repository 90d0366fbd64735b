//! Keyboard first: arrow keys on the size switcher, one tab stop, and the skip links' focus moves.

use super::*;

#[wasm_bindgen_test]
async fn arrow_keys_move_focus_and_select_the_next_step() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    click_size(&host, "md").await;
    let medium = default_font_size_px();
    step(&host, "md").focus().expect("focus");
    press(&step(&host, "md"), "ArrowRight");
    wait_for("LG to be checked", || {
        (checked_step(&host).as_deref() == Some("lg")).then_some(())
    })
    .await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.1);
    let focused = shadow(&host).active_element().expect("a focused element");
    assert_eq!(focused.get_attribute("value").as_deref(), Some("lg"));
    press(&step(&host, "lg"), "ArrowRight");
    wait_for("XS after wrapping", || {
        (checked_step(&host).as_deref() == Some("xs")).then_some(())
    })
    .await;
    press(&step(&host, "xs"), "ArrowUp");
    wait_for("LG again", || {
        (checked_step(&host).as_deref() == Some("lg")).then_some(())
    })
    .await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.1);
    container.remove();
}

#[wasm_bindgen_test]
async fn the_switcher_is_a_single_tab_stop() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    click_size(&host, "sm").await;
    let inputs = shadow(&host)
        .query_selector_all("input")
        .expect("a selector");
    let inputs: Vec<web_sys::HtmlInputElement> = (0..inputs.length())
        .filter_map(|index| inputs.get(index))
        .filter_map(|node| node.dyn_into().ok())
        .collect();
    assert_eq!(inputs.len(), 4);
    // One radio group: every step shares a name, and exactly one is checked.
    let names: Vec<String> = inputs.iter().map(|input| input.name()).collect();
    assert!(names
        .iter()
        .all(|name| name == &names[0] && !name.is_empty()));
    assert_eq!(inputs.iter().filter(|input| input.checked()).count(), 1);
    container.remove();
}

#[wasm_bindgen_test]
async fn skip_to_article_text_focuses_the_body_and_removes_the_tabindex_on_blur() {
    let (container, host) = rendered_embed(&format!(
        r##"{}<a id="after" href="#after">After</a>"##,
        inline_embed("")
    ))
    .await;
    let links = shadow(&host)
        .query_selector_all(".rw-skip-link")
        .expect("a selector");
    assert_eq!(links.length(), 2);
    let skip: HtmlElement = links
        .get(0)
        .and_then(|n| n.dyn_into().ok())
        .expect("the first link");
    assert_eq!(skip.text_content().as_deref(), Some("Skip to article text"));
    skip.click();
    let body = find(&host, ".rw-article__body").expect("the body");
    let focused = shadow(&host)
        .active_element()
        .expect("focus inside the widget");
    let body_element: &Element = body.as_ref();
    assert_eq!(&focused, body_element);
    assert_eq!(body.get_attribute("tabindex").as_deref(), Some("0"));
    body.blur().expect("blur");
    assert_eq!(body.get_attribute("tabindex"), None);
    container.remove();
}

#[wasm_bindgen_test]
async fn skip_past_this_article_focuses_what_follows_the_embed() {
    let (container, host) = rendered_embed(&format!(
        r#"{}<script></script><p id="after">Next story</p>"#,
        inline_embed("")
    ))
    .await;
    let links = shadow(&host)
        .query_selector_all(".rw-skip-link")
        .expect("a selector");
    let skip: HtmlElement = links
        .get(1)
        .and_then(|n| n.dyn_into().ok())
        .expect("the second link");
    assert_eq!(
        skip.text_content().as_deref(),
        Some("Skip past this article")
    );
    skip.click();
    let active = document().active_element().expect("a focused element");
    assert_eq!(active.id(), "after");
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("0"));
    container.remove();
}
