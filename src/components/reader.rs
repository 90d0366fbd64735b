//! The whole widget for one embed: the skip links, the size switcher and the article once it is
//! ready, or a short message while it loads or when it cannot be shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::article::Article;
use crate::components::{
    article_view, listen_controls, size_switcher, skip_links, status_message, ListenView,
    SkipTargets,
};
use crate::error::LoadError;
use crate::labels::{Labels, ENGLISH};
use crate::text_size::TextSize;

/// Where an embed's article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Article>),
    Failed(LoadError),
}

#[derive(Clone, Properties, PartialEq)]
pub struct ReaderProps {
    /// The article, or why there is none yet.
    pub state: LoadState,
    /// The text-size step in force. Default: MD.
    #[prop_or_default]
    pub size: TextSize,
    /// A number unique to this embed on the page, used in its ids and radio-group name.
    pub instance: u32,
    /// Called with the step the reader chose. Default: does nothing.
    #[prop_or_default]
    pub onchoose_size: Callback<TextSize>,
    /// The widget's words, in the reader's language. Default: English.
    #[prop_or(ENGLISH)]
    pub labels: Labels,
    /// Listen, where the element asks for it and the browser has a voice for the article's
    /// language. Default: none.
    #[prop_or_default]
    pub listen: Option<ListenView>,
}

/// The node references the skip links need, held by whichever component renders [`reader`].
#[derive(Clone, Default)]
pub struct ReaderRefs {
    pub body: NodeRef,
    pub end: NodeRef,
    pub nav: NodeRef,
}

/// The [`Reader`] as a component, for rendering on its own (the server renderer, in tests and
/// in snippets).
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let refs = ReaderRefs {
        body: use_node_ref(),
        end: use_node_ref(),
        nav: use_node_ref(),
    };
    reader(props, &refs)
}

/// [`Reader`] inside one more component: the tree of a server-rendered snippet, whose component
/// markers then nest as the browser app's do (its root, then the embed's own component), which
/// hydration walks.
#[component]
pub fn ServerReader(props: &ReaderProps) -> Html {
    html! { <Reader ..props.clone() /> }
}

/// The whole widget for one embed. A view function, so that the browser's app renders it
/// without a component of its own.
pub fn reader(props: &ReaderProps, refs: &ReaderRefs) -> Html {
    let labels = &props.labels;
    let body_id = format!("rw-{}-body", props.instance);
    let end_id = format!("rw-{}-end", props.instance);
    let content = match &props.state {
        // Said to screen readers, but taking no room: the embed keeps no height of its own
        // until its article comes, then changes once (a visible box here made every `src`
        // embed change height twice, and pushed the page below it twice). The publisher's
        // fallback (a link to the article, a placeholder of its height) stays on screen until
        // the article replaces it; slotted here rather than beside the box, it costs the
        // hydrating build 110 bytes less (brotli).
        LoadState::Loading => html! {
            <>
                <p class="rw-loading" part="status" role="status">{labels.loading.clone()}</p>
                <slot />
            </>
        },
        // The publisher's fallback stays below the message: a link to the article is still the
        // reader's way to it.
        LoadState::Failed(error) => html! {
            <>
                {status_message(labels.error_message(error))}
                <slot />
            </>
        },
        LoadState::Ready(article) => html! {
            <>
                {skip_links(labels, SkipTargets {
                    body_id: &body_id,
                    body: &refs.body,
                    end_id: &end_id,
                    end: &refs.end,
                    nav: &refs.nav,
                })}
                {size_switcher(labels, props.size, &format!("rw-{}-size", props.instance), &props.onchoose_size)}
                if let Some(listen) = &props.listen {
                    {listen_controls(labels, listen)}
                }
                {article_view(labels, article, props.size, &body_id, &refs.body)}
                <div class="rw-end" id={end_id} ref={refs.end.clone()}></div>
            </>
        },
    };
    // The widget speaks the labels' language; the article says its own, when it has one.
    let dir = labels.direction().as_attr();
    html! { <div class="rw" lang={labels.lang.clone()} {dir}>{content}</div> }
}
