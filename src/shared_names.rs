//! The names the widget's JavaScript shares with the Rust, defined once here: the classes and the
//! attribute the loader and the element's definition look for, and the global keys the loader
//! hands the build's module (the text sizes' codes and classes are [`crate::text_size`]'s), and
//! what the entry's first paint shares with the view. Each JavaScript file holds a block of
//! constants written from these (`make shared-names`), which `tests/shared_names.rs` fails on
//! while it differs: wasm-bindgen loads the element's definition alone, with nothing to import
//! them from.

/// The element in the shadow root that the widget renders into.
pub const MOUNT_CLASS: &str = "rw-mount";
/// On a server-rendered snippet's mount: the markup version, the article's fingerprint and the
/// markup's hash (see `src/snippet.rs`); its presence makes the loader choose the hydrating build.
pub const SERVER_RENDERED_ATTRIBUTE: &str = "data-server-rendered";
/// On the mount the entry paints from a JSON `src` before the WebAssembly (`js/first-paint.js`):
/// the URL the article came from, which the WebAssembly compares with its own before it takes the
/// painted article over.
pub const FIRST_PAINT_ATTRIBUTE: &str = "data-first-paint";
/// The painted mount, which is not a [`MOUNT_CLASS`]: what looks for the app's mount never finds
/// it.
pub const FIRST_PAINT_SELECTOR: &str = "[data-first-paint]";
/// The localStorage key of the reader's text size, namespaced so it cannot collide with the host
/// page's keys.
pub const STORAGE_KEY: &str = "reader-widget:text-size";
/// [`MOUNT_CLASS`] as a selector; and a server-rendered snippet's mount. Written out rather than
/// formatted where used: `format!` in the hydration check cost the hydrating build 215 bytes
/// brotli. (Checked against the names they are made of by the tests below.)
pub const MOUNT_SELECTOR: &str = ".rw-mount";
pub const SERVER_RENDERED_MOUNT_SELECTOR: &str = ".rw-mount[data-server-rendered]";
/// Each size step's radio button.
pub const SIZE_INPUT_CLASS: &str = "rw-sizes__input";
/// Each skip link.
pub const SKIP_LINK_CLASS: &str = "rw-skip-link";
/// The article, which carries its text size's class.
pub const ARTICLE_CLASS: &str = "rw-article";
/// What Listen reads, passage by passage, in document order: the headline, then each of the
/// body's blocks.
pub const LISTEN_PASSAGES_SELECTOR: &str = ".rw-article__headline, .rw-article__body > *";
/// The global (`Symbol.for`) under which the loader leaves its early article requests.
pub const EARLY_ARTICLES_KEY: &str = "reader-widget:early-articles";
/// The global (`Symbol.for`) under which the loader leaves each build's WebAssembly response.
pub const BOOT_KEY: &str = "reader-widget:boot";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_steps_article_class_is_the_articles_and_the_steps() {
        for size in crate::text_size::TextSize::ALL {
            let expected = format!("{ARTICLE_CLASS} {}", size.class());
            assert_eq!(size.article_class(), expected);
        }
    }

    #[test]
    fn the_selectors_are_made_of_the_names() {
        assert_eq!(MOUNT_SELECTOR, format!(".{MOUNT_CLASS}"));
        assert_eq!(FIRST_PAINT_SELECTOR, format!("[{FIRST_PAINT_ATTRIBUTE}]"));
        assert_eq!(
            SERVER_RENDERED_MOUNT_SELECTOR,
            format!(".{MOUNT_CLASS}[{SERVER_RENDERED_ATTRIBUTE}]")
        );
    }
}
