//! The article itself: headline, standfirst, byline, source and date, the lead figure and the
//! body. Everything here scales with the reader's text-size step; nothing else in the widget does,
//! so the controls never move under the reader's pointer.

use yew::prelude::*;

use crate::article::{is_safe_link, Article, Block, CalendarDate, Direction, Image};
use yew::virtual_dom::AttributeOrProperty;

use crate::components::with_attributes;
use crate::labels::{format_date, Labels};
use crate::text_size::TextSize;

/// The article at text size `size`; its body gets the id `body_id` and the node reference
/// `body_ref`, the target of "Skip to article text".
pub fn article_view(
    labels: &Labels,
    article: &Article,
    size: TextSize,
    body_id: &str,
    body_ref: &NodeRef,
) -> Html {
    let lang = article
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let dir = lang.map(|lang| Direction::of_language(lang).as_attr());
    let article = html! {
        <article>
            <header class="rw-article__header" part="header">
                <h2 class="rw-article__headline" part="headline">{&article.headline}</h2>
                if let Some(standfirst) = article.standfirst.as_deref().filter(|s| !s.trim().is_empty()) {
                    <p class="rw-article__standfirst">{standfirst}</p>
                }
                {meta_line(article, labels)}
            </header>
            if let Some(image) = article.image.as_ref().filter(|image| !image.src.trim().is_empty()) {
                {figure(image, labels)}
            }
            <div class="rw-article__body" part="body" id={body_id.to_owned()} ref={body_ref.clone()}>
                {for article.body.iter().map(block)}
            </div>
        </article>
    };
    // Set on the element directly, the class with them: see `with_attributes`.
    let attribute = |value: AttrValue| Some(AttributeOrProperty::Attribute(value));
    with_attributes(
        article,
        &["class", "part", "lang", "dir"],
        Box::new([
            attribute(AttrValue::Static(size.article_class())),
            attribute(AttrValue::Static("article")),
            lang.and_then(|lang| attribute(AttrValue::from(lang.to_owned()))),
            dir.and_then(|dir| attribute(AttrValue::Static(dir))),
        ]),
    )
}

/// Byline, source and date on one line; nothing when the article has none of them.
fn meta_line(article: &Article, labels: &Labels) -> Html {
    let byline = article
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let source = article
        .source
        .as_ref()
        .filter(|source| !source.name.trim().is_empty())
        // A byline that already names the source says it once.
        .filter(|source| byline != Some(source.name.trim()));
    let published = article
        .published
        .as_deref()
        .and_then(|value| CalendarDate::parse(value).map(|date| (value.trim(), date)));
    if byline.is_none() && source.is_none() && published.is_none() {
        return Html::default();
    }
    html! {
        <p class="rw-article__meta" part="byline">
            if let Some(byline) = byline {
                <span class="rw-article__byline">{byline}</span>
            }
            if let Some(source) = source {
                <span class="rw-article__source">
                    if let Some(url) = source.url.as_deref().filter(|url| is_safe_link(url)) {
                        <a href={url.to_owned()} rel="noopener noreferrer">{&source.name}</a>
                    } else {
                        {&source.name}
                    }
                </span>
            }
            if let Some((value, date)) = published {
                <time class="rw-article__date" datetime={value.to_owned()}>
                    {article.published_text.clone().unwrap_or_else(|| format_date(date, article.lang.as_deref().unwrap_or(&labels.lang)))}
                </time>
            }
        </p>
    }
}

/// The lead figure: the image with its text alternative, then its caption and credit.
fn figure(image: &Image, labels: &Labels) -> Html {
    let caption = image
        .caption
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let credit = image
        .credit
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    // Both or neither: the browser reserves room from the ratio of the two.
    let (width, height) = match (image.width, image.height) {
        (Some(width), Some(height)) => (Some(width.to_string()), Some(height.to_string())),
        _ => (None, None),
    };
    html! {
        <figure class="rw-article__figure" part="figure">
            <img class="rw-article__image" src={image.src.clone()} alt={image.alt.clone()} {width} {height} decoding="async" />
            if caption.is_some() || credit.is_some() {
                <figcaption class="rw-article__caption" part="caption">
                    // The publisher's texts are isolated, so that a direction override in one
                    // cannot reorder the widget's own label after it.
                    if let Some(caption) = caption {
                        <bdi>{caption}</bdi>{" "}
                    }
                    if let Some(credit) = credit {
                        <span class="rw-article__credit">{labels.image_credit.clone()}{" "}<bdi>{credit}</bdi></span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// One body block. Text is always text: Yew escapes it, so markup in an article stays inert.
fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p class="rw-article__paragraph">{text}</p> },
        Block::Subheading { text } => html! { <h3 class="rw-article__subheading">{text}</h3> },
        Block::Quote { text, cite } => html! {
            <blockquote class="rw-article__quote">
                <p>{text}</p>
                if let Some(cite) = cite.as_deref().filter(|c| !c.trim().is_empty()) {
                    <p class="rw-article__quote-source">{"— "}{cite}</p>
                }
            </blockquote>
        },
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .filter(|item| !item.trim().is_empty())
                .map(|item| html! { <li>{item}</li> });
            if *ordered {
                html! { <ol class="rw-article__list">{for items}</ol> }
            } else {
                html! { <ul class="rw-article__list">{for items}</ul> }
            }
        }
        Block::Unknown => Html::default(),
    }
}
