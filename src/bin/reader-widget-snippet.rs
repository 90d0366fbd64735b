//! `reader-widget-snippet`: the publisher's embed snippet, rendered ahead of time (see
//! `src/snippet.rs`), and an oEmbed endpoint that serves it.
//!
//! ```text
//! reader-widget-snippet [OPTIONS] ARTICLE          the snippet for ARTICLE (JSON, JSON-LD or HTML)
//! reader-widget-snippet [OPTIONS] --into PAGE ARTICLE
//!                                                  PAGE with the snippet in place of the line
//!                                                  <!-- reader-widget-snippet -->
//! reader-widget-snippet stylesheet                 the stylesheet snippets link to
//! reader-widget-snippet serve [OPTIONS] [--address 127.0.0.1:8090] [--articles DIR]
//!                             [--public-url URL]   oEmbed for the articles in DIR
//!
//! OPTIONS: --stylesheet URL   link reader-widget.css at URL instead of putting its styles in the
//!                             snippet (inline by default: no render-blocking request; the
//!                             command prints the `style-src` hash a page's CSP names for them)
//!          --stylesheet-integrity
//!                             give the stylesheet link the SRI hash of this version's stylesheet
//!          --base-url URL     the article's URL or folder, for its relative URLs
//!          --text-size STEP   xs, sm, md or lg: the step shown until the reader chooses
//!          --lang TAG         the page's language, for the labels when the article has none
//! ```
//!
//! Bad input fails with the widget's own error messages, and the exit status 1 (2 for a wrong
//! command line). Output cut short by its reader (`… | head`) ends the command quietly.
//!
//! The server answers only for `.json`, `.jsonld` and `.html` files in its folder, reads at
//! most the widget's 2 MiB of any, renders at most as many answers at once as the machine has
//! cores (the others wait their turn), and keeps each answer until its file changes.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    command::main()
}

// The crate is built for WebAssembly too, where this command has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod command {
    use std::collections::HashMap;
    use std::io::{Read, Write};
    use std::net::SocketAddr;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::{Arc, Mutex};
    use std::time::SystemTime;

    use axum::extract::{Query, State};
    use axum::http::{header, HeaderValue, StatusCode};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::{Json, Router};
    use reader_widget::snippet::{self, SnippetOptions, SnippetStyles};
    use reader_widget::text_size::TextSize;
    use serde::Deserialize;
    use serde_json::json;

    /// The line of a page that `--into` replaces with the snippet.
    const PLACEHOLDER: &str = "<!-- reader-widget-snippet -->";

    const USAGE: &str = "usage: reader-widget-snippet [--stylesheet URL] [--stylesheet-integrity] [--base-url URL] [--text-size xs|sm|md|lg] [--lang TAG] [--into PAGE] ARTICLE
       reader-widget-snippet stylesheet
       reader-widget-snippet serve [--address 127.0.0.1:8090] [--articles DIR] [--public-url URL] [--stylesheet URL] [--text-size STEP] [--lang TAG]";

    /// The command line, read.
    #[derive(Debug, Default, PartialEq)]
    struct Arguments {
        mode: Mode,
        options: SnippetOptions,
        into: Option<PathBuf>,
        article: Option<PathBuf>,
        address: Option<SocketAddr>,
        articles: Option<PathBuf>,
        public_url: Option<String>,
    }

    #[derive(Debug, Default, PartialEq)]
    enum Mode {
        #[default]
        Snippet,
        Stylesheet,
        Serve,
    }

    fn parse_arguments(mut args: impl Iterator<Item = String>) -> Result<Arguments, String> {
        let mut parsed = Arguments::default();
        let mut integrity = false;
        let mut first = true;
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "stylesheet" if first => parsed.mode = Mode::Stylesheet,
                "serve" if first => parsed.mode = Mode::Serve,
                "--stylesheet" => {
                    parsed.options.styles = SnippetStyles::Link {
                        url: value(&arg)?,
                        integrity: false,
                    }
                }
                "--stylesheet-integrity" => integrity = true,
                "--base-url" => parsed.options.base_url = Some(value(&arg)?),
                "--text-size" => {
                    let step = value(&arg)?.parse::<TextSize>();
                    parsed.options.text_size = Some(step.map_err(|error| error.to_string())?);
                }
                "--lang" => parsed.options.page_lang = Some(value(&arg)?),
                "--into" => parsed.into = Some(PathBuf::from(value(&arg)?)),
                "--address" => {
                    let address = value(&arg)?;
                    parsed.address = Some(
                        address
                            .parse()
                            .map_err(|_| format!("--address {address}: not an address:port"))?,
                    );
                }
                "--articles" => parsed.articles = Some(PathBuf::from(value(&arg)?)),
                "--public-url" => parsed.public_url = Some(value(&arg)?),
                "-h" | "--help" => return Err(String::new()),
                other if other.starts_with("--") => return Err(format!("unknown option {other}")),
                article if parsed.article.is_none() && parsed.mode == Mode::Snippet => {
                    parsed.article = Some(PathBuf::from(article));
                }
                extra => return Err(format!("unexpected argument {extra}")),
            }
            first = false;
        }
        match &mut parsed.options.styles {
            SnippetStyles::Link {
                integrity: wanted, ..
            } => *wanted = integrity,
            SnippetStyles::Inline if integrity => {
                return Err("--stylesheet-integrity needs --stylesheet URL".to_owned())
            }
            SnippetStyles::Inline => {}
        }
        if parsed.mode == Mode::Snippet && parsed.article.is_none() {
            return Err("which article? (a .json, .jsonld or .html file)".to_owned());
        }
        Ok(parsed)
    }

    pub fn main() -> ExitCode {
        let arguments = match parse_arguments(std::env::args().skip(1)) {
            Ok(arguments) => arguments,
            Err(problem) => {
                if !problem.is_empty() {
                    eprintln!("reader-widget-snippet: {problem}");
                }
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(error) => {
                eprintln!("reader-widget-snippet: {error}");
                return ExitCode::FAILURE;
            }
        };
        let result = match arguments.mode {
            Mode::Stylesheet => write_out(&snippet::stylesheet()),
            Mode::Snippet => runtime.block_on(print_snippet(&arguments)),
            Mode::Serve => runtime.block_on(serve(arguments)),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(problem) => {
                eprintln!("reader-widget-snippet: {problem}");
                ExitCode::FAILURE
            }
        }
    }

    /// Writes `text` to standard output. A reader that stopped reading (`… | head`) has what it
    /// wanted: that ends the command quietly, where `print!` would panic.
    fn write_out(text: &str) -> Result<(), String> {
        let mut stdout = std::io::stdout().lock();
        match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("writing the output: {error}"))
            }
            _ => Ok(()),
        }
    }

    async fn print_snippet(arguments: &Arguments) -> Result<(), String> {
        let path = arguments.article.as_deref().unwrap_or(Path::new(""));
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let article = snippet::read_article_source(&text)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let made = snippet::render_snippet(article, &arguments.options).await;
        for note in &made.notes {
            eprintln!("reader-widget-snippet: {}: {note}", path.display());
        }
        if arguments.options.styles == SnippetStyles::Inline {
            eprintln!(
                "reader-widget-snippet: a page with a Content-Security-Policy allows this \
                 snippet's styles with style-src {} (it changes with the widget's version)",
                snippet::style_hash_source()
            );
        }
        match &arguments.into {
            None => write_out(&format!("{}\n", made.html))?,
            Some(page_path) => {
                let page = std::fs::read_to_string(page_path)
                    .map_err(|error| format!("{}: {error}", page_path.display()))?;
                if !page.contains(PLACEHOLDER) {
                    return Err(format!(
                        "{}: no {PLACEHOLDER} line to put the snippet in",
                        page_path.display()
                    ));
                }
                write_out(&page.replacen(PLACEHOLDER, &made.html, 1))?;
            }
        }
        Ok(())
    }

    /// What the oEmbed endpoint knows.
    struct Service {
        options: SnippetOptions,
        articles: PathBuf,
        /// The URL the articles folder is published at, ending in `/`.
        public_url: String,
        /// One permit a render: Yew's server renderer keeps a thread busy for each.
        renders: tokio::sync::Semaphore,
        /// Answers made, with the modification time of the file each was made from.
        answers: Mutex<HashMap<AnswerKey, (SystemTime, String)>>,
    }

    /// What an answer is made from: the article's file name and the `maxwidth` asked for.
    type AnswerKey = (String, Option<u32>);

    /// The most answers kept; past it the cache starts again (a folder of articles is small).
    const MAX_CACHED_ANSWERS: usize = 1_024;

    /// The kinds of file the server answers for.
    const ARTICLE_EXTENSIONS: [&str; 3] = ["json", "jsonld", "html"];

    async fn serve(arguments: Arguments) -> Result<(), String> {
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
        let app = Router::new()
            .route("/oembed", get(oembed))
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

    async fn oembed(
        State(service): State<Arc<Service>>,
        Query(query): Query<OembedQuery>,
    ) -> Response {
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
            return problem(
                StatusCode::NOT_FOUND,
                format!("{url} is not an article under {}", service.public_url),
            );
        };
        let is_article_file = Path::new(&name)
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| ARTICLE_EXTENSIONS.contains(&extension));
        if !is_article_file {
            return problem(
                StatusCode::NOT_FOUND,
                format!("{url} is not a .json, .jsonld or .html article"),
            );
        }
        let path = service.articles.join(&name);
        let Some(modified) = std::fs::metadata(&path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|metadata| metadata.modified().ok())
        else {
            return problem(StatusCode::NOT_FOUND, format!("no article at {url}"));
        };
        let key = (name, query.maxwidth);
        let cached = service
            .answers
            .lock()
            .ok()
            .and_then(|answers| answers.get(&key).cloned())
            .filter(|(made_from, _)| *made_from == modified);
        if let Some((_, json)) = cached {
            return json_answer(json);
        }
        let Ok(_permit) = service.renders.acquire().await else {
            return problem(StatusCode::SERVICE_UNAVAILABLE, "shutting down".to_owned());
        };
        let mut options = service.options.clone();
        options.base_url = Some(url.clone());
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
            Ok(snippet::oembed(&made, "reader-widget", query.maxwidth).to_string())
        })
        .await;
        match answer {
            Ok(Ok(json)) => {
                if let Ok(mut answers) = service.answers.lock() {
                    if answers.len() >= MAX_CACHED_ANSWERS {
                        answers.clear();
                    }
                    answers.insert(key, (modified, json.clone()));
                }
                json_answer(json)
            }
            Ok(Err((status, message))) => problem(status, message),
            Err(error) => problem(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()),
        }
    }

    fn json_answer(json: String) -> Response {
        ([(header::CONTENT_TYPE, "application/json")], json).into_response()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn parse(args: &[&str]) -> Result<Arguments, String> {
            parse_arguments(args.iter().map(|arg| (*arg).to_owned()))
        }

        #[test]
        fn reads_the_options_and_the_article() {
            let arguments = parse(&[
                "--stylesheet",
                "https://cdn.example/reader-widget.css",
                "--text-size",
                "lg",
                "a.json",
            ])
            .unwrap();
            assert_eq!(arguments.mode, Mode::Snippet);
            assert_eq!(arguments.article, Some(PathBuf::from("a.json")));
            assert_eq!(arguments.options.text_size, Some(TextSize::Lg));
            assert_eq!(
                arguments.options.styles,
                SnippetStyles::Link {
                    url: "https://cdn.example/reader-widget.css".to_owned(),
                    integrity: false
                }
            );
        }

        #[test]
        fn styles_are_inline_unless_a_stylesheet_is_named() {
            assert_eq!(
                parse(&["a.json"]).unwrap().options.styles,
                SnippetStyles::Inline
            );
            assert!(parse(&["--stylesheet-integrity", "a.json"])
                .unwrap_err()
                .contains("needs --stylesheet"));
            assert_eq!(
                parse(&["--stylesheet-integrity", "--stylesheet", "s.css", "a.json"])
                    .unwrap()
                    .options
                    .styles,
                SnippetStyles::Link {
                    url: "s.css".to_owned(),
                    integrity: true
                }
            );
        }

        #[test]
        fn refuses_what_it_does_not_know() {
            assert!(parse(&[]).is_err());
            assert!(parse(&["--text-size", "huge", "a.json"])
                .unwrap_err()
                .contains("invalid text-size"));
            assert!(parse(&["--colour", "red", "a.json"]).is_err());
            assert!(parse(&["serve", "--address", "nowhere"]).is_err());
            assert!(parse(&["a.json", "b.json"]).is_err());
        }

        #[test]
        fn serve_and_stylesheet_are_modes_only_in_first_place() {
            assert_eq!(parse(&["serve"]).unwrap().mode, Mode::Serve);
            assert_eq!(parse(&["stylesheet"]).unwrap().mode, Mode::Stylesheet);
            assert_eq!(
                parse(&["serve.json"]).unwrap().article,
                Some(PathBuf::from("serve.json"))
            );
        }
    }
}
