//! The widget's view, one piece a file, as plain view functions: every Yew component costs the
//! WebAssembly its own copy of Yew's lifecycle code. [`Reader`] wraps the whole view as a
//! component for rendering it alone (the server renderer, in tests and, inside [`ServerReader`],
//! in server-rendered snippets); in the browser the app renders [`reader`] itself. They render
//! only what they are given, so the same markup comes out of Yew's server renderer and out of
//! the browser.

mod article_view;
mod focus_moves;
mod listen;
mod reader;
mod size_switcher;
mod skip_links;
mod status_message;

pub use article_view::article_view;
pub(crate) use focus_moves::focus_moves;
pub use focus_moves::{use_focus_moves, FocusMoves};
pub use listen::{listen_controls, ListenAction, ListenState, ListenView};
pub use reader::{reader, LoadState, Reader, ReaderProps, ReaderRefs, ServerReader};
pub use size_switcher::size_switcher;
pub use skip_links::{skip_links, SkipTargets};
pub use status_message::status_message;

use yew::virtual_dom::{AttributeOrProperty, Attributes};
use yew::Html;

/// `html`, one element made without attributes, with the attributes `keys` and their `values`
/// (`None` leaves one out; each an `AttributeOrProperty::Attribute`, the only kind Yew's server
/// renderer writes from such a list), as `html!` sets them. Every class the view writes is a literal or
/// goes through here: a class given to `html!` as an expression becomes Yew's `Classes`, an
/// `IndexSet`, and one added to an element an `IndexMap`, whose code cost the WebAssembly 0.5 KB
/// and 0.4 KB brotli.
pub(crate) fn with_attributes(
    mut html: Html,
    keys: &'static [&'static str],
    values: Box<[Option<AttributeOrProperty>]>,
) -> Html {
    // The element was just made, so nothing else holds it.
    if let Html::VTag(tag) = &mut html {
        if let Some(tag) = std::rc::Rc::get_mut(tag) {
            tag.set_attributes(Attributes::Dynamic { keys, values });
        }
    }
    html
}
