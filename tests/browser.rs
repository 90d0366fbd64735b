//! The widget in a real browser (headless Chromium through `wasm-bindgen-test`): elements mount
//! into shadow roots, the size switcher changes the article text's computed font size by click
//! and by arrow key, the choice reaches every embed and survives a remount, the skip links move
//! focus, and a broken embed shows its error while its sibling renders.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::*;

#[wasm_bindgen_test]
async fn mounts_into_an_open_shadow_root_from_inline_json() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let headline = find(&host, ".rw-article__headline").expect("a headline");
    assert_eq!(
        headline.text_content().as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    // The light DOM is untouched: the widget renders only in its shadow root.
    assert!(host.query_selector(".rw").expect("a selector").is_none());
    container.remove();
}

/// Twenty embeds added at once are not all rendered in one task: they are connected, and so
/// rendered, a few a task, so that the page's main thread is never held for all of them
/// (without the turns, every one renders in the microtasks after the task that added them).
#[wasm_bindgen_test]
async fn embeds_added_at_once_are_rendered_over_several_tasks() {
    let container = page(&inline_embed("").repeat(20));
    let hosts = embeds(&container);
    let mut counts = Vec::new();
    for _ in 0..2_000 {
        let rendered = hosts
            .iter()
            .filter(|host| find(host, ".rw-article__paragraph").is_some())
            .count();
        counts.push(rendered);
        if rendered == hosts.len() {
            break;
        }
        sleep(0).await;
    }
    assert_eq!(counts.last(), Some(&20), "not all rendered: {counts:?}");
    assert!(
        counts.iter().any(|count| (1..20).contains(count)),
        "all twenty appeared at once: {counts:?}"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn embeds_rendered_over_several_tasks_appear_in_one_frame() {
    let container = page(&inline_embed("").repeat(20));
    let hosts = embeds(&container);
    let frames = shown_per_frame(&hosts);
    wait_for("all twenty to be shown", || {
        hosts
            .iter()
            .all(|host| host.offset_height() > 0)
            .then_some(())
    })
    .await;
    // The observer reports the frame that showed them just before that frame is painted.
    sleep(100).await;
    let counts = frames.counts();
    assert_eq!(counts.last(), Some(&20), "frames: {counts:?}");
    assert!(
        counts.iter().all(|count| *count == 0 || *count == 20),
        "some frames showed only some of them: {counts:?}"
    );
    frames.stop();
    container.remove();
}

/// Holding an arrival measures what its embed showed; a page whose `getBoundingClientRect`
/// throws must still see its embeds, and the widget go on working for the next ones.
#[wasm_bindgen_test]
async fn a_page_that_broke_measuring_still_sees_its_embeds() {
    let break_measuring = js_sys::Function::new_no_args(
        "const original = Element.prototype.getBoundingClientRect; \
         Element.prototype.getBoundingClientRect = () => { throw new Error('broken by the page'); }; \
         return () => { Element.prototype.getBoundingClientRect = original; };",
    );
    let restore: js_sys::Function = break_measuring
        .call0(&JsValue::NULL)
        .expect("broken")
        .unchecked_into();
    let container = page(&inline_embed(""));
    rendered(&embeds(&container).remove(0)).await;
    restore.call0(&JsValue::NULL).expect("restored");
    container.remove();
    let (after, _) = rendered_embed(&inline_embed("")).await;
    after.remove();
}

/// An embed removed while its rendered article waits to be shown with the others never says it
/// is ready: its article was never on screen.
#[wasm_bindgen_test]
async fn an_embed_removed_before_its_article_is_shown_is_never_ready() {
    reader_widget::define_element();
    let container = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    // Watches the first shadow root attached, and removes its host as soon as its article is
    // rendered out of sight (a microtask after the render, before any frame). A listener on the
    // element itself: a removed element's events no longer reach the document.
    let remove_once_rendered_unseen = js_sys::Function::new_with_args(
        "container, markup",
        "return new Promise((resolve) => { \
           setTimeout(resolve, 5000, null); \
           const attach = Element.prototype.attachShadow; \
           Element.prototype.attachShadow = function (init) { \
             Element.prototype.attachShadow = attach; \
             const root = attach.call(this, init); \
             const host = this; \
             host.addEventListener('reader-widget-ready', () => { host.saidReady = true; }); \
             const observer = new MutationObserver(() => { \
               const mount = root.querySelector('.rw-mount'); \
               if (!mount?.hidden || !mount.querySelector('.rw-article')) return; \
               observer.disconnect(); \
               host.remove(); \
               resolve(host); \
             }); \
             observer.observe(root, { subtree: true, childList: true, attributes: true }); \
             return root; \
           }; \
           container.innerHTML = markup; \
         });",
    );
    let removed = remove_once_rendered_unseen
        .call2(
            &JsValue::NULL,
            &container,
            &JsValue::from_str(&inline_embed("")),
        )
        .expect("a promise")
        .dyn_into::<js_sys::Promise>()
        .expect("a promise");
    let host: HtmlElement = wasm_bindgen_futures::JsFuture::from(removed)
        .await
        .expect("a settled promise")
        .dyn_into()
        .expect("the embed rendered out of sight, then removed");
    sleep(200).await;
    assert_eq!(
        property(&host, "saidReady"),
        JsValue::UNDEFINED,
        "the removed embed said it was ready"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn a_src_embeds_placeholder_stays_on_screen_until_its_article_is_shown() {
    // Thirty inline embeds keep the turns busy while the articles arrive, so the articles wait to
    // be shown with them: the placeholders must not vanish meanwhile.
    let url = blob_url(SEED);
    let placeholder = r#"<div style="height: 300px">Read the article</div>"#;
    // As the README has publishers style it: before its shadow root, the element is inline, and
    // WebKit gives an inline element around a block no height.
    let markup = "<style>reader-widget { display: flow-root }</style>".to_owned()
        + &format!(r#"<reader-widget src="{url}">{placeholder}</reader-widget>"#).repeat(3)
        + &inline_embed("").repeat(30);
    let container = page(&markup);
    let hosts = embeds(&container);
    let watched = hosts.get(..3).expect("three src embeds");
    let frames = shown_per_frame(watched);
    for host in watched {
        rendered(host).await;
    }
    sleep(100).await;
    let counts = frames.counts();
    assert!(
        counts.iter().all(|count| *count == 3),
        "frames in which an embed had no height: {counts:?}"
    );
    frames.stop();
    container.remove();
}

#[wasm_bindgen_test]
async fn renders_from_a_src_url() {
    let url = blob_url(SEED);
    let container = page(&format!(r#"<reader-widget src="{url}"></reader-widget>"#));
    let host = embeds(&container).remove(0);
    let paragraph = rendered(&host).await;
    assert!(paragraph
        .text_content()
        .unwrap_or_default()
        .starts_with("The top diplomats"));
    container.remove();
}

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
    assert_eq!(body.get_attribute("tabindex").as_deref(), Some("-1"));
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
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("-1"));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_src_that_404s_shows_the_error_while_a_sibling_renders() {
    let container = page(&format!(
        r#"<reader-widget src="/no-such-article-{}.json"></reader-widget>{}"#,
        js_sys::Date::now() as u64,
        inline_embed("")
    ));
    let hosts = embeds(&container);
    let error = wait_for("the error message", || find(&hosts[0], ".rw-status--error")).await;
    assert_eq!(
        error.text_content().as_deref(),
        Some("Sorry, this article could not be loaded.")
    );
    rendered(&hosts[1]).await;
    container.remove();
}

#[wasm_bindgen_test]
async fn malformed_json_and_a_missing_headline_show_the_error_state() {
    let container = page(concat!(
        r#"<reader-widget><script type="application/json">{"headline": "H", "body": [</script></reader-widget>"#,
        r#"<reader-widget><script type="application/json">{"body": [{"type":"paragraph","text":"p"}]}</script></reader-widget>"#,
        r#"<reader-widget></reader-widget>"#,
    ));
    for host in embeds(&container) {
        let message = wait_for("the error message", || find(&host, ".rw-status--error")).await;
        assert!(!message.text_content().unwrap_or_default().is_empty());
        assert!(find(&host, ".rw-sizes").is_none());
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn changing_src_loads_the_new_article() {
    let first = blob_url(SEED);
    let second =
        blob_url(r#"{"headline":"Second","body":[{"type":"paragraph","text":"Other text"}]}"#);
    let (container, host) =
        rendered_embed(&format!(r#"<reader-widget src="{first}"></reader-widget>"#)).await;
    host.set_attribute("src", &second).expect("set src");
    wait_for("the new headline", || {
        find(&host, ".rw-article__headline")
            .filter(|h| h.text_content().as_deref() == Some("Second"))
    })
    .await;
    container.remove();
}

#[wasm_bindgen_test]
fn the_browser_parses_articles_as_the_native_build_does() {
    use reader_widget::article::Block;
    use reader_widget::error::LoadErrorKind;
    // Over the browser's own JSON.parse, as the widget reads.
    let parse_article = reader_widget::read::parse_article::<JsValue>;

    let seed = parse_article(SEED).expect("the seed parses");
    assert_eq!(seed.body.len(), 10);
    assert!(
        parse_article(&format!("\u{feff}{SEED}")).is_ok(),
        "a byte-order mark is accepted"
    );
    let extended = parse_article(
        r#"{"headline":"H","section":"World","body":[{"type":"video"},{"type":"list","ordered":true,"items":["a"]}]}"#,
    )
    .expect("unknown fields and block types are ignored");
    assert_eq!(
        extended.body,
        vec![Block::List {
            ordered: true,
            items: vec!["a".into()]
        }]
    );
    let kind = |json: &str| {
        parse_article(json)
            .map(|_| ())
            .map_err(|error| error.kind().clone())
    };
    assert!(matches!(
        kind(r#"{"headline": "H", "body": ["#),
        Err(LoadErrorKind::Syntax { .. })
    ));
    assert!(matches!(
        kind(r#"{"headline": 5, "body": []}"#),
        Err(LoadErrorKind::WrongType(_))
    ));
    assert!(matches!(
        kind(r#"{"headline": "H", "body": "text"}"#),
        Err(LoadErrorKind::WrongType(_))
    ));
    assert_eq!(
        kind(r#"{"body":[{"type":"paragraph","text":"p"}]}"#),
        Err(LoadErrorKind::MissingHeadline)
    );
    assert_eq!(
        kind(r#"{"headline":"H","body":[]}"#),
        Err(LoadErrorKind::EmptyBody)
    );
}

const SEED_JSON_LD: &str = include_str!("../demo/articles/syria-resolution.jsonld");

#[wasm_bindgen_test]
async fn renders_from_inline_json_ld() {
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/ld+json">{SEED_JSON_LD}</script></reader-widget>"#
    ))
    .await;
    let byline = find(&host, ".rw-article__byline").expect("a byline");
    assert_eq!(byline.text_content().as_deref(), Some("VOA News"));
    container.remove();
}

#[wasm_bindgen_test]
async fn src_wins_over_inline_json_which_wins_over_json_ld() {
    let other = r#"{"headline":"From src","body":[{"type":"paragraph","text":"p"}]}"#;
    let ld = r#"{"@type":"NewsArticle","headline":"From JSON-LD","articleBody":"p"}"#;
    let inline = r#"{"headline":"From inline JSON","body":[{"type":"paragraph","text":"p"}]}"#;
    let container = page(&format!(
        r#"<reader-widget src="{}"><script type="application/ld+json">{ld}</script><script type="application/json">{inline}</script></reader-widget>
           <reader-widget><script type="application/ld+json">{ld}</script><script type="application/json">{inline}</script></reader-widget>"#,
        blob_url(other)
    ));
    let hosts = embeds(&container);
    for (host, expected) in hosts.iter().zip(["From src", "From inline JSON"]) {
        rendered(host).await;
        let headline = find(host, ".rw-article__headline").and_then(|h| h.text_content());
        assert_eq!(headline.as_deref(), Some(expected));
    }
    container.remove();
}

fn computed(element: &Element, property: &str) -> String {
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

/// Every `name` event that reaches the document, as (target, detail) pairs, while `Self` lives.
struct Heard {
    events: std::rc::Rc<std::cell::RefCell<Vec<(web_sys::EventTarget, JsValue)>>>,
    _listener: gloo::events::EventListener,
}

impl Heard {
    fn new(name: &'static str) -> Heard {
        let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = events.clone();
        let listener = gloo::events::EventListener::new(&document(), name, move |event| {
            let detail = event
                .dyn_ref::<web_sys::CustomEvent>()
                .map(|event| event.detail())
                .unwrap_or(JsValue::NULL);
            // The event is composed from the element, so its target here is the element itself.
            if let Some(target) = event.target() {
                sink.borrow_mut().push((target, detail));
            }
        });
        Heard {
            events,
            _listener: listener,
        }
    }

    /// The details heard from `host`.
    fn from(&self, host: &HtmlElement) -> Vec<JsValue> {
        let host: &web_sys::EventTarget = host.as_ref();
        self.events
            .borrow()
            .iter()
            .filter(|(target, _)| target == host)
            .map(|(_, detail)| detail.clone())
            .collect()
    }
}

fn field(value: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn ready_tells_the_headline_source_and_format() {
    let ready = Heard::new("reader-widget-ready");
    let container = page(&format!(
        r#"{}<reader-widget src="{}"></reader-widget>"#,
        inline_embed(""),
        blob_url(SEED_JSON_LD)
    ));
    let hosts = embeds(&container);
    // The event follows the render (in an effect), so wait for the event itself.
    for host in &hosts {
        wait_for("the ready event", || {
            (!ready.from(host).is_empty()).then_some(())
        })
        .await;
    }
    let inline = ready.from(&hosts[0]);
    assert_eq!(inline.len(), 1);
    assert_eq!(
        field(&inline[0], "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert_eq!(field(&inline[0], "source"), "inline");
    assert_eq!(field(&inline[0], "format"), "json");
    let by_src = ready.from(&hosts[1]);
    assert_eq!(by_src.len(), 1);
    assert_eq!(field(&by_src[0], "source"), "src");
    assert_eq!(field(&by_src[0], "format"), "json-ld");
    container.remove();
}

#[wasm_bindgen_test]
async fn error_tells_the_kind_and_message() {
    let errors = Heard::new("reader-widget-error");
    let container = page(concat!(
        r#"<reader-widget src="/no-such-article.json"></reader-widget>"#,
        r#"<reader-widget><script type="application/json">{"headline": 1}</script></reader-widget>"#,
    ));
    let hosts = embeds(&container);
    let first = wait_for("the 404's error event", || errors.from(&hosts[0]).pop()).await;
    assert_eq!(field(&first, "kind"), "http");
    assert!(field(&first, "message").contains("HTTP 404"));
    let second = wait_for("the malformed article's error event", || {
        errors.from(&hosts[1]).pop()
    })
    .await;
    assert_eq!(field(&second, "kind"), "malformed");
    assert_eq!(
        field(&second, "message"),
        "wrong type in the article: headline must be a string, not a number"
    );
    container.remove();
}

fn property(host: &HtmlElement, name: &str) -> JsValue {
    js_sys::Reflect::get(host, &JsValue::from_str(name)).expect("a property")
}

#[wasm_bindgen_test]
async fn text_size_changes_are_told_with_who_made_them_and_the_property_sets_them() {
    let container = page(&format!("{}{}", inline_embed(""), inline_embed("")));
    let hosts = embeds(&container);
    for host in &hosts {
        rendered(host).await;
    }
    click_size(&hosts[0], "md").await;
    let changes = Heard::new("reader-widget-textsizechange");
    click_size(&hosts[0], "lg").await;
    wait_for("both embeds to tell", || {
        (hosts.iter().all(|host| !changes.from(host).is_empty())).then_some(())
    })
    .await;
    for host in &hosts {
        let change = changes.from(host).pop().expect("a change");
        assert_eq!(
            (
                field(&change, "from"),
                field(&change, "to"),
                field(&change, "by")
            ),
            ("md".into(), "lg".into(), "reader".into())
        );
    }
    assert_eq!(
        property(&hosts[1], "textSize").as_string().as_deref(),
        Some("lg")
    );
    js_sys::Reflect::set(
        &hosts[1],
        &JsValue::from_str("textSize"),
        &JsValue::from_str("sm"),
    )
    .expect("set");
    wait_for("the first embed to follow the property", || {
        find(&hosts[0], ".rw-article.rw-size-sm")
    })
    .await;
    let change = wait_for("the script's change", || {
        changes
            .from(&hosts[0])
            .into_iter()
            .find(|change| field(change, "to") == "sm")
    })
    .await;
    assert_eq!(field(&change, "by"), "script");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_article_property_is_the_model_as_a_frozen_object() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    let article = property(&host, "article");
    assert_eq!(
        field(&article, "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert!(js_sys::Object::is_frozen(
        article.unchecked_ref::<js_sys::Object>()
    ));
    let body: js_sys::Array = js_sys::Reflect::get(&article, &JsValue::from_str("body"))
        .expect("a body")
        .unchecked_into();
    assert_eq!(body.length(), 10);
    assert_eq!(field(&body.get(0), "type"), "paragraph");
    let missing = page(r#"<reader-widget src="/no-such-article.json"></reader-widget>"#);
    let broken = embeds(&missing).remove(0);
    wait_for("the error", || find(&broken, ".rw-status--error")).await;
    assert!(property(&broken, "article").is_null());
    container.remove();
    missing.remove();
}

#[wasm_bindgen_test]
async fn reload_fetches_src_again() {
    let url = blob_url(SEED);
    let errors = Heard::new("reader-widget-error");
    let container = page(&format!(r#"<reader-widget src="{url}"></reader-widget>"#));
    let host = embeds(&container).remove(0);
    rendered(&host).await;
    // Once the URL is gone, only a new fetch can fail.
    web_sys::Url::revoke_object_url(&url).expect("revoked");
    let reload: js_sys::Function = property(&host, "reload").unchecked_into();
    reload.call0(&host).expect("reload()");
    let error = wait_for("the refetch to fail", || errors.from(&host).pop()).await;
    assert_eq!(field(&error, "kind"), "network");
    container.remove();
}

#[wasm_bindgen_test]
async fn reads_an_article_of_semantic_html_and_hides_it_while_the_widget_shows() {
    let ready = Heard::new("reader-widget-ready");
    let (container, host) = rendered_embed(concat!(
        r#"<reader-widget><article lang="en"><h1>From markup</h1>"#,
        r#"<p class="byline"><a rel="author" href="/a">Ann Lee</a></p>"#,
        r#"<p>First paragraph.</p><h2>More</h2><p>Second paragraph.</p></article></reader-widget>"#
    ))
    .await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(headline.as_deref(), Some("From markup"));
    let byline = find(&host, ".rw-article__byline").and_then(|b| b.text_content());
    assert_eq!(byline.as_deref(), Some("Ann Lee"));
    let subheading = find(&host, ".rw-article__subheading").and_then(|s| s.text_content());
    assert_eq!(subheading.as_deref(), Some("More"));
    let light: HtmlElement = host
        .query_selector("article")
        .expect("a selector")
        .and_then(|article| article.dyn_into().ok())
        .expect("the markup stays in the document");
    assert_eq!(
        light.get_client_rects().length(),
        0,
        "the markup is not shown while the widget is"
    );
    let told = ready.from(&host).pop().expect("a ready event");
    assert_eq!(field(&told, "format"), "html");
    container.remove();
}

/// The bytes of WebAssembly memory and, where the browser tells (Chromium), of JS heap in use,
/// after a garbage collection where the browser allows one.
async fn memory_in_use() -> (f64, Option<f64>) {
    if let Ok(gc) = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("gc")) {
        if let Some(gc) = gc.dyn_ref::<js_sys::Function>() {
            let _ = gc.call0(&JsValue::NULL);
        }
    }
    sleep(50).await;
    let wasm = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
    let heap = web_sys::window()
        .and_then(|window| window.performance())
        .and_then(|performance| {
            js_sys::Reflect::get(&performance, &JsValue::from_str("memory")).ok()
        })
        .and_then(|memory| js_sys::Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize")).ok())
        .and_then(|used| used.as_f64());
    (f64::from(wasm), heap)
}

/// Adds `rounds` batches of 50 embeds, waits for each to render, and removes them.
async fn add_and_remove_embeds(rounds: usize) {
    let one = inline_embed("");
    for _ in 0..rounds {
        let container = page(&one.repeat(50));
        for host in embeds(&container) {
            rendered(&host).await;
        }
        container.remove();
        sleep(10).await;
    }
}

#[wasm_bindgen_test]
async fn adding_and_removing_500_embeds_gives_the_memory_back() {
    // Warming up grows the WebAssembly memory and fills the pool of apps; memory never shrinks,
    // so growth is measured from there.
    add_and_remove_embeds(2).await;
    let (wasm_before, heap_before) = memory_in_use().await;
    add_and_remove_embeds(10).await;
    let (wasm_after, heap_after) = memory_in_use().await;
    assert!(
        wasm_after <= wasm_before * 1.1,
        "WebAssembly memory grew from {wasm_before} to {wasm_after} bytes"
    );
    if let (Some(before), Some(after)) = (heap_before, heap_after) {
        assert!(
            after <= before * 1.1,
            "the JS heap grew from {before} to {after} bytes"
        );
    }
}

#[wasm_bindgen_test]
async fn a_removed_element_lets_go_of_its_article_and_renders_again_when_put_back() {
    let (container, host) = rendered_embed(&inline_embed("")).await;
    host.remove();
    sleep(50).await;
    let shadow_content = shadow(&host).query_selector(".rw").expect("a selector");
    assert!(
        shadow_content.is_none(),
        "a removed element keeps nothing rendered"
    );
    assert!(property(&host, "article").is_null());
    container.append_child(&host).expect("put back");
    rendered(&host).await;
    assert_eq!(
        field(&property(&host, "article"), "headline"),
        "US, Russia Fail to Agree on Syria Resolution"
    );
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

const NO_LANGUAGE: &str = r#"{"headline":"H","body":[{"type":"paragraph","text":"Text"}],"published":"2013-09-24T00:00:00Z"}"#;

#[wasm_bindgen_test]
async fn the_widget_speaks_the_elements_language_when_the_article_has_none() {
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget lang="ru"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>"#
    ))
    .await;
    let skip = find(&host, ".rw-skip-link").and_then(|link| link.text_content());
    assert_eq!(skip.as_deref(), Some("Перейти к тексту статьи"));
    let legend = find(&host, ".rw-sizes__legend").and_then(|legend| legend.text_content());
    assert_eq!(legend.as_deref(), Some("Размер текста"));
    // Dates come from the browser's Intl, in the same language.
    let date = find(&host, ".rw-article__date")
        .and_then(|date| date.text_content())
        .unwrap_or_default();
    assert!(date.contains("2013") && date.contains("сентября"), "{date}");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_direction_override_in_the_caption_cannot_reorder_the_credit_label() {
    // U+202E RIGHT-TO-LEFT OVERRIDE, never closed: without isolation it would run on into the
    // widget's "Image:" label and the credit after the caption.
    let article = r#"{"headline":"H","lang":"en","image":{"src":"a.svg","alt":"","caption":"Caption \u202e override","credit":"Credit"},"byline":"By \u202e someone","body":[{"type":"paragraph","text":"Text"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/json">{article}</script></reader-widget>"#
    ))
    .await;
    let credit = find(&host, ".rw-article__credit").expect("the credit");
    let label = credit.first_child().expect("the label's text");
    let credit_text = find(&host, ".rw-article__credit bdi").expect("the credit's text");
    let range = document().create_range().unwrap();
    range.select_node_contents(&label).unwrap();
    let label_left = range.get_bounding_client_rect().left();
    let credit_left = credit_text.get_bounding_client_rect().left();
    assert!(
        label_left < credit_left,
        "the label starts at {label_left}, the credit at {credit_left}"
    );
    let byline = find(&host, ".rw-article__byline").expect("the byline");
    assert_eq!(computed(&byline, "unicode-bidi"), "isolate");
    container.remove();
}

#[wasm_bindgen_test]
async fn deeply_nested_json_in_an_unknown_field_is_read_past() {
    // The browser's JSON.parse takes the nesting; the widget reads only the fields it knows.
    let deep = format!(
        r#"{{"headline":"Deep","extra":{}{},"body":[{{"type":"paragraph","text":"Text"}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget><script type="application/json">{deep}</script></reader-widget>"#
    ))
    .await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(headline.as_deref(), Some("Deep"));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_language_tag_intl_refuses_gives_an_english_date_and_stops_nothing() {
    // "en_US" is how many CMSs write locales; Intl.DateTimeFormat throws a RangeError on it, and
    // on the others, which the browser fuzzing tier found (seed 20261201, cases 32, 181, 240,
    // 254, 332, 872 and 962 against the build before this was caught).
    let tags = [
        "en_US",
        "e",
        "\u{202e}en",
        "root",
        "i-default",
        "Kerry and Lavrov",
        "null",
        "12",
    ];
    let embeds_markup: String = tags
        .iter()
        .map(|tag| {
            format!(
                r#"<reader-widget><script type="application/json">{{"headline":"Locale","lang":"{tag}","published":"2013-09-24T12:00:00Z","body":[{{"type":"paragraph","text":"Text"}}]}}</script></reader-widget>"#
            )
        })
        .collect();
    let (container, host) = rendered_embed(&format!("{embeds_markup}{}", inline_embed(""))).await;
    for (tag, host) in tags.iter().zip(embeds(&container)) {
        rendered(&host).await;
        let date = find(&host, ".rw-article__date").and_then(|date| date.text_content());
        assert_eq!(date.as_deref(), Some("24 September 2013"), "{tag}");
    }
    // The widget goes on: the other embed follows a size step, and a new one renders.
    let sibling = embeds(&container).remove(tags.len());
    rendered(&sibling).await;
    click_size(&sibling, "lg").await;
    click_size(&sibling, "md").await;
    assert_eq!(checked_step(&host).as_deref(), Some("md"));
    let (later, _) = rendered_embed(&inline_embed("")).await;
    later.remove();
    container.remove();
}

/// A value nested `depth` levels deep: arrays inside arrays, or objects whose every member is
/// named `key`, around a string, as the browser's JSON.parse takes it (serde_json, natively,
/// stops at 128).
fn nested(depth: usize, key: Option<&str>) -> String {
    match key {
        None => format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth)),
        Some(key) => format!(
            "{}\"x\"{}",
            format!("{{\"{key}\":").repeat(depth),
            "}".repeat(depth)
        ),
    }
}

#[wasm_bindgen_test]
async fn every_field_of_both_readers_takes_nesting_as_deep_as_json_parse_does() {
    // Every field either reader looks at, holding 100 000 levels of arrays and of objects (the
    // JSON-LD reader once recursed into nested images until the WebAssembly stack ran out).
    const DEPTH: usize = 100_000;
    let widget_fields = [
        "headline",
        "standfirst",
        "byline",
        "source",
        "published",
        "lang",
        "url",
        "image",
        "labels",
        "body",
    ];
    let json_ld_fields = [
        "@type",
        "@graph",
        "headline",
        "alternativeHeadline",
        "author",
        "publisher",
        "datePublished",
        "inLanguage",
        "url",
        "mainEntityOfPage",
        "image",
        "articleBody",
    ];
    let mut cases = Vec::new();
    for (field, key) in widget_fields
        .iter()
        .flat_map(|field| [(field, None), (field, Some("a")), (field, Some("src"))])
    {
        let value = nested(DEPTH, key);
        let mut article = members_of(&[
            ("headline", "\"Deep\""),
            ("body", r#"[{"type":"paragraph","text":"Text"}]"#),
        ]);
        article.retain(|(name, _)| name != field);
        article.push((field.to_string(), value));
        cases.push(json_object(&article));
    }
    for (field, key) in json_ld_fields.iter().flat_map(|field| {
        [
            (field, None),
            (field, Some("name")),
            (field, Some("url")),
            (field, Some("value")),
        ]
    }) {
        let value = nested(DEPTH, key);
        let mut article = members_of(&[
            ("@type", "\"NewsArticle\""),
            ("headline", "\"Deep\""),
            ("articleBody", "\"Text\""),
        ]);
        article.retain(|(name, _)| name != field);
        article.push((field.to_string(), value));
        cases.push(json_object(&article));
    }
    cases.push(format!(
        r#"{{"@type":"NewsArticle","headline":"Deep","articleBody":"Text","image":{{"@type":"ImageObject","url":"a.png","width":{}}}}}"#,
        nested(DEPTH, Some("value"))
    ));
    let embeds_markup: String = cases
        .iter()
        .map(|json| {
            format!(
                r#"<reader-widget><script type="application/json">{json}</script></reader-widget>"#
            )
        })
        .collect();
    let container = page(&format!("{}{embeds_markup}", inline_embed("")));
    let hosts = embeds(&container);
    for (index, host) in hosts.iter().enumerate() {
        wait_for(
            &format!("case {index} to show its article or its error"),
            || find(host, ".rw-article__headline, .rw-status--error"),
        )
        .await;
    }
    // The widget still works for every embed: the first one, the seed, follows a size step.
    let sentinel = hosts.first().expect("the seed embed");
    click_size(sentinel, "lg").await;
    click_size(sentinel, "md").await;
    assert_eq!(checked_step(sentinel).as_deref(), Some("md"));
    let fresh = page(&inline_embed(""));
    rendered(&embeds(&fresh).remove(0)).await;
    fresh.remove();
    container.remove();
}

/// Members of a JSON object, as (name, JSON text) pairs.
fn members_of(members: &[(&str, &str)]) -> Vec<(String, String)> {
    members
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

fn json_object(members: &[(String, String)]) -> String {
    let inner: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("\"{name}\":{value}"))
        .collect();
    format!("{{{}}}", inner.join(","))
}

#[wasm_bindgen_test]
async fn without_a_language_of_its_own_the_widget_speaks_its_ancestors() {
    let (container, host) = rendered_embed(&format!(
        r#"<div lang="uk"><section><reader-widget><script type="application/json">{NO_LANGUAGE}</script></reader-widget></section></div>"#
    ))
    .await;
    let legend = find(&host, ".rw-sizes__legend").and_then(|legend| legend.text_content());
    assert_eq!(legend.as_deref(), Some("Розмір тексту"));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_articles_language_wins_and_a_right_to_left_widget_mirrors_its_layout() {
    let persian = r#"{"headline":"عنوان","lang":"fa","body":[{"type":"paragraph","text":"متن"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget lang="ru"><script type="application/json">{persian}</script></reader-widget>"#
    ))
    .await;
    let legend = find(&host, ".rw-sizes__legend").expect("a legend");
    assert_eq!(legend.text_content().as_deref(), Some("اندازهٔ متن"));
    let root = find(&host, ".rw").expect("the root");
    assert_eq!(computed(&root, "direction"), "rtl");
    // Mirrored: the steps run right to left, XS rightmost.
    let left = |code: &str| step_label(&host, code).get_bounding_client_rect().left();
    assert!(
        left("xs") > left("lg"),
        "XS at {} and LG at {}",
        left("xs"),
        left("lg")
    );
    container.remove();
}

/// Runs `during` with `console.warn` recording its messages instead of printing them.
async fn console_warnings<F: std::future::Future<Output = ()>>(during: F) -> Vec<String> {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = js_sys::Reflect::get(&console, &"warn".into()).unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(JsValue)>::new(move |message: JsValue| {
            seen.borrow_mut()
                .push(message.as_string().unwrap_or_default());
        })
    };
    js_sys::Reflect::set(&console, &"warn".into(), record.as_ref()).unwrap();
    during.await;
    js_sys::Reflect::set(&console, &"warn".into(), &original).unwrap();
    let seen = seen.borrow().clone();
    seen
}

#[wasm_bindgen_test]
async fn a_language_the_widget_does_not_speak_falls_back_to_english_said_once() {
    let mut container = None;
    let warnings = console_warnings(async {
        let page = page(&format!(
            r#"<reader-widget lang="pt-BR"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>
               <reader-widget lang="pt-BR"><script type="application/json">{NO_LANGUAGE}</script></reader-widget>"#
        ));
        for host in embeds(&page) {
            rendered(&host).await;
            let skip = find(&host, ".rw-skip-link").and_then(|link| link.text_content());
            assert_eq!(skip.as_deref(), Some("Skip to article text"));
            let root = find(&host, ".rw").expect("the root");
            assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
        }
        container = Some(page);
    })
    .await;
    let about_the_language: Vec<&String> = warnings
        .iter()
        .filter(|warning| warning.contains("pt-BR"))
        .collect();
    assert_eq!(about_the_language.len(), 1, "{warnings:?}");
    assert!(about_the_language[0].contains("English"), "{warnings:?}");
    if let Some(container) = container {
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn a_right_to_left_widget_puts_its_skip_links_and_caption_on_the_right() {
    let fa = include_str!("../demo/articles/syria-resolution.fa.json");
    let (container, host) = rendered_embed(&format!(
        r#"<div style="width: 600px"><reader-widget><script type="application/json">{fa}</script></reader-widget></div>"#
    ))
    .await;
    let root = find(&host, ".rw")
        .expect("the root")
        .get_bounding_client_rect();
    let link = find(&host, ".rw-skip-link").expect("a skip link");
    // Skip links are off screen until focused.
    link.focus().unwrap();
    let link = link.get_bounding_client_rect();
    assert!(
        (root.right() - link.right()).abs() < (root.left() - link.left()).abs(),
        "the skip link spans {}..{} in {}..{}",
        link.left(),
        link.right(),
        root.left(),
        root.right()
    );
    let caption = find(&host, ".rw-article__caption").expect("a caption");
    assert_eq!(computed(&caption, "direction"), "rtl");
    assert!(
        ["right", "start"].contains(&computed(&caption, "text-align").as_str()),
        "{}",
        computed(&caption, "text-align")
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn the_labels_attribute_wins_over_the_articles_labels_which_win_over_the_table() {
    let article = r#"{"headline":"H","lang":"es","labels":{"skipToArticle":"Al artículo","textSize":"Letra"},"body":[{"type":"paragraph","text":"Texto"}]}"#;
    let (container, host) = rendered_embed(&format!(
        r#"<reader-widget labels='{{"textSize": "Tamaño de letra"}}'><script type="application/json">{article}</script></reader-widget>"#
    ))
    .await;
    let text = |selector: &str| find(&host, selector).and_then(|node| node.text_content());
    // From the attribute, the article's field, and the Spanish table.
    assert_eq!(
        text(".rw-sizes__legend").as_deref(),
        Some("Tamaño de letra")
    );
    assert_eq!(text(".rw-skip-link").as_deref(), Some("Al artículo"));
    let skip_past = shadow(&host)
        .query_selector_all(".rw-skip-link")
        .unwrap()
        .item(1)
        .and_then(|node| node.text_content());
    assert_eq!(skip_past.as_deref(), Some("Saltar este artículo"));
    // A new attribute value takes effect; a malformed one keeps the built-in labels.
    host.set_attribute("labels", r#"{"textSize": "Tamaño"}"#)
        .unwrap();
    wait_for("the new legend", || {
        text(".rw-sizes__legend").filter(|legend| legend == "Tamaño")
    })
    .await;
    host.set_attribute("labels", "{not json").unwrap();
    wait_for("the article's legend", || {
        text(".rw-sizes__legend").filter(|legend| legend == "Letra")
    })
    .await;
    container.remove();
}

/// A JSON string literal holding `text`, fit for an inline script: `</` written `<\/`, as a
/// publisher must, or the HTML parser would end the script there.
fn json_string(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .ok()
        .and_then(|json| json.as_string())
        .expect("a string literal")
        .replace("</", "<\\/")
}

/// `text` as HTML text, with `&` and `<` escaped.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// One article in each of the widget's three source kinds (its JSON, JSON-LD and the
/// publisher's markup), as embeds: `paragraphs` empty gives an article without a body.
fn in_each_source_kind(
    headline: &str,
    byline: &str,
    image_src: &str,
    source_url: &str,
    paragraphs: &[&str],
) -> [(&'static str, String); 3] {
    let json_blocks: Vec<String> = paragraphs
        .iter()
        .map(|text| format!(r#"{{"type":"paragraph","text":{}}}"#, json_string(text)))
        .collect();
    let json = format!(
        r#"{{"headline":{},"byline":{},"image":{{"src":{},"alt":"A"}},"source":{{"name":"Agency","url":{}}},"body":[{}]}}"#,
        json_string(headline),
        json_string(byline),
        json_string(image_src),
        json_string(source_url),
        json_blocks.join(",")
    );
    let json_ld = format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":{},"author":{{"name":{}}},"image":{{"url":{}}},"publisher":{{"name":"Agency","url":{}}},"articleBody":{}}}"#,
        json_string(headline),
        json_string(byline),
        json_string(image_src),
        json_string(source_url),
        json_string(&paragraphs.join("\n\n"))
    );
    let markup_paragraphs: String = paragraphs
        .iter()
        .map(|text| format!("<p>{}</p>", html_text(text)))
        .collect();
    let markup = format!(
        r#"<article><h1>{}</h1><p class="byline">{}</p><p class="source"><a href="{}">Agency</a></p><figure><img src="{}" alt="A"></figure>{markup_paragraphs}</article>"#,
        html_text(headline),
        html_text(byline),
        source_url.replace('"', "&quot;"),
        image_src.replace('"', "&quot;")
    );
    [
        (
            "json",
            format!(
                r#"<reader-widget><script type="application/json">{json}</script></reader-widget>"#
            ),
        ),
        (
            "json-ld",
            format!(
                r#"<reader-widget><script type="application/ld+json">{json_ld}</script></reader-widget>"#
            ),
        ),
        ("html", format!("<reader-widget>{markup}</reader-widget>")),
    ]
}

#[wasm_bindgen_test]
async fn hostile_text_and_urls_are_harmless_in_each_source_kind() {
    const MARKUP: &str = r#"<img src=x onerror="window.__attacked = true">"#;
    const SCRIPT: &str = "<script>window.__attacked = true</script>";
    const OVERRIDE: &str = "By \u{202e}someone";
    for (kind, embed) in in_each_source_kind(
        MARKUP,
        OVERRIDE,
        "vbscript:x",
        "javascript:alert(1)",
        &[SCRIPT],
    ) {
        let mut rendered_host = None;
        let warnings = console_warnings(async {
            let container = page(&embed);
            let host = embeds(&container).remove(0);
            rendered(&host).await;
            rendered_host = Some((container, host));
        })
        .await;
        let (container, host) = rendered_host.expect("rendered");
        // Markup in text fields is text.
        let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
        assert_eq!(headline.as_deref(), Some(MARKUP), "{kind}");
        let paragraph = find(&host, ".rw-article__paragraph").and_then(|p| p.text_content());
        assert_eq!(paragraph.as_deref(), Some(SCRIPT), "{kind}");
        assert!(find(&host, "script").is_none(), "{kind}: a script element");
        // The image's URL is not a web link: the image goes, and the console says why.
        assert!(find(&host, "img").is_none(), "{kind}: an image");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("ignored the image URL \"vbscript:x\"")),
            "{kind}: {warnings:?}"
        );
        // The source's javascript: URL is no link; its name stays, as text.
        assert!(find(&host, "a[href^=javascript]").is_none(), "{kind}");
        let source = find(&host, ".rw-article__source").and_then(|s| s.text_content());
        assert_eq!(source.as_deref(), Some("Agency"), "{kind}");
        // The override stays inside the byline.
        let byline = find(&host, ".rw-article__byline").expect("the byline");
        assert_eq!(byline.text_content().as_deref(), Some(OVERRIDE), "{kind}");
        assert_eq!(computed(&byline, "unicode-bidi"), "isolate", "{kind}");
        let attacked = js_sys::Reflect::get(&js_sys::global(), &"__attacked".into()).unwrap();
        assert!(attacked.is_undefined(), "{kind}: the page's script ran");
        container.remove();
    }
}

#[wasm_bindgen_test]
async fn limits_and_an_empty_body_fail_alike_in_each_source_kind() {
    let long_headline = "h".repeat(reader_widget::article::MAX_HEADLINE_CHARS + 1);
    let long_paragraph = "p".repeat(reader_widget::article::MAX_TEXT_CHARS + 1);
    let cases = [
        ("too-large", long_headline.as_str(), vec!["Text"]),
        (
            "too-large",
            "Headline",
            vec!["Text", long_paragraph.as_str()],
        ),
        ("empty-body", "Headline", vec![]),
    ];
    for (expected, headline, paragraphs) in cases {
        let errors = Heard::new("reader-widget-error");
        for (kind, embed) in
            in_each_source_kind(headline, "By", "a.svg", "https://example.org/", &paragraphs)
        {
            let container = page(&embed);
            let host = embeds(&container).remove(0);
            let error = wait_for("the error event", || errors.from(&host).pop()).await;
            assert_eq!(
                field(&error, "kind"),
                expected,
                "{kind}: {}",
                field(&error, "message")
            );
            assert!(find(&host, ".rw-article").is_none(), "{kind}");
            container.remove();
        }
    }
}

/// The seed article's server-rendered snippet, as `reader-widget-snippet` writes it (a native
/// test in `src/snippet.rs` keeps it current).
const SERVER_RENDERED: &str = include_str!("fixtures/server-rendered-seed.html");

/// A container, not yet in the page, holding `html` parsed as a page's HTML is, declarative
/// shadow roots included (`setHTMLUnsafe`; `innerHTML` leaves them as templates).
#[cfg(feature = "hydration")]
fn parsed_with_shadow_roots(html: &str) -> Element {
    reader_widget::define_element();
    let container = document().create_element("div").expect("a div");
    let set_html = js_sys::Reflect::get(&container, &"setHTMLUnsafe".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .expect("setHTMLUnsafe");
    set_html
        .call1(&container, &JsValue::from_str(html))
        .expect("parsed");
    container
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn hydration_keeps_the_server_rendered_nodes_and_makes_them_live() {
    let ready = Heard::new("reader-widget-ready");
    let container = parsed_with_shadow_roots(SERVER_RENDERED);
    let host = embeds(&container).remove(0);
    // The snippet's nodes, before the widget has seen them.
    let before: Vec<HtmlElement> = [
        ".rw",
        ".rw-article",
        ".rw-article__headline",
        ".rw-article__paragraph",
        ".rw-skip-link",
        ".rw-sizes__input",
    ]
    .iter()
    .map(|selector| find(&host, selector).expect("server-rendered"))
    .collect();
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    let detail = wait_for("the ready event", || ready.from(&host).pop()).await;
    assert_eq!(field(&detail, "format"), "html");
    let after = [
        ".rw",
        ".rw-article",
        ".rw-article__headline",
        ".rw-article__paragraph",
        ".rw-skip-link",
        ".rw-sizes__input",
    ]
    .map(|selector| find(&host, selector).expect("still there"));
    for (was, is) in before.iter().zip(after.iter()) {
        let is: &web_sys::Node = is.as_ref();
        assert!(
            was.is_same_node(Some(is)),
            "{} was replaced",
            was.class_name()
        );
    }
    // One article, one switcher: nothing rendered beside the snippet's markup.
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    // The switcher is live: each step sizes the article, and the skip link moves focus.
    let medium = {
        click_size(&host, "md").await;
        paragraph_size(&host)
    };
    click_size(&host, "lg").await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.5);
    let paragraph = find(&host, ".rw-article__paragraph").expect("a paragraph");
    let paragraph: &web_sys::Node = paragraph.as_ref();
    assert!(after[3].is_same_node(Some(paragraph)));
    find(&host, ".rw-skip-link").expect("a skip link").click();
    let focused = shadow(&host)
        .active_element()
        .map(|element| element.class_name())
        .unwrap_or_default();
    assert!(
        focused.contains("rw-article__body"),
        "focus is on {focused:?}"
    );
    click_size(&host, "md").await;
    container.remove();
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn a_snippet_whose_article_was_edited_is_rendered_anew_not_taken_over() {
    // A paragraph added to the light-DOM article after the snippet was made: the server's markup
    // no longer matches, and taking it over would meet nodes the app does not expect.
    let edited = SERVER_RENDERED.replacen(
        "</article>\n</reader-widget>",
        "<p>A paragraph added later.</p></article>\n</reader-widget>",
        1,
    );
    assert_ne!(edited, SERVER_RENDERED);
    let (container, host, kept) = start_snippet(&edited).await;
    assert!(!kept, "taken over");
    let last = shadow(&host)
        .query_selector(".rw-article__paragraph:last-child")
        .ok()
        .flatten()
        .and_then(|p| p.text_content());
    assert_eq!(last.as_deref(), Some("A paragraph added later."));
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    container.remove();
}

/// `snippet` parsed as a page's HTML, put in the page and started: its container, its element,
/// and whether its server-rendered article node is still the one shown (taken over) rather than
/// replaced (rendered anew).
#[cfg(feature = "hydration")]
async fn start_snippet(snippet: &str) -> (Element, HtmlElement, bool) {
    let ready = Heard::new("reader-widget-ready");
    let container = parsed_with_shadow_roots(snippet);
    let host = embeds(&container).remove(0);
    let server_article = find(&host, ".rw-article").expect("server-rendered");
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    wait_for("the ready event", || ready.from(&host).pop()).await;
    let article = find(&host, ".rw-article").expect("an article");
    let article: &web_sys::Node = article.as_ref();
    let kept = server_article.is_same_node(Some(article));
    (container, host, kept)
}

/// What became of a snippet once the widget started: taken over (`true`) or rendered anew.
/// Either way the embed must show one article whose size steps work.
#[cfg(feature = "hydration")]
async fn taken_over(snippet: &str) -> bool {
    let (container, host, kept) = start_snippet(snippet).await;
    assert_eq!(
        shadow(&host)
            .query_selector_all(".rw-article")
            .expect("a selector")
            .length(),
        1
    );
    click_size(&host, "md").await;
    let medium = paragraph_size(&host);
    click_size(&host, "lg").await;
    assert!((paragraph_size(&host) - medium * 1.25).abs() < 0.5);
    click_size(&host, "md").await;
    container.remove();
    kept
}

/// `html` with `change` applied to the widget markup inside its declarative shadow root only.
#[cfg(feature = "hydration")]
fn in_the_shadow_markup(html: &str, change: impl Fn(&str) -> String) -> String {
    let start = html.find("<div class=\"rw-mount\"").expect("the mount");
    let end = html.find("</template>").expect("the template's end");
    format!(
        "{}{}{}",
        &html[..start],
        change(&html[start..end]),
        &html[end..]
    )
}

#[cfg(feature = "hydration")]
#[wasm_bindgen_test]
async fn a_snippet_through_an_html_pipeline_is_taken_over_only_while_its_markup_is_unchanged() {
    assert!(taken_over(SERVER_RENDERED).await, "the snippet as written");

    // What minifiers, CDNs' auto-minify and CMS editors do to markup. Each of these once met
    // Yew's hydration with nodes it did not expect, which stopped every embed on the page.
    let without_comments = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        let mut kept = String::new();
        let mut rest = markup;
        while let Some(open) = rest.find("<!--") {
            kept.push_str(&rest[..open]);
            let close = rest[open..].find("-->").expect("a closed comment");
            rest = &rest[open + close + 3..];
        }
        kept.push_str(rest);
        kept
    });
    let pretty_printed =
        in_the_shadow_markup(SERVER_RENDERED, |markup| markup.replace("><", ">\n  <"));
    let collapsed = in_the_shadow_markup(SERVER_RENDERED, |markup| markup.replace("> <", "><"));
    let without_parts = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        markup
            .replace(" part=\"skip-link\"", "")
            .replace(" part=\"article\"", "")
    });
    let without_data = SERVER_RENDERED.replacen(" data-server-rendered=", " data-x=", 1);
    let version = SERVER_RENDERED
        .split("data-server-rendered=\"")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("the version");
    let earlier_build = SERVER_RENDERED.replacen(version, "0.1.0+00000000", 1);
    for (what, snippet) in [
        ("comments removed", &without_comments),
        ("whitespace added between tags", &pretty_printed),
        ("whitespace between tags removed", &collapsed),
        ("part attributes stripped", &without_parts),
        ("data attributes stripped", &without_data),
        ("an earlier build's markup", &earlier_build),
    ] {
        assert_ne!(snippet, SERVER_RENDERED, "{what}: the change applies");
        assert!(!taken_over(snippet).await, "{what}: taken over");
    }

    // The same tree spelled otherwise is the same markup: taken over.
    let requoted = in_the_shadow_markup(SERVER_RENDERED, |markup| {
        markup
            .replace(
                "<div lang=\"en\" dir=\"ltr\" class=\"rw\">",
                "<div class='rw' dir=ltr lang='en'>",
            )
            .replace(" checked ", " checked=\"\" ")
    });
    assert_ne!(requoted, SERVER_RENDERED);
    assert!(
        taken_over(&requoted).await,
        "attributes reordered and requoted"
    );
    // A CMS editor's round trip: parsed (the template stays a template) and serialized again.
    let round_trip = {
        let editor = document().create_element("div").expect("a div");
        editor.set_inner_html(SERVER_RENDERED);
        let parsed = web_sys::DomParser::new()
            .expect("a DOMParser")
            .parse_from_string(&editor.inner_html(), web_sys::SupportedType::TextHtml)
            .expect("parsed");
        parsed.body().expect("a body").inner_html()
    };
    assert!(round_trip.contains("shadowrootmode"), "{round_trip}");
    assert!(
        taken_over(&round_trip).await,
        "round-tripped through innerHTML and DOMParser"
    );
}

#[wasm_bindgen_test]
async fn without_declarative_shadow_roots_the_snippet_renders_from_its_markup() {
    // `innerHTML` leaves the template a template, as a browser without declarative shadow roots
    // does: the widget reads the light-DOM article and renders as it always has.
    let (container, host) = rendered_embed(SERVER_RENDERED).await;
    let headline = find(&host, ".rw-article__headline").and_then(|h| h.text_content());
    assert_eq!(
        headline.as_deref(),
        Some("US, Russia Fail to Agree on Syria Resolution")
    );
    assert!(find(&host, "[data-server-rendered]").is_none());
    container.remove();
}
