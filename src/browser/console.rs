//! Messages for the publisher, who reads the console: one line per problem, naming the element
//! and the reason.

/// Reports that an embed cannot show its article.
pub fn error(element: &str, reason: &dyn std::fmt::Display) {
    web_sys::console::error_1(&format!("{element}: {reason}").into());
}

/// Reports a problem the embed worked around.
pub fn warn(element: &str, reason: &dyn std::fmt::Display) {
    web_sys::console::warn_1(&format!("{element}: {reason}").into());
}
