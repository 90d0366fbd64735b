//! The widget's view, one piece a file. Only [`Reader`] is a Yew component (it holds the node
//! references the skip links need); the pieces inside it are plain view functions, since every
//! component costs the WebAssembly its own copy of Yew's lifecycle code. They render only what
//! they are given, so the same markup comes out of Yew's server renderer in native tests and out
//! of the browser.

mod article_view;
mod reader;
mod size_switcher;
mod skip_links;
mod status_message;

pub use article_view::article_view;
pub use reader::{LoadState, Reader, ReaderProps};
pub use size_switcher::size_switcher;
pub use skip_links::{skip_links, SkipTargets};
pub use status_message::status_message;
