//! The whole widget for one embed: the skip links, the size switcher and the article once it is
//! ready, or a short message while it loads or when it cannot be shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::article::Article;
use crate::components::{ArticleView, SizeSwitcher, SkipLinks, StatusMessage};
use crate::error::LoadError;
use crate::labels::ENGLISH;
use crate::text_size::TextSize;

/// Where an embed's article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Article>),
    Failed(LoadError),
}

#[derive(Properties, PartialEq)]
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
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let labels = &ENGLISH;
    let body_ref = use_node_ref();
    let end_ref = use_node_ref();
    let id_prefix = format!("rw-{}", props.instance);
    let content = match &props.state {
        LoadState::Loading => html! { <StatusMessage text={labels.loading} /> },
        LoadState::Failed(error) => {
            html! { <StatusMessage text={labels.error_message(error)} is_error=true /> }
        }
        LoadState::Ready(article) => html! {
            <>
                <SkipLinks
                    body_id={format!("{id_prefix}-body")}
                    body_ref={body_ref.clone()}
                    end_id={format!("{id_prefix}-end")}
                    end_ref={end_ref.clone()}
                />
                <SizeSwitcher
                    selected={props.size}
                    group_name={format!("{id_prefix}-size")}
                    onchoose={props.onchoose_size.clone()}
                />
                <ArticleView
                    article={article.clone()}
                    size={props.size}
                    body_id={format!("{id_prefix}-body")}
                    body_ref={body_ref}
                />
                <div class="rw-end" id={format!("{id_prefix}-end")} ref={end_ref}></div>
            </>
        },
    };
    html! { <div class="rw">{content}</div> }
}
