//! `reader-widget-snippet serve`: the oEmbed endpoint for the articles of one folder, and
//! their embed pages.

use std::collections::HashMap;
use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use reader_widget::embed_page;
use reader_widget::snippet::{self, SnippetOptions};
use serde::Deserialize;
use serde_json::json;

use crate::command::Arguments;

/// What the oEmbed endpoint knows.
struct Service {
    options: SnippetOptions,
    articles: PathBuf,
    /// The URL the articles folder is published at, ending in `/`.
    public_url: String,
    /// The widget's `reader-widget.js`, which embed pages load (`--script`).
    script_url: Option<String>,
    /// Where the embed pages are published, ending in `/` (`--embed-url`).
    embed_url: String,
    /// One permit a render: Yew's server renderer keeps a thread busy for each.
    renders: tokio::sync::Semaphore,
    /// Answers made, with the modification time of the file each was made from.
    answers: Mutex<HashMap<AnswerKey, (SystemTime, String)>>,
}

/// What an answer is made from: the article's file name, and what was made of it.
type AnswerKey = (String, Made);

/// The most answers kept; past it the cache starts again (a folder of articles is small).
const MAX_CACHED_ANSWERS: usize = 1_024;

/// The kinds of file the server answers for.
const ARTICLE_EXTENSIONS: [&str; 3] = ["json", "jsonld", "html"];

pub(crate) async fn serve(arguments: Arguments) -> Result<(), String> {
    let address = arguments
        .address
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8090)));
    let public_url = arguments
        .public_url
        .unwrap_or_else(|| format!("http://{address}/articles/"));
    let service = Arc::new(Service {
        options: arguments.options,
        articles: arguments
            .articles
            .unwrap_or_else(|| PathBuf::from("demo/articles")),
        public_url: format!("{}/", public_url.trim_end_matches('/')),
        script_url: arguments.script_url,
        embed_url: format!(
            "{}/",
            arguments
                .embed_url
                .unwrap_or_else(|| format!("http://{address}/embed/"))
                .trim_end_matches('/')
        ),
        renders: tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(2, usize::from),
        ),
        answers: Mutex::new(HashMap::new()),
    });
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| format!("{address}: {error}"))?;
    eprintln!(
        "reader-widget-snippet: oEmbed at http://{address}/oembed?url={}<article>",
        service.public_url
    );
    match &service.script_url {
        Some(_) => eprintln!(
            "reader-widget-snippet: embed pages at {}<article>, framed by the oEmbed answers",
            service.embed_url
        ),
        None => eprintln!(
            "reader-widget-snippet: without --script, no embed pages: the oEmbed answers give \
             the snippet, which WordPress drops"
        ),
    }
    let app = Router::new()
        .route("/oembed", get(oembed))
        .route("/embed/{name}", get(embed))
        .layer(axum::middleware::map_response(no_sniffing))
        .with_state(service);
    axum::serve(listener, app)
        .await
        .map_err(|error| error.to_string())
}

/// An oEmbed request's query (<https://oembed.com/#section2.2>).
#[derive(Deserialize)]
struct OembedQuery {
    url: Option<String>,
    format: Option<String>,
    maxwidth: Option<u32>,
    /// `snippet` for the snippet itself, for CMSs that keep it; else the embed page framed,
    /// when the server has embed pages.
    html: Option<String>,
}

fn problem(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// Every answer is what its Content-Type says, never sniffed into HTML.
async fn no_sniffing(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The text of the article file at `path`, read no further than the widget's size limit.
fn read_article_file(path: &Path) -> Result<String, (StatusCode, String)> {
    let file = std::fs::File::open(path)
        .map_err(|_| (StatusCode::NOT_FOUND, "no such article".to_owned()))?;
    let limit = u64::try_from(reader_widget::article::MAX_ARTICLE_BYTES).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| (StatusCode::NOT_FOUND, error.to_string()))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("the article is too large: over the limit of {limit} bytes"),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "the article is not UTF-8 text".to_owned(),
        )
    })
}

async fn oembed(State(service): State<Arc<Service>>, Query(query): Query<OembedQuery>) -> Response {
    if query
        .format
        .as_deref()
        .is_some_and(|format| format != "json")
    {
        return problem(
            StatusCode::NOT_IMPLEMENTED,
            "only format=json is served".to_owned(),
        );
    }
    let Some(url) = query.url else {
        return problem(StatusCode::BAD_REQUEST, "url is required".to_owned());
    };
    let max_width = query.maxwidth;
    let framed = service.script_url.is_some() && query.html.as_deref() != Some("snippet");
    let embed_url = url
        .strip_prefix(&service.public_url)
        .map(|name| format!("{}{name}", service.embed_url))
        .unwrap_or_default();
    let made = answer(
        &service,
        url,
        Made::Oembed(max_width, framed),
        move |made| {
            if framed {
                embed_page::oembed_frame(made, &embed_url, "reader-widget", max_width).to_string()
            } else {
                snippet::oembed(made, "reader-widget", max_width).to_string()
            }
        },
    )
    .await;
    match made {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(response) => response,
    }
}

/// `/embed/<article>`: the article's embed page (see `reader_widget::embed_page`), with its
/// policy as a header too; only when the server was given the widget's `--script` URL.
async fn embed(State(service): State<Arc<Service>>, UrlPath(name): UrlPath<String>) -> Response {
    let Some(script_url) = service.script_url.clone() else {
        return problem(
            StatusCode::NOT_FOUND,
            "no embed pages: the server was started without --script URL".to_owned(),
        );
    };
    let url = format!("{}{name}", service.public_url);
    let policy = embed_page::content_security_policy(&script_url);
    let made = answer(&service, url, Made::EmbedPage, move |made| {
        embed_page::embed_page(made, &script_url).html
    })
    .await;
    let html = match made {
        Ok(html) => html,
        Err(response) => return response,
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        html,
    )
        .into_response()
}

/// What an answer for an article is: an oEmbed answer for a `maxwidth`, framing the embed page
/// or not, or the embed page.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
enum Made {
    Oembed(Option<u32>, bool),
    EmbedPage,
}

/// The answer `make` makes from the snippet of the article at `url`, one of this server's, kept
/// until its file changes; or the response that says why there is none.
async fn answer(
    service: &Arc<Service>,
    url: String,
    made: Made,
    make: impl FnOnce(&snippet::Snippet) -> String + Send + 'static,
) -> Result<String, Response> {
    // Only the articles this server publishes, by file name: never a path out of the
    // folder, and never a fetch of somebody else's URL.
    let name = url
        .strip_prefix(&service.public_url)
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !name.starts_with('.')
        })
        .map(str::to_owned);
    let Some(name) = name else {
        return Err(problem(
            StatusCode::NOT_FOUND,
            format!("{url} is not an article under {}", service.public_url),
        ));
    };
    let is_article_file = Path::new(&name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| ARTICLE_EXTENSIONS.contains(&extension));
    if !is_article_file {
        return Err(problem(
            StatusCode::NOT_FOUND,
            format!("{url} is not a .json, .jsonld or .html article"),
        ));
    }
    let path = service.articles.join(&name);
    let Some(modified) = std::fs::metadata(&path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .and_then(|metadata| metadata.modified().ok())
    else {
        return Err(problem(
            StatusCode::NOT_FOUND,
            format!("no article at {url}"),
        ));
    };
    let key = (name, made);
    let cached = service
        .answers
        .lock()
        .ok()
        .and_then(|answers| answers.get(&key).cloned())
        .filter(|(made_from, _)| *made_from == modified);
    if let Some((_, text)) = cached {
        return Ok(text);
    }
    let Ok(_permit) = service.renders.acquire().await else {
        return Err(problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting down".to_owned(),
        ));
    };
    let mut options = service.options.clone();
    options.base_url = Some(url.clone());
    if made == Made::EmbedPage {
        // The page's own policy allows the snippet's styles by their hash, and nothing else.
        options.styles = snippet::SnippetStyles::Inline;
    }
    // Yew's server renderer runs on one thread: each answer is made on a thread of its own.
    let answer = tokio::task::spawn_blocking(move || {
        let text = read_article_file(&path)
            .map_err(|(status, message)| (status, format!("{url}: {message}")))?;
        let article = snippet::read_article_source(&text)
            .map_err(|error| (StatusCode::UNPROCESSABLE_ENTITY, format!("{url}: {error}")))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|error| (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()))?;
        let made = runtime.block_on(snippet::render_snippet(article, &options));
        Ok(make(&made))
    })
    .await;
    match answer {
        Ok(Ok(text)) => {
            if let Ok(mut answers) = service.answers.lock() {
                if answers.len() >= MAX_CACHED_ANSWERS {
                    answers.clear();
                }
                answers.insert(key, (modified, text.clone()));
            }
            Ok(text)
        }
        Ok(Err((status, message))) => Err(problem(status, message)),
        Err(error) => Err(problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            error.to_string(),
        )),
    }
}
