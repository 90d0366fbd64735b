//! The widget's view, one component a file. These components render only what they are given,
//! so the same markup comes out of Yew's server renderer in native tests and out of the browser.

mod article_view;
mod reader;
mod size_switcher;
mod skip_links;
mod status_message;

pub use article_view::{ArticleView, ArticleViewProps};
pub use reader::{LoadState, Reader, ReaderProps};
pub use size_switcher::{SizeSwitcher, SizeSwitcherProps};
pub use skip_links::{SkipLinks, SkipLinksProps};
pub use status_message::{StatusMessage, StatusMessageProps};
