//! reader-widget renders a news article inside a `<reader-widget>` custom element with the reading
//! aids of an accessible article page: skip links first and a four-step text-size switcher (XS,
//! SM, MD, LG). The crate has a pure core that builds and is tested natively (the article model,
//! its readers, the text-size vocabulary, the widget's labels and its Yew components) and, on
//! WebAssembly, a thin browser layer that defines the element, loads articles, applies styles
//! and remembers the reader's text size. Modules import downward (see "How it is built" in
//! docs/development.md).

// With panics aborting, one panic stops every embed on the page: shipped code may not unwrap,
// expect, index unchecked or do arithmetic that can overflow. Tests may (they are where a panic
// belongs).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::panic
    )
)]

pub mod article;
pub mod components;
#[cfg(test)]
mod css;
#[cfg(not(target_arch = "wasm32"))]
pub mod embed_page;
pub mod error;
pub mod json;
pub mod labels;
pub mod markup;
pub mod read;
pub mod shadow_markup;
pub mod shared_names;
#[cfg(not(target_arch = "wasm32"))]
pub mod snippet;
pub mod text_size;

#[cfg(target_arch = "wasm32")]
mod browser;

/// Talc instead of Rust's default dlmalloc: 6.8 KB less WebAssembly (2.1 KB brotli), and faster by
/// its authors' benchmarks.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub use browser::define_element;

/// The version of the markup a server-rendered snippet carries, on its mount as
/// `data-server-rendered`, before its light-DOM article's [`article::Article::fingerprint`] and
/// its widget markup's [`shadow_markup::markup_hash`]: the widget takes over only markup of its
/// own version, unchanged, whose article is unchanged, and renders anew over any other. The
/// crate's version and a hash of the sources the markup is rendered from (`build.rs`), so it
/// changes whenever they do, not only with a release.
pub const MARKUP_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("READER_WIDGET_MARKUP_SOURCES")
);

/// The CSS inside every embed's shadow root: the stylesheet in `styles/`, minified by
/// `build.rs`, followed by the text-size rules generated from [`text_size::TextSize`].
pub fn widget_css() -> String {
    let mut css = String::from(include_str!(concat!(
        env!("OUT_DIR"),
        "/reader-widget.min.css"
    )));
    css.push_str(&text_size::TextSize::stylesheet_rules());
    css
}
