//! Theming from the host page: custom properties, parts, and the dark and automatic themes.

use super::*;

pub(super) fn computed(element: &Element, property: &str) -> String {
    web_sys::window()
        .and_then(|window| window.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value(property).ok())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn custom_properties_on_the_host_theme_the_widget() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let style = host.style();
    style
        .set_property("--reader-widget-text", "rgb(1, 2, 3)")
        .expect("set");
    style
        .set_property("--reader-widget-body-font-family", "monospace")
        .expect("set");
    style
        .set_property("--reader-widget-max-width", "20em")
        .expect("set");
    let headline = find(&host, ".rw-article__headline").expect("a headline");
    assert_eq!(computed(&headline, "color"), "rgb(1, 2, 3)");
    let body = find(&host, ".rw-article__body").expect("a body");
    assert_eq!(computed(&body, "font-family"), "monospace");
    let article = find(&host, ".rw-article").expect("the article");
    // The line length is in em of the article, whose size is the reader's step.
    let article_px: f64 = computed(&article, "font-size")
        .trim_end_matches("px")
        .parse()
        .expect("a pixel size");
    assert_eq!(
        computed(&article, "max-width"),
        format!("{}px", article_px * 20.0)
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn parts_can_be_styled_from_the_host_page() {
    let container = page(&format!(
        "<style>reader-widget.parts::part(headline) {{ color: rgb(4, 5, 6) }} reader-widget.parts::part(size-control) {{ border: 3px solid rgb(7, 8, 9) }}</style>{}",
        inline_embed(r#"class="parts""#)
    ));
    let host = embeds(&container).remove(0);
    rendered(&host).await;
    let headline = find(&host, ".rw-article__headline").expect("a headline");
    assert_eq!(computed(&headline, "color"), "rgb(4, 5, 6)");
    let control = find(&host, ".rw-sizes").expect("the switcher");
    assert_eq!(computed(&control, "border-top-color"), "rgb(7, 8, 9)");
    container.remove();
}

#[wasm_bindgen_test]
async fn theme_dark_darkens_and_auto_follows_the_system() {
    let container = page(&format!(
        "{}{}{}",
        inline_embed(r#"theme="dark""#),
        inline_embed(r#"theme="light""#),
        inline_embed(r#"theme="auto""#)
    ));
    let hosts = embeds(&container);
    for host in &hosts {
        rendered(host).await;
    }
    let background =
        |host: &HtmlElement| computed(&find(host, ".rw").expect("the root"), "background-color");
    assert_eq!(background(&hosts[0]), "rgb(27, 27, 27)");
    assert_eq!(background(&hosts[1]), "rgb(255, 255, 255)");
    let system_dark = web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches());
    let expected = if system_dark {
        "rgb(27, 27, 27)"
    } else {
        "rgb(255, 255, 255)"
    };
    assert_eq!(background(&hosts[2]), expected);
    container.remove();
}
