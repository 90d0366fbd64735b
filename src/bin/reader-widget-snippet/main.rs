//! `reader-widget-snippet`: the publisher's embed snippet, rendered ahead of time (see
//! `src/snippet.rs`), an article's embed page (`src/embed_page.rs`), and an oEmbed endpoint
//! that serves them.
//!
//! ```text
//! reader-widget-snippet [OPTIONS] ARTICLE          the snippet for ARTICLE (JSON, JSON-LD or HTML)
//! reader-widget-snippet [OPTIONS] --into PAGE ARTICLE
//!                                                  PAGE with the snippet in place of the line
//!                                                  <!-- reader-widget-snippet -->
//! reader-widget-snippet [OPTIONS] --embed-page --script URL ARTICLE
//!                                                  ARTICLE's embed page, a whole HTML page for an
//!                                                  iframe, loading the widget from URL
//! reader-widget-snippet stylesheet                 the stylesheet snippets link to
//! reader-widget-snippet serve [OPTIONS] [--address 127.0.0.1:8090] [--articles DIR]
//!                             [--public-url URL]   oEmbed for the articles in DIR
//!                             [--script URL]       and their embed pages at /embed/<article>,
//!                             [--embed-url URL]    published at URL (the oEmbed answers frame
//!                                                  them; `&html=snippet` asks for the snippet)
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
mod command;
#[cfg(not(target_arch = "wasm32"))]
mod server;
