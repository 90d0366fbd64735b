//! The command line: reading it, and the snippet (or the stylesheet) it prints.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reader_widget::snippet::{self, SnippetOptions, SnippetStyles};
use reader_widget::text_size::TextSize;

/// The line of a page that `--into` replaces with the snippet.
const PLACEHOLDER: &str = "<!-- reader-widget-snippet -->";

const USAGE: &str = "usage: reader-widget-snippet [--stylesheet URL] [--stylesheet-integrity] [--base-url URL] [--text-size xs|sm|md|lg] [--lang TAG] [--into PAGE] ARTICLE
       reader-widget-snippet --embed-page --script URL [--base-url URL] [--text-size STEP] [--lang TAG] ARTICLE
       reader-widget-snippet stylesheet
       reader-widget-snippet serve [--address 127.0.0.1:8090] [--articles DIR] [--public-url URL] [--script URL] [--embed-url URL] [--stylesheet URL] [--text-size STEP] [--lang TAG]
       reader-widget-snippet --help | --version";

/// What `--help` prints after the usage: what each form and option does.
const HELP: &str = "
An article's <reader-widget> embed, rendered ahead of time: readable before any script, and
taken over by the widget in place.

  ARTICLE                    print the snippet for ARTICLE (a .json, .jsonld or .html file)
  --into PAGE ARTICLE        print PAGE with the snippet in place of its line
                             <!-- reader-widget-snippet -->
  --embed-page --script URL ARTICLE
                             print ARTICLE's embed page, a whole HTML page for a CMS's iframe,
                             loading the widget from URL
  stylesheet                 print the stylesheet that snippets link to (reader-widget.css)
  serve                      answer oEmbed requests at --address (default 127.0.0.1:8090) for
                             the articles in --articles DIR (default demo/articles), published
                             at --public-url URL (default http://ADDRESS/articles/); with
                             --script URL, also their embed pages at /embed/<article>,
                             published at --embed-url URL (default http://ADDRESS/embed/)

Options:
  --stylesheet URL           link reader-widget.css at URL instead of putting its styles in the
                             snippet (inline by default; the command prints the style-src hash
                             a page's Content-Security-Policy names for them)
  --stylesheet-integrity     give that link the SRI hash of this version's stylesheet
  --base-url URL             the article's URL or folder, for its relative URLs
  --text-size STEP           xs, sm, md or lg: the step shown until the reader chooses
  --lang TAG                 the page's language, for the labels when the article has none
  -h, --help                 print this help
  -V, --version              print the version

Exit status: 0 on success, 1 for an article or page that cannot be read, 2 for a wrong command
line.
";

/// The command line, read.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Arguments {
    mode: Mode,
    pub(crate) options: SnippetOptions,
    into: Option<PathBuf>,
    article: Option<PathBuf>,
    pub(crate) address: Option<SocketAddr>,
    pub(crate) articles: Option<PathBuf>,
    pub(crate) public_url: Option<String>,
    /// The widget's `reader-widget.js`, for embed pages.
    pub(crate) script_url: Option<String>,
    /// Where the server's embed pages are published (`…/embed/`).
    pub(crate) embed_url: Option<String>,
    /// Print the article's embed page instead of its snippet.
    embed_page: bool,
}

#[derive(Debug, Default, PartialEq)]
enum Mode {
    #[default]
    Snippet,
    Stylesheet,
    Serve,
    /// `--help`: the usage and what each option does, on standard output.
    Help,
    /// `--version`: the command's name and version, on standard output.
    Version,
}

impl Arguments {
    /// A command line that asks only for `mode` (the help or the version).
    fn asking_for(mode: Mode) -> Arguments {
        Arguments {
            mode,
            ..Arguments::default()
        }
    }
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
            "--script" => parsed.script_url = Some(value(&arg)?),
            "--embed-url" => parsed.embed_url = Some(value(&arg)?),
            "--embed-page" => parsed.embed_page = true,
            // Asked for anywhere on the line, as with every common command, and the rest ignored.
            "-h" | "--help" => return Ok(Arguments::asking_for(Mode::Help)),
            "-V" | "--version" => return Ok(Arguments::asking_for(Mode::Version)),
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
    if parsed.embed_page {
        if parsed.script_url.is_none() {
            return Err(
                "--embed-page needs --script URL (the widget's reader-widget.js)".to_owned(),
            );
        }
        // The page's policy allows the snippet's styles by their hash, and nothing else.
        if parsed.options.styles != SnippetStyles::Inline || parsed.into.is_some() {
            return Err("--embed-page makes a whole page: no --stylesheet, no --into".to_owned());
        }
    }
    Ok(parsed)
}

pub fn main() -> ExitCode {
    let arguments = match parse_arguments(std::env::args().skip(1)) {
        Ok(arguments) => arguments,
        Err(problem) => {
            eprintln!("reader-widget-snippet: {problem}");
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
        Mode::Help => write_out(&format!("{USAGE}\n{HELP}")),
        Mode::Version => write_out(&format!(
            "reader-widget-snippet {}\n",
            env!("CARGO_PKG_VERSION")
        )),
        Mode::Stylesheet => write_out(&snippet::stylesheet()),
        Mode::Snippet => runtime.block_on(print_snippet(&arguments)),
        Mode::Serve => runtime.block_on(crate::server::serve(arguments)),
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
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
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
    if arguments.embed_page {
        let script_url = arguments.script_url.as_deref().unwrap_or_default();
        return write_out(&reader_widget::embed_page::embed_page(&made, script_url).html);
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
