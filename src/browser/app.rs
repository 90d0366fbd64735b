//! One embed's Yew app: it turns the element's source into an article (parsing inline JSON at
//! once, fetching a `src`), follows the page-wide text-size choice and renders [`Reader`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal, HtmlElement, Url};
use yew::prelude::*;

use crate::article::{check, resolve_urls, Article, LabelOverrides};
use crate::browser::fetch::fetch_article;
use crate::browser::listen::use_listen;
use crate::browser::text_size_store::{self, ChangeOrigin};
use crate::browser::{arrivals, console, events};
use crate::components::{reader, LoadState, ReaderProps, ReaderRefs};
use crate::error::{LoadError, LoadErrorKind};
use crate::labels::{choose_labels, Labels};
use crate::read::parse_article;
use crate::text_size::TextSize;

/// Where an embed's article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// The `src` attribute, resolved against the page's base URL.
    Url(AttrValue),
    /// The text of an inline `<script type="application/json">` or `application/ld+json` child.
    Inline(AttrValue),
    /// An `<article>` of semantic HTML inside the element, already read.
    Markup(Rc<Article>),
    /// None of these.
    Missing,
}

impl ArticleSource {
    /// The name used in the `reader-widget-ready` event: `src` or `inline`.
    fn code(&self) -> &'static str {
        match self {
            ArticleSource::Url(_) => "src",
            ArticleSource::Inline(_) | ArticleSource::Markup(_) | ArticleSource::Missing => {
                "inline"
            }
        }
    }
}

/// What the element's properties read of its app: the article once it is ready.
#[derive(Debug, Default)]
pub struct EmbedView {
    pub article: RefCell<Option<Rc<Article>>>,
}

/// An [`EmbedView`] shared between the element and its app; equal only to itself.
#[derive(Clone, Debug, Default)]
pub struct SharedView(pub Rc<EmbedView>);

impl PartialEq for SharedView {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Properties, PartialEq)]
pub struct ReaderAppProps {
    /// The element, which receives the widget's events.
    pub host: HtmlElement,
    pub source: ArticleSource,
    /// The `text-size` attribute: the step used until the reader chooses one. Default: MD.
    #[prop_or_default]
    pub requested_size: Option<TextSize>,
    /// A number unique to this embed on the page.
    pub instance: u32,
    /// How the console names this element, e.g. `<reader-widget src="/a.json">`.
    pub element_name: AttrValue,
    /// The `lang` of the element or its nearest ancestor with one (the page's, usually): the
    /// widget's language when the article does not say. Default: none.
    #[prop_or_default]
    pub context_lang: Option<AttrValue>,
    /// The publisher's texts from the `labels` attribute. Default: none.
    #[prop_or_default]
    pub label_overrides: LabelOverrides,
    /// Raised by `reload()`: the article is loaded again. Default: 0.
    #[prop_or_default]
    pub reload: u32,
    /// Where the app leaves what the element's properties read.
    #[prop_or_default]
    pub view: SharedView,
    /// The `listen` attribute: offer Listen. Default: no.
    #[prop_or_default]
    pub listen: bool,
}

#[derive(Properties, PartialEq)]
pub struct EmbedRootProps {
    /// The embed this app serves now; `None` while it waits in the pool. Default: `None`.
    #[prop_or_default]
    pub embed: Option<ReaderAppProps>,
}

/// The root of one Yew app. Yew never frees an app root's event listeners (they hold the whole
/// tree), so apps are pooled and reused from one embed to the next; the embed's own component is
/// keyed by its instance number, so each embed starts with fresh state and a finished one frees
/// everything but the root.
#[component]
pub fn EmbedRoot(props: &EmbedRootProps) -> Html {
    match &props.embed {
        Some(embed) => html! { <ReaderApp key={embed.instance} ..embed.clone() /> },
        None => Html::default(),
    }
}

/// What a load is for: the source, and how many times it was reloaded.
type LoadKey = (ArticleSource, u32);

#[component]
pub fn ReaderApp(props: &ReaderAppProps) -> Html {
    // The state remembers which load it belongs to, so a changed `src` or a `reload()` loads
    // again and an inline article is parsed once, before the first paint.
    let loaded = use_state(|| {
        let state = immediate_state(&props.source, &props.element_name);
        ((props.source.clone(), props.reload), state)
    });
    {
        let loaded = loaded.clone();
        let element_name = props.element_name.clone();
        let host = props.host.clone();
        use_effect_with(
            (props.source.clone(), props.reload),
            move |key: &LoadKey| {
                let controller = AbortController::new().ok();
                let stale = loaded.0 != *key;
                if stale {
                    loaded.set((key.clone(), immediate_state(&key.0, &element_name)));
                }
                if let ArticleSource::Url(url) = &key.0 {
                    if stale || loaded.1 == LoadState::Loading {
                        let signal = controller.as_ref().map(AbortController::signal);
                        let url = url.clone();
                        let key = key.clone();
                        let loaded = loaded.clone();
                        let request = controller.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = fetch_article(&url, signal.as_ref()).await;
                            if signal.as_ref().is_some_and(AbortSignal::aborted) {
                                return;
                            }
                            let unfinished = matches!(
                                &result,
                                Err(error) if matches!(
                                    error.kind(),
                                    LoadErrorKind::Timeout { .. } | LoadErrorKind::TooLarge { .. }
                                )
                            );
                            if unfinished {
                                // Stop the download that never finished or was too large (the
                                // loader's early request too).
                                if let Some(request) = &request {
                                    request.abort();
                                }
                            }
                            let state = match result {
                                Ok((article, final_url)) => {
                                    settle(Ok(article), &final_url, &element_name)
                                }
                                Err(error) => settle(Err(error), &url, &element_name),
                            };
                            arrivals::hold(&host);
                            loaded.set((key, state));
                        });
                    }
                }
                move || {
                    if let Some(controller) = controller {
                        controller.abort();
                    }
                }
            },
        );
    }
    // The `article` property reads what is on screen, from the moment it is.
    *props.view.0.article.borrow_mut() = match &loaded.1 {
        LoadState::Ready(article) => Some(Rc::clone(article)),
        _ => None,
    };
    {
        // Tell the page once the article is shown, or why it is not.
        let host = props.host.clone();
        let source = props.source.code();
        use_effect_with(loaded.1.clone(), move |state| match state {
            LoadState::Ready(article) => events::ready(&host, article, source),
            LoadState::Failed(error) => events::error(&host, error),
            LoadState::Loading => {}
        });
    }

    let choice = use_state_eq(text_size_store::current_choice);
    {
        let choice = choice.setter();
        use_effect_with((), move |_| {
            let follow = choice.clone();
            let id = text_size_store::subscribe(Callback::from(move |new| follow.set(new)));
            // Effects run after the first paint: a choice made in between (a quick click here,
            // another embed, another tab) would otherwise be missed.
            choice.set(text_size_store::current_choice());
            move || text_size_store::unsubscribe(id)
        });
    }
    let (chosen, chosen_by) = *choice;
    let size = chosen.or(props.requested_size).unwrap_or_default();
    {
        // Tell the page when this embed's size changes, and whether the reader or code did it.
        let host = props.host.clone();
        let last = use_mut_ref(|| (size, *choice));
        use_effect_with((size, *choice), move |(size, choice)| {
            let (last_size, last_choice) = *last.borrow();
            if last_size != *size {
                // A change of choice is the chooser's; otherwise the attribute changed.
                let by = if last_choice != *choice {
                    chosen_by
                } else {
                    ChangeOrigin::Script
                };
                events::text_size_changed(&host, last_size, *size, by);
            }
            *last.borrow_mut() = (*size, *choice);
        });
    }

    #[cfg(feature = "fault-injection")]
    fault_injection::throw_if_asked(&props.host, size);
    let refs = ReaderRefs {
        body: use_node_ref(),
        end: use_node_ref(),
        nav: use_node_ref(),
    };
    let labels = labels_for(
        &loaded.1,
        props.context_lang.as_deref(),
        &props.label_overrides,
        &props.element_name,
    );
    let article = match &loaded.1 {
        LoadState::Ready(article) => Some(Rc::clone(article)),
        _ => None,
    };
    // Read in the article's language, else the widget's.
    let lang = article
        .as_ref()
        .and_then(|article| article.lang.as_deref())
        .map(str::trim)
        .filter(|lang| !lang.is_empty())
        .map_or_else(
            || labels.lang.clone(),
            |lang| AttrValue::from(lang.to_owned()),
        );
    // The article shown, by identity: a new one stops the reading of the last.
    let shown = article.map(|article| Rc::as_ptr(&article) as usize);
    let listen = use_listen(props.listen, shown, lang, props.host.clone());
    let view = ReaderProps {
        labels,
        listen,
        state: loaded.1.clone(),
        size,
        instance: props.instance,
        onchoose_size: {
            #[cfg(feature = "fault-injection")]
            let host = props.host.clone();
            Callback::from(move |size| {
                #[cfg(feature = "fault-injection")]
                fault_injection::panic_if_asked(&host);
                text_size_store::choose(size, ChangeOrigin::Reader)
            })
        },
    };
    reader(&view, &refs)
}

thread_local! {
    /// Languages already reported as unknown, so the console hears of each once.
    static UNKNOWN_LANGUAGES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The widget's words (see [`choose_labels`]). A language the widget does not speak falls back
/// to English, said once in the console.
fn labels_for(
    state: &LoadState,
    context_lang: Option<&str>,
    attribute_overrides: &LabelOverrides,
    element_name: &str,
) -> Labels {
    let article = match state {
        LoadState::Ready(article) => Some(article),
        _ => None,
    };
    let (labels, unspoken) = choose_labels(
        article.and_then(|article| article.lang.as_deref()),
        context_lang,
        article.map(|article| &article.labels),
        attribute_overrides,
    );
    if let Some(tag) = unspoken.filter(|tag| first_report_of(tag)) {
        console::warn(
            element_name,
            &format!("the widget does not speak \"{tag}\" yet; its controls are in English"),
        );
    }
    labels
}

/// Whether `tag` is reported as unknown for the first time on this page.
fn first_report_of(tag: &str) -> bool {
    UNKNOWN_LANGUAGES.with(|known| {
        let mut known = known.borrow_mut();
        let new = !known.iter().any(|seen| seen == tag);
        if new {
            known.push(tag.to_owned());
        }
        new
    })
}

/// The state a source gives without waiting: inline JSON parsed, a URL still loading.
fn immediate_state(source: &ArticleSource, element_name: &str) -> LoadState {
    match source {
        ArticleSource::Url(_) => LoadState::Loading,
        ArticleSource::Inline(json) => settle(
            parse_article::<JsValue>(json),
            &document_base(),
            element_name,
        ),
        ArticleSource::Markup(article) => settle(
            check(Article::clone(article)),
            &document_base(),
            element_name,
        ),
        ArticleSource::Missing => settle(
            Err(LoadError::new(LoadErrorKind::NoSource)),
            "",
            element_name,
        ),
    }
}

/// The page's base URL, against which inline articles' relative URLs resolve.
fn document_base() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// Finishes a load: resolves the article's URLs against `base`, or reports the failure once.
fn settle(result: Result<Article, LoadError>, base: &str, element_name: &str) -> LoadState {
    match result {
        Ok(article) => LoadState::Ready(Rc::new(resolve_web_urls(article, base, element_name))),
        Err(error) => {
            console::error(element_name, &error);
            LoadState::Failed(error)
        }
    }
}

/// Makes the article's URLs absolute against `base` (the article's own URL, or the page's for
/// inline JSON), so a relative image path works wherever the JSON is served from. URLs that are
/// not web links, or that do not parse, are dropped with a console note.
fn resolve_web_urls(article: Article, base: &str, element_name: &str) -> Article {
    resolve_urls(
        article,
        |url| Url::new_with_base(url, base).ok().map(|url| url.href()),
        |note| console::warn(element_name, &note),
    )
}

/// Test builds only (`--features fault-injection`, never in `dist/`): a fault on demand, for the
/// browser tests of what a fault leaves behind (see `js/define-element.js`).
#[cfg(feature = "fault-injection")]
mod fault_injection {
    use crate::text_size::TextSize;

    /// Panics when the reader chooses a size in an element marked `data-fault="panic"`.
    #[allow(clippy::panic)] // The one panic the tests need; compiled into test builds only.
    pub fn panic_if_asked(host: &web_sys::HtmlElement) {
        if host.get_attribute("data-fault").as_deref() == Some("panic") {
            panic!("a fault injected by a test");
        }
    }

    /// Throws a JavaScript exception through the render (inside Yew's scheduler, as an uncaught
    /// browser API would) when an element marked `data-fault="throw"` renders at LG.
    pub fn throw_if_asked(host: &web_sys::HtmlElement, size: TextSize) {
        if size == TextSize::Lg && host.get_attribute("data-fault").as_deref() == Some("throw") {
            wasm_bindgen::throw_str("an exception injected by a test");
        }
    }
}
