//! Why an embed could not show its article: one error type for every stage (finding the source,
//! fetching it, parsing and checking it), whose message names the bad input for the console, and
//! which the view maps to a short message for the reader.

use std::fmt;

/// A value of the wrong type, named by its path in the input: "`body[1].text` must be a
/// string, not an array". Also the reason a publisher's `labels` attribute is set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongType {
    /// Where the value is: "headline", "body[1].text", "the article" for the whole of it.
    pub path: String,
    /// What it must be: "a string", "an object" …
    pub expected: &'static str,
    /// What it is.
    pub found: &'static str,
}

impl fmt::Display for WrongType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} must be {}, not {}",
            self.path, self.expected, self.found
        )
    }
}

/// An embed's article could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    kind: LoadErrorKind,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// No `src` attribute, inline JSON or JSON-LD script, or `<article>` child.
    NoSource,
    /// The request failed before any answer: offline, refused by CORS, aborted.
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The text is not JSON: the parser's reason.
    Syntax { reason: String },
    /// A value is not of the type the format gives it.
    WrongType(WrongType),
    /// The input holds no article in its format: JSON-LD without a news article node, an HTML
    /// page without an `<article>`.
    NoArticle {
        format: &'static str,
        looked_for: &'static str,
    },
    /// `headline` is missing or blank.
    MissingHeadline,
    /// `body` is missing or has no block with text.
    EmptyBody,
    /// The article is over one of the documented limits (the limits of the article model).
    TooLarge { reason: String },
    /// No complete answer within the time limit (see `FETCH_TIMEOUT_MS` in the browser layer).
    Timeout { url: String, seconds: u32 },
    /// The server answered with something that is not JSON, e.g. an HTML page.
    ContentType { url: String, content_type: String },
}

impl LoadError {
    pub fn new(kind: LoadErrorKind) -> LoadError {
        LoadError { kind }
    }

    pub fn kind(&self) -> &LoadErrorKind {
        &self.kind
    }

    /// A stable name for the kind, used in the `reader-widget-error` event.
    pub fn code(&self) -> &'static str {
        match self.kind {
            LoadErrorKind::NoSource => "no-source",
            LoadErrorKind::Network { .. } => "network",
            LoadErrorKind::Http { .. } => "http",
            // Three reasons, one documented code: the input cannot be read as an article.
            LoadErrorKind::Syntax { .. }
            | LoadErrorKind::WrongType(_)
            | LoadErrorKind::NoArticle { .. } => "malformed",
            LoadErrorKind::MissingHeadline => "missing-headline",
            LoadErrorKind::EmptyBody => "empty-body",
            LoadErrorKind::TooLarge { .. } => "too-large",
            LoadErrorKind::Timeout { .. } => "timeout",
            LoadErrorKind::ContentType { .. } => "content-type",
        }
    }

    /// Whether the article could not be reached, as opposed to reached but unusable.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self.kind,
            LoadErrorKind::NoSource
                | LoadErrorKind::Network { .. }
                | LoadErrorKind::Http { .. }
                | LoadErrorKind::Timeout { .. }
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            LoadErrorKind::NoSource => f.write_str(
                "no article given: add a src attribute, an inline JSON or JSON-LD script, or an <article> child",
            ),
            LoadErrorKind::Network { url, reason } => {
                write!(f, "could not fetch {url}: {reason}")
            }
            LoadErrorKind::Http { url, status } => {
                write!(f, "could not fetch {url}: the server answered HTTP {status}")
            }
            LoadErrorKind::Syntax { reason } => write!(f, "the article is not valid JSON: {reason}"),
            LoadErrorKind::WrongType(wrong) => write!(f, "wrong type in the article: {wrong}"),
            LoadErrorKind::NoArticle { format, looked_for } => {
                write!(f, "the {format} has no {looked_for}")
            }
            LoadErrorKind::MissingHeadline => f.write_str("the article has no \"headline\""),
            LoadErrorKind::EmptyBody => {
                f.write_str("the article's \"body\" has no paragraph, subheading, quote or list with text")
            }
            LoadErrorKind::TooLarge { reason } => write!(f, "the article is too large: {reason}"),
            LoadErrorKind::Timeout { url, seconds } => {
                write!(f, "could not fetch {url}: no complete answer within {seconds} seconds")
            }
            LoadErrorKind::ContentType { url, content_type } => {
                write!(f, "{url} is {content_type}, not JSON")
            }
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_bad_input() {
        let error = LoadError::new(LoadErrorKind::Http {
            url: "https://news.example/a.json".into(),
            status: 404,
        });
        assert_eq!(
            error.to_string(),
            "could not fetch https://news.example/a.json: the server answered HTTP 404"
        );
    }

    #[test]
    fn each_kind_has_its_documented_code() {
        let codes: Vec<&str> = [
            LoadErrorKind::NoSource,
            LoadErrorKind::Network {
                url: "u".into(),
                reason: "r".into(),
            },
            LoadErrorKind::Http {
                url: "u".into(),
                status: 404,
            },
            LoadErrorKind::Syntax { reason: "r".into() },
            LoadErrorKind::WrongType(WrongType {
                path: "headline".into(),
                expected: "a string",
                found: "a number",
            }),
            LoadErrorKind::NoArticle {
                format: "HTML",
                looked_for: "<article> element",
            },
            LoadErrorKind::MissingHeadline,
            LoadErrorKind::EmptyBody,
            LoadErrorKind::TooLarge { reason: "r".into() },
            LoadErrorKind::Timeout {
                url: "u".into(),
                seconds: 10,
            },
            LoadErrorKind::ContentType {
                url: "u".into(),
                content_type: "text/html".into(),
            },
        ]
        .into_iter()
        .map(|kind| LoadError::new(kind).code())
        .collect();
        assert_eq!(
            codes,
            vec![
                "no-source",
                "network",
                "http",
                "malformed",
                "malformed",
                "malformed",
                "missing-headline",
                "empty-body",
                "too-large",
                "timeout",
                "content-type"
            ]
        );
    }

    #[test]
    fn network_and_http_failures_are_unreachable_articles() {
        assert!(LoadError::new(LoadErrorKind::NoSource).is_unreachable());
        assert!(LoadError::new(LoadErrorKind::Http {
            url: "u".into(),
            status: 500
        })
        .is_unreachable());
        assert!(!LoadError::new(LoadErrorKind::EmptyBody).is_unreachable());
    }
}
