//! How embeds arrive: many at once rendered over several tasks but shown in one frame, a page
//! that broke measuring, an embed removed before it is shown, and a `src` embed's placeholder.

use super::*;

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
    // As the publisher guide has publishers style it: before its shadow root, the element is inline, and
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
