//! Messages for the publisher, who reads the console: one line per problem, naming the element
//! and the reason. Written through [`throwing`](crate::browser::throwing), since the console is
//! the page's to replace.

/// Reports that an embed cannot show its article.
pub fn error(element: &str, reason: &dyn std::fmt::Display) {
    crate::browser::throwing::error(&format!("{element}: {reason}"));
}

/// Reports a problem the embed worked around.
pub fn warn(element: &str, reason: &dyn std::fmt::Display) {
    crate::browser::throwing::warn(&format!("{element}: {reason}"));
}
