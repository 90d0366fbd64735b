//! The `<reader-widget>` element: its definition, what happens when one is connected,
//! disconnected or has an attribute changed, and its JavaScript API (`textSize`, `article`,
//! `reload()`). Each connected element gets an open shadow root holding the shared stylesheet
//! and one Yew app; all of them share this one WebAssembly instance. A server-rendered
//! snippet's shadow root is taken over as it is, where the build has the `hydration` feature.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode, Url};
use yew::{AppHandle, AttrValue};

use crate::article::LabelOverrides;
use crate::browser::app::{ArticleSource, EmbedRoot, EmbedRootProps, ReaderAppProps, SharedView};
use crate::browser::text_size_store::{self, ChangeOrigin};
use crate::browser::{arrivals, console, events, first_paint, styles};
use crate::markup::{self, MarkupNode};
use crate::shared_names::{MOUNT_CLASS, MOUNT_SELECTOR};
use crate::text_size::{TextSize, TextSizeError};

#[wasm_bindgen(module = "/js/define-element.js")]
extern "C" {
    /// Defines the element class, which calls the functions in `rust` (see the snippet).
    #[wasm_bindgen(js_name = defineReaderWidget)]
    fn define_reader_widget(rust: &js_sys::Object) -> bool;

    /// The JSON text of the article given through the element's `article` property, or
    /// `undefined`; it never throws.
    #[wasm_bindgen(js_name = givenArticle)]
    fn given_article(host: &HtmlElement) -> JsValue;
}

/// A connected element and its app. The app is taken out while Yew works on it, so that the
/// registry is never borrowed while the widget's events reach the page's listeners (which may
/// read `article` or set `textSize`).
struct Embed {
    host: HtmlElement,
    instance: u32,
    reloads: u32,
    view: SharedView,
    app: Option<AppHandle<EmbedRoot>>,
    /// The app's root element, inside the shadow root.
    mount: Element,
}

/// A Yew app and its root element, waiting for an embed.
type IdleApp = (Element, AppHandle<EmbedRoot>);

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
    static EMBEDS: RefCell<Vec<Embed>> = const { RefCell::new(Vec::new()) };
    static LAST_INSTANCE: Cell<u32> = const { Cell::new(0) };
    /// Apps from disconnected elements, kept for the next connected one: see [`EmbedRoot`].
    static IDLE_APPS: RefCell<Vec<IdleApp>> = const { RefCell::new(Vec::new()) };
}

/// Defines `<reader-widget>` unless this page already has it (from this module or from another
/// copy of the script). Safe to call more than once.
pub fn define_element() {
    if DEFINED.with(|defined| defined.replace(true)) {
        return;
    }
    crate::labels::use_long_dates(crate::browser::throwing::long_date);
    crate::components::use_focus_moves(crate::browser::focus::MOVES);
    // The element class keeps calling these for the page's lifetime, so they are never freed.
    let rust = js_sys::Object::new();
    let functions = [
        (
            "connect",
            Closure::<dyn Fn(HtmlElement)>::new(connect).into_js_value(),
        ),
        (
            "disconnect",
            Closure::<dyn Fn(HtmlElement)>::new(disconnect).into_js_value(),
        ),
        (
            "attributeChanged",
            Closure::<dyn Fn(HtmlElement)>::new(attribute_changed).into_js_value(),
        ),
        (
            "textSize",
            Closure::<dyn Fn(HtmlElement) -> String>::new(text_size_of).into_js_value(),
        ),
        (
            "setTextSize",
            Closure::<dyn Fn(HtmlElement, String)>::new(set_text_size).into_js_value(),
        ),
        (
            "article",
            Closure::<dyn Fn(HtmlElement) -> JsValue>::new(article_of).into_js_value(),
        ),
        (
            "reload",
            Closure::<dyn Fn(HtmlElement)>::new(reload).into_js_value(),
        ),
    ];
    for (name, function) in functions {
        let _ = js_sys::Reflect::set(&rust, &JsValue::from_str(name), &function);
    }
    define_reader_widget(&rust);
}

fn connect(host: HtmlElement) {
    if EMBEDS.with(|embeds| embeds.borrow().iter().any(|embed| embed.host == host)) {
        return;
    }
    let Some(shadow) = shadow_root(&host) else {
        console::error(&element_name(&host), &"could not attach a shadow root");
        return;
    };
    let instance = LAST_INSTANCE.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    let view = SharedView::default();
    let props = props_of(&host, instance, 0, &view);
    #[cfg(feature = "hydration")]
    if let Some(mount) = crate::browser::hydration::server_rendered_mount(&shadow, &props.source) {
        // Take over the snippet's markup as it is: the same nodes, now live.
        let _ = mount.remove_attribute(crate::shared_names::SERVER_RENDERED_ATTRIBUTE);
        // A step the reader checked before the script came is their choice, made the page's
        // as a click on a live switcher is (the first render showed the stored step instead).
        let rendered = props.requested_size.unwrap_or_default();
        if let Some(step) = first_paint::step_chosen_before(&mount, rendered) {
            text_size_store::choose(step, ChangeOrigin::Reader);
        }
        styles::apply(&shadow);
        register(&host, instance, view, &mount);
        // Without Listen first: the snippet cannot have it (its server does not know the
        // reader's voices), and a first render other than the markup would stop the widget.
        let listen = props.listen;
        let unheard = ReaderAppProps {
            listen: false,
            ..props.clone()
        };
        let mut app = yew::Renderer::<EmbedRoot>::with_root_and_props(
            mount,
            EmbedRootProps {
                embed: Some(unheard),
            },
        )
        .hydrate();
        if listen {
            app.update(EmbedRootProps { embed: Some(props) });
        }
        put_app_back(&host, app);
        return;
    }
    // A reconnected element starts afresh in the shadow root it already has, but for the
    // article the entry painted from this `src`, which stays until the app's own replaces it.
    let painted = first_paint::painted_mount(&shadow, &props.source);
    let children = shadow.child_nodes();
    for child in (0..children.length())
        .rev()
        .filter_map(|index| children.get(index))
    {
        if painted.as_ref().map(AsRef::<web_sys::Node>::as_ref) != Some(&child) {
            let _ = shadow.remove_child(&child);
        }
    }
    if let Some(painted) = &painted {
        // As with a snippet: a step the reader checked there is their choice.
        let (chosen, _) = text_size_store::current_choice();
        let rendered = chosen.or(props.requested_size).unwrap_or_default();
        if let Some(step) = first_paint::step_chosen_before(painted, rendered) {
            text_size_store::choose(step, ChangeOrigin::Reader);
        }
    } else {
        // The painted article's stylesheet is the snippets', the app's styles and more: it stays.
        styles::apply(&shadow);
    }
    // Pooled apps are empty: `retire` keeps only those that rendered themselves empty.
    let pooled = IDLE_APPS.with(|idle| idle.borrow_mut().pop());
    let mount = match &pooled {
        Some((mount, _)) => mount.clone(),
        None => {
            let Some(mount) = shadow
                .owner_document()
                .and_then(|document| document.create_element("div").ok())
            else {
                return;
            };
            let _ = mount.set_attribute("class", MOUNT_CLASS);
            mount
        }
    };
    // Out of sight while the painted article is shown: `holdUntilTogether` shows it in its place.
    let _ = mount.toggle_attribute_with_force("hidden", painted.is_some());
    if shadow.append_child(&mount).is_err() {
        if let Some(idle) = pooled {
            IDLE_APPS.with(|apps| apps.borrow_mut().push(idle));
        }
        return;
    }
    register(&host, instance, view, &mount);
    // An inline article is shown with the others connected in the turns around it; markup
    // replaces what the page already shows, at once, and a `src` first renders nothing.
    if matches!(
        props.source,
        ArticleSource::Inline(_) | ArticleSource::Missing
    ) {
        arrivals::hold(&host);
    }
    let props = EmbedRootProps { embed: Some(props) };
    let app = match pooled {
        Some((_, mut app)) => {
            app.update(props);
            app
        }
        None => yew::Renderer::<EmbedRoot>::with_root_and_props(mount, props).render(),
    };
    put_app_back(&host, app);
}

/// Records a connected element, whose app is on its way.
fn register(host: &HtmlElement, instance: u32, view: SharedView, mount: &Element) {
    EMBEDS.with(|embeds| {
        embeds.borrow_mut().push(Embed {
            host: host.clone(),
            instance,
            reloads: 0,
            view,
            app: None,
            mount: mount.clone(),
        })
    });
}

fn disconnect(host: HtmlElement) {
    let removed = EMBEDS.with(|embeds| {
        let mut embeds = embeds.borrow_mut();
        let index = embeds.iter().position(|embed| embed.host == host)?;
        Some(embeds.swap_remove(index))
    });
    if let Some(Embed {
        app: Some(app),
        mount,
        ..
    }) = removed
    {
        retire(mount, app);
    }
}

/// Empties an app whose element has gone and keeps it for the next element once Yew has
/// rendered it empty, so that no new element ever shows the last one's article. Yew's scheduler
/// usually runs before the next timer task, but not always (WebKit under load): the mount is
/// checked, a few times at most, and an app that does not empty is not kept.
fn retire(mount: Element, mut app: AppHandle<EmbedRoot>) {
    mount.remove();
    app.update(EmbedRootProps { embed: None });
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..20 {
            let tick = js_sys::Promise::new(&mut |resolve, _| {
                if let Some(window) = web_sys::window() {
                    let _ =
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
                }
            });
            let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
            if mount.child_element_count() == 0 {
                IDLE_APPS.with(|idle| idle.borrow_mut().push((mount, app)));
                return;
            }
        }
    });
}

/// Returns an app to its embed; retires it if the element was disconnected meanwhile.
fn put_app_back(host: &HtmlElement, app: AppHandle<EmbedRoot>) {
    let unclaimed = EMBEDS.with(|embeds| {
        match embeds
            .borrow_mut()
            .iter_mut()
            .find(|embed| embed.host == *host)
        {
            Some(embed) => {
                embed.app = Some(app);
                None
            }
            None => Some(app),
        }
    });
    if let Some(app) = unclaimed {
        if let Some(mount) = app_mount(host) {
            retire(mount, app);
        }
    }
}

/// The app root element inside `host`'s shadow root.
fn app_mount(host: &HtmlElement) -> Option<Element> {
    host.shadow_root()?
        .query_selector(MOUNT_SELECTOR)
        .ok()
        .flatten()
}

fn attribute_changed(host: HtmlElement) {
    update(&host, |_| {});
}

/// `reload()`: loads the article again.
fn reload(host: HtmlElement) {
    update(&host, |embed| embed.reloads = embed.reloads.wrapping_add(1));
}

/// Applies `change` to a connected element's embed, then gives its app fresh properties.
fn update(host: &HtmlElement, change: impl FnOnce(&mut Embed)) {
    let work = EMBEDS.with(|embeds| {
        let mut embeds = embeds.borrow_mut();
        let embed = embeds.iter_mut().find(|embed| embed.host == *host)?;
        change(embed);
        let props = props_of(host, embed.instance, embed.reloads, &embed.view);
        Some((embed.app.take()?, props))
    });
    if let Some((mut app, props)) = work {
        app.update(EmbedRootProps { embed: Some(props) });
        put_app_back(host, app);
    }
}

/// The `textSize` property: the step in force, the reader's choice or else the attribute's.
fn text_size_of(host: HtmlElement) -> String {
    let requested = requested_size(&host).ok().flatten();
    text_size_store::reader_choice()
        .or(requested)
        .unwrap_or_default()
        .code()
        .to_owned()
}

/// The `text-size` attribute: `Ok(None)` when it is absent.
fn requested_size(host: &HtmlElement) -> Result<Option<TextSize>, TextSizeError> {
    host.get_attribute("text-size")
        .map(|value| value.parse::<TextSize>())
        .transpose()
}

/// The `labels` attribute: a JSON object of the publisher's texts for the widget's labels. A
/// malformed one is named in the console and the built-in labels are kept.
fn label_overrides(host: &HtmlElement, element_name: &str) -> LabelOverrides {
    let Some(text) = host.get_attribute("labels") else {
        return LabelOverrides::default();
    };
    js_sys::JSON::parse(&text)
        .map_err(|_| "the labels attribute is not valid JSON".to_owned())
        .and_then(|value| {
            crate::read::label_overrides(&value, "the labels attribute")
                .map_err(|wrong| wrong.to_string())
        })
        .unwrap_or_else(|reason| {
            console::warn(
                element_name,
                &format!("{reason}; using the built-in labels"),
            );
            LabelOverrides::default()
        })
}

/// Setting `textSize` does what a reader's choice does: every embed follows, and it is kept.
fn set_text_size(host: HtmlElement, value: String) {
    match value.parse::<TextSize>() {
        Ok(size) => text_size_store::choose(size, ChangeOrigin::Script),
        Err(error) => console::warn(&element_name(&host), &error),
    }
}

/// The `article` property: the article as a plain object, or `null` until it is shown.
fn article_of(host: HtmlElement) -> JsValue {
    EMBEDS.with(|embeds| {
        embeds
            .borrow()
            .iter()
            .find(|embed| embed.host == host)
            .and_then(|embed| embed.view.0.article.borrow().clone())
            .map_or(JsValue::NULL, |article| events::article_to_js(&article))
    })
}

fn shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    host.shadow_root().or_else(|| {
        let init: ShadowRootInit = crate::browser::dictionary();
        init.set_mode(ShadowRootMode::Open);
        host.attach_shadow(&init).ok()
    })
}

/// The app's properties, read from the element's attributes and children.
fn props_of(host: &HtmlElement, instance: u32, reload: u32, view: &SharedView) -> ReaderAppProps {
    let element_name = element_name(host);
    let requested_size = requested_size(host).unwrap_or_else(|error| {
        console::warn(&element_name, &format!("{error}; using md"));
        None
    });
    let context_lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("lang"))
        .map(AttrValue::from);
    ReaderAppProps {
        context_lang,
        label_overrides: label_overrides(host, &element_name),
        host: host.clone(),
        reload,
        view: view.clone(),
        listen: host.has_attribute("listen"),
        source: source_of(host),
        requested_size,
        instance,
        element_name: element_name.into(),
    }
}

/// Where the article comes from, first found first: the `src` attribute, the `article`
/// property, an inline `<script type="application/json">` child, an inline
/// `<script type="application/ld+json">`, an `<article>` child of semantic HTML.
fn source_of(host: &HtmlElement) -> ArticleSource {
    let src = host
        .get_attribute("src")
        .map(|src| src.trim().to_owned())
        .filter(|src| !src.is_empty());
    if let Some(src) = src {
        let base = host.base_uri().ok().flatten().unwrap_or_default();
        let url = Url::new_with_base(&src, &base)
            .map(|url| url.href())
            .unwrap_or(src);
        return ArticleSource::Url(url.into());
    }
    if let Some(json) = given_article(host).as_string() {
        return ArticleSource::Inline(AttrValue::from(json));
    }
    // The widget's own JSON wins over JSON-LD when a publisher gives both.
    let inline = [
        r#":scope > script[type="application/json"]"#,
        r#":scope > script[type="application/ld+json"]"#,
    ]
    .iter()
    .find_map(|selector| host.query_selector(selector).ok().flatten())
    .and_then(|script: Element| script.text_content());
    if let Some(json) = inline {
        return ArticleSource::Inline(AttrValue::from(json));
    }
    let host_node: &web_sys::Node = host.as_ref();
    match markup::find_article(&host_node.children()) {
        Some(article) => ArticleSource::Markup(Rc::new(markup::read_markup(&article))),
        None => ArticleSource::Missing,
    }
}

/// How the console names the element: its tag with the `src` it was given, if any.
fn element_name(host: &HtmlElement) -> String {
    match host.get_attribute("src") {
        Some(src) => format!("<reader-widget src=\"{src}\">"),
        None => "<reader-widget>".to_owned(),
    }
}
