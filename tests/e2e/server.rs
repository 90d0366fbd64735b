//! The two loopback origins every scenario runs across, as on a publisher's site that serves the
//! widget from a CDN: the page origin serves the demo site's pages and articles (`target/site`),
//! with each page's `reader-widget.js` script tag pointed at the asset origin; the asset origin
//! serves the release package, `dist/`, with CORS. Each page also gets an inline recorder of
//! console errors and uncaught exceptions, first thing in its `<head>`, so a scenario can check
//! the page stayed clean.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

// Beside this file wherever it is included (the e2e tests, browser fuzzing, the bench).
#[path = "held_back.rs"]
mod held_back;

/// How many never-ending responses the browser has closed (aborted) so far; read at
/// `/hostile/aborted-count`.
static ABORTED: AtomicUsize = AtomicUsize::new(0);

/// The rounds of `/hostile/together.html`, by name: each holds its module, WebAssembly and
/// article requests until all three have arrived, so whether they were made at once does not
/// depend on how fast loopback answers. Read at `/hostile/together-met?<round>`.
static TOGETHER: Mutex<BTreeMap<String, TogetherRound>> = Mutex::new(BTreeMap::new());
static TOGETHER_ARRIVED: Condvar = Condvar::new();

/// Every request either origin has answered, in order, as `(URL, status)`: a scenario notes how
/// many there were, opens a page, and reads what came after ([`answered_since`]).
static ANSWERED: Mutex<Vec<(String, u16)>> = Mutex::new(Vec::new());

/// How many requests the origins have answered so far.
pub fn answered_count() -> usize {
    ANSWERED.lock().map_or(0, |answered| answered.len())
}

/// The requests answered after the first `mark`, as `(URL, status)`.
pub fn answered_since(mark: usize) -> Vec<(String, u16)> {
    ANSWERED
        .lock()
        .map(|answered| answered.get(mark..).unwrap_or_default().to_vec())
        .unwrap_or_default()
}

/// How long a held request waits for the others: far longer than any engine takes to make three
/// requests from one task, far shorter than a scenario's wait for the article.
const TOGETHER_WAIT: Duration = Duration::from_secs(3);

#[derive(Default)]
struct TogetherRound {
    arrived: usize,
    /// Whether a request was answered before all three had arrived (one waited for another).
    answered_alone: bool,
    /// Whether all three arrived before any was answered.
    met: bool,
}

/// Holds one of a round's three requests until the other two have arrived, or until
/// [`TOGETHER_WAIT`] has passed, when the round is marked as not met.
fn hold_until_all_three_arrive(round: &str) {
    let Ok(mut rounds) = TOGETHER.lock() else {
        return;
    };
    let this = rounds.entry(round.to_owned()).or_default();
    this.arrived += 1;
    if this.arrived == 3 && !this.answered_alone {
        this.met = true;
        TOGETHER_ARRIVED.notify_all();
    }
    let deadline = Instant::now() + TOGETHER_WAIT;
    loop {
        let met = rounds.get(round).is_some_and(|this| this.met);
        let left = deadline.saturating_duration_since(Instant::now());
        if met || left.is_zero() {
            break;
        }
        match TOGETHER_ARRIVED.wait_timeout(rounds, left) {
            Ok((guard, _)) => rounds = guard,
            Err(_) => return,
        }
    }
    if let Some(this) = rounds.get_mut(round) {
        this.answered_alone |= !this.met;
    }
}

/// What a round of `/hostile/together.html` saw, as JSON.
fn together_report(round: &str) -> Response {
    let (arrived, met) = TOGETHER
        .lock()
        .ok()
        .and_then(|rounds| rounds.get(round).map(|this| (this.arrived, this.met)))
        .unwrap_or((0, false));
    let body = format!(r#"{{"arrived":{arrived},"met":{met}}}"#);
    Response::new(200, "application/json", body.as_bytes())
}

/// Records console errors, uncaught exceptions and Content-Security-Policy violations in
/// `window.__pageErrors`, and console notes in `window.__pageNotes`, from the start; and, once
/// the page is parsed, each embed's server-rendered article node in `window.__parsedArticles`.
const ERROR_RECORDER: &str = r#"<script>
window.__pageErrors = [];
window.__pageNotes = [];
const consoleError = console.error.bind(console);
console.error = (...args) => { window.__pageErrors.push(args.map(String).join(" ")); consoleError(...args); };
const consoleInfo = console.info.bind(console);
console.info = (...args) => { window.__pageNotes.push(args.map(String).join(" ")); consoleInfo(...args); };
addEventListener("error", (event) => window.__pageErrors.push(String(event.message)));
addEventListener("unhandledrejection", (event) => window.__pageErrors.push(String(event.reason)));
customElements.whenDefined("reader-widget").then(() => { window.__definedAt = performance.now(); });
document.addEventListener("DOMContentLoaded", () => { window.__parsedArticles = [...document.querySelectorAll("reader-widget")].map((element) => element.shadowRoot?.querySelector(".rw-article") ?? null); });
document.addEventListener("securitypolicyviolation", (event) => window.__pageErrors.push(`CSP ${event.violatedDirective}: ${event.blockedURI}`), true);
</script>"#;

/// The running servers.
pub struct Origins {
    /// Where pages are loaded from, e.g. `http://127.0.0.1:40123`.
    pub pages: String,
    /// Where the widget's files are loaded from.
    pub assets: String,
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// Headers beyond the usual ones, e.g. `Location`.
    headers: Vec<(&'static str, String)>,
    /// Whether to send `Access-Control-Allow-Origin: *` (the asset origin's default).
    cors: Option<bool>,
    /// Announce more body than is sent, send what there is, then hold the connection open.
    never_ends: bool,
    /// Send an article over the widget's 2 MiB limit (see [`Oversized`]).
    oversized: Option<Oversized>,
    /// The `Cache-Control` value: `no-store` (every load is a first visit) unless said.
    cache: &'static str,
}

/// How a response over the widget's limit comes: either way the browser should let go of it
/// long before it ends, which the server counts in [`ABORTED`].
#[derive(Clone, Copy, PartialEq)]
enum Oversized {
    /// A Content-Length of 3 MiB, then the body slowly: refused on the header.
    Declared,
    /// No Content-Length, then up to 64 MiB at 6.4 MB a second: refused once 2 MiB have
    /// arrived.
    Streamed,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: &[u8]) -> Response {
        Response {
            status,
            content_type,
            body: body.to_vec(),
            headers: Vec::new(),
            cors: None,
            never_ends: false,
            oversized: None,
            cache: "no-store",
        }
    }

    fn not_found() -> Response {
        Response::new(404, "text/plain", b"not found")
    }
}

/// The hostile answers a `src` can meet, under `/hostile/` on the page origin: an error status,
/// an HTML page, JSON sent as plain text (accepted) and labelled as an image (refused), a
/// redirect to the seed article, a response that never ends, and two over the size limit; and
/// pages whose embed of the never-ending response goes before the widget starts, or stays.
fn hostile(path: &str) -> Option<Response> {
    let name = path.strip_prefix("/hostile/")?;
    Some(match name {
        "status-500" => Response::new(500, "text/plain", b"internal error"),
        "html" => Response::new(
            200,
            "text/html; charset=utf-8",
            b"<!doctype html><title>Sign in</title><p>Please sign in.",
        ),
        "plain-text" => Response::new(
            200,
            "text/plain",
            br#"{"headline":"H","body":[{"type":"paragraph","text":"p"}]}"#,
        ),
        // "Café" in Latin-1: the é is not UTF-8, and decodes as U+FFFD.
        "latin-1" => Response::new(
            200,
            "application/json",
            b"{\"headline\":\"Caf\xe9\",\"body\":[{\"type\":\"paragraph\",\"text\":\"p\"}]}",
        ),
        "byte-order-mark" => Response::new(
            200,
            "application/json",
            b"\xef\xbb\xbf{\"headline\":\"H\",\"body\":[{\"type\":\"paragraph\",\"text\":\"p\"}]}",
        ),
        "image" => Response::new(
            200,
            "image/png",
            br#"{"headline":"H","body":[{"type":"paragraph","text":"p"}]}"#,
        ),
        "redirect" => {
            let mut response = Response::new(302, "text/plain", b"");
            response
                .headers
                .push(("Location", "/articles/syria-resolution.json".to_owned()));
            response
        }
        "aborted-count" => Response::new(
            200,
            "application/json",
            ABORTED.load(Ordering::SeqCst).to_string().as_bytes(),
        ),
        // An embed the page removes once parsed: after the loader has asked for its article,
        // before the widget has started.
        "removed-before-start.html" => Response::new(
            200,
            "text/html; charset=utf-8",
            br#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An embed removed before the widget starts</title>
<script type="module" src="../reader-widget.js"></script></head><body>
<reader-widget src="/hostile/never-ends"></reader-widget>
<script>document.addEventListener("DOMContentLoaded", () => document.querySelector("reader-widget").remove());</script>
</body></html>"#,
        ),
        "declared-too-large" | "streams-too-large" => {
            let mut response = Response::new(200, "application/json", br#"{"headline":"H","body":["#);
            response.oversized = Some(if name == "declared-too-large" {
                Oversized::Declared
            } else {
                Oversized::Streamed
            });
            response
        }
        // A page whose embed's early request (the loader's) never ends: the widget's time-out
        // must close it.
        "early-never-ends.html" => Response::new(
            200,
            "text/html; charset=utf-8",
            br#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An embed whose article never ends</title>
<script type="module" src="../reader-widget.js"></script></head><body>
<reader-widget src="/hostile/never-ends"></reader-widget>
</body></html>"#,
        ),
        // A fallback link in each of two `src` embeds: one article never ends, one arrives.
        "fallback-while-loading.html" => Response::new(
            200,
            "text/html; charset=utf-8",
            br#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Fallbacks while the articles load</title>
<script type="module" src="../reader-widget.js"></script></head><body>
<reader-widget src="/hostile/never-ends"><a id="never" href="/elsewhere">Read the article</a></reader-widget>
<reader-widget src="/articles/syria-resolution.json"><a id="arrives" href="/elsewhere">Read the article</a></reader-widget>
</body></html>"#,
        ),
        "never-ends" => {
            let mut response =
                Response::new(200, "application/json", br#"{"headline":"H","body":["#);
            response.never_ends = true;
            response
        }
        _ => return None,
    })
}

type Handler = dyn Fn(&str, &str) -> Response + Send + Sync;

/// The release build, which `make dist` makes.
pub fn dist() -> Result<PathBuf, String> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    if dist.join("reader-widget.js").is_file() {
        Ok(dist)
    } else {
        Err(format!(
            "no release build in {}: run `make dist` first",
            dist.display()
        ))
    }
}

/// The demo site, which `make dist` builds beside the release package: the pages and articles
/// the scenarios open.
#[allow(dead_code)] // The benchmark and the browser fuzzing tier serve their own pages.
pub fn site() -> Result<PathBuf, String> {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site");
    if site.join("index.html").is_file() {
        Ok(site)
    } else {
        Err(format!(
            "no demo site in {}: run `make dist` first",
            site.display()
        ))
    }
}

/// The folder of the publisher's project that `/npm-project/` serves (the e2e scenario that
/// opens it installs the package there first).
pub fn npm_project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-npm-project")
}

/// The folder of the WordPress post that `/cms/wordpress/` serves (the e2e scenario that opens
/// it writes it first).
pub fn wordpress_post() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-wordpress")
}

/// Starts both origins: pages (and their articles) from `pages_root`, the widget from `dist`.
pub fn start_with_pages(pages_root: PathBuf, dist: PathBuf) -> Origins {
    let dist_for_pages = dist.clone();
    let assets_root = dist;
    let asset_port = serve(
        Arc::new(move |path: &str, _query: &str| {
            // "/second-copy/…" is the same build again, for pages that include it twice.
            let path = path.strip_prefix("/second-copy").unwrap_or(path);
            // The error recorder, for a page whose policy allows scripts from this origin only.
            if path == "/csp/recorder.js" {
                return Response::new(200, "text/javascript", recorder_script().as_bytes());
            }
            // "/together-<round>/…" is the same build, with everything the entry loads held
            // until the round's three requests have arrived (see `hold_until_all_three_arrive`).
            if let Some((round, path)) = path
                .strip_prefix("/together-")
                .and_then(|rest| rest.split_once('/'))
            {
                if path != "reader-widget.js" {
                    hold_until_all_three_arrive(round);
                }
                return file(&assets_root, path);
            }
            // "/held-back-<round>/…" is the same build, its WebAssembly held until the round is
            // released (a held script would hold the page's load event too).
            if let Some((round, path)) = path
                .strip_prefix("/held-back-")
                .and_then(|rest| rest.split_once('/'))
            {
                if path.ends_with(".wasm") {
                    held_back::hold_until_released(round);
                }
                return file(&assets_root, path);
            }
            // "/tampered-glue/…" and "/tampered-wasm/…" are the same build as a CDN that was
            // tampered with serves it: every JavaScript file but the entry with a line added,
            // or the WebAssembly with a byte changed.
            if let Some(path) = path.strip_prefix("/tampered-glue") {
                let mut response = file(&assets_root, path);
                if path.ends_with(".js") && path != "/reader-widget.js" {
                    response
                        .body
                        .extend_from_slice(b"\nglobalThis.__tampered = true;\n");
                }
                return response;
            }
            if let Some(path) = path.strip_prefix("/tampered-wasm") {
                let mut response = file(&assets_root, path);
                let middle = response.body.len() / 2;
                if path.ends_with(".wasm") {
                    if let Some(byte) = response.body.get_mut(middle) {
                        *byte ^= 0x01;
                    }
                }
                return response;
            }
            // "/no-cors/…" is the same file without CORS: a cross-origin src the browser refuses.
            match path.strip_prefix("/no-cors") {
                Some(path) => Response {
                    cors: Some(false),
                    ..file(&assets_root, path)
                },
                None => file(&assets_root, path),
            }
        }),
        true,
    );
    let assets = format!("http://127.0.0.1:{asset_port}");
    let asset_origin = assets.clone();
    let entry_integrity = entry_integrity(&dist_for_pages);
    let page_port = serve(
        Arc::new(move |path: &str, query: &str| {
            let path = if path == "/" { "/index.html" } else { path };
            if path == "/hostile/tampered.html" {
                return tampered_page(&asset_origin, &entry_integrity, query);
            }
            if path == "/hostile/inline-styles-csp.html" {
                return inline_styles_page(query == "with-hash");
            }
            if path == "/csp/recorder.js" {
                return Response::new(200, "text/javascript", recorder_script().as_bytes());
            }
            if path == "/cms/embed-page.html" {
                return seed_embed_page(&asset_origin, query == "recorded");
            }
            if path == "/cms/embed-host.html" {
                return recorded_page(EMBED_HOST_PAGE);
            }
            if path == "/theming/guide.html" {
                return guide_theme_page(&asset_origin);
            }
            if path == "/first-paint/page.html" {
                return recorded_page(&held_back::page(&asset_origin, query));
            }
            if path == "/first-paint/release" {
                held_back::release(query);
                return Response::new(200, "text/plain", b"released");
            }
            if path == "/listen/page.html" {
                return listen_page(&asset_origin, query);
            }
            if path == "/snippets/languages.html" {
                return snippets_in_every_language(query == "listen");
            }
            if path == "/phone/frame.html" {
                return phone_frame(query);
            }
            if path == "/phone/languages.html" {
                return phone_languages_page(&asset_origin, query == "card");
            }
            if path == "/csp/give-article.js" {
                // What a page under Trusted Types does instead of writing a script element.
                let script = format!(
                    "document.querySelector('reader-widget').article = {};",
                    include_str!("../../demo/articles/syria-resolution.json")
                );
                return Response::new(200, "text/javascript", script.as_bytes());
            }
            if let Some(mode) = path.strip_prefix("/csp/") {
                return documented_policy_page(mode.trim_end_matches(".html"), &asset_origin);
            }
            match path {
                "/hostile/together.html" => return together_page(&asset_origin, query),
                "/hostile/together-met" => return together_report(query),
                "/hostile/together-article" => {
                    hold_until_all_three_arrive(query);
                    return file(&pages_root, "/articles/syria-resolution.json");
                }
                _ => {}
            }
            // A WordPress post and the embed page it frames, as the WordPress scenario wrote them.
            if let Some(path) = path.strip_prefix("/cms/wordpress") {
                let mut response = file(&wordpress_post(), path);
                if path.starts_with("/embed/") {
                    response.content_type = "text/html; charset=utf-8";
                }
                return response;
            }
            // A publisher's own project, with the package installed from npm: its pages load the
            // widget from their own node_modules, as written.
            if let Some(path) = path.strip_prefix("/npm-project") {
                let mut response = file(&npm_project(), path);
                if response.status == 200 && path.ends_with(".html") {
                    let page = String::from_utf8_lossy(&response.body);
                    response.body = publisher_page(&page, &asset_origin, "own-copy").into_bytes();
                }
                return response;
            }
            let mut response = hostile(path).unwrap_or_else(|| file(&pages_root, path));
            if response.status == 200 && path.ends_with(".html") {
                let page = String::from_utf8_lossy(&response.body);
                response.body = publisher_page(&page, &asset_origin, query).into_bytes();
            }
            response
        }),
        false,
    );
    Origins {
        pages: format!("http://127.0.0.1:{page_port}"),
        assets,
    }
}

/// The entry's SRI hash, from the release's manifest.
fn entry_integrity(dist: &Path) -> String {
    std::fs::read(dist.join("reader-widget.manifest.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|manifest| {
            manifest["files"]["reader-widget.js"]["integrity"]
                .as_str()
                .map(str::to_owned)
        })
        .unwrap_or_default()
}

/// A page that includes the entry with its integrity, as the publisher guide says, from a CDN that was
/// tampered with (`query`: `glue` or `wasm`), holding a markup embed and a server-rendered
/// snippet, which must stay readable.
fn tampered_page(asset_origin: &str, entry_integrity: &str, query: &str) -> Response {
    let snippet = include_str!("../fixtures/server-rendered-seed.html");
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A tampered CDN</title>
<script type="module" integrity="{entry_integrity}" crossorigin="anonymous" src="{asset_origin}/tampered-{query}/reader-widget.js"></script>
</head><body><main>
<reader-widget id="markup"><article><h1>The publisher's markup</h1><p>Readable without the widget.</p></article></reader-widget>
{snippet}
</main></body></html>"#
    );
    recorded_page(&page)
}

/// `page` with the error recorder first in its `<head>`, as an HTML response.
fn recorded_page(page: &str) -> Response {
    let page = page.replacen("<head>", &format!("<head>{ERROR_RECORDER}"), 1);
    Response::new(200, "text/html; charset=utf-8", page.as_bytes())
}

/// A page of one `src` embed whose widget files come under `/together-<round>/` and whose article
/// is `/hostile/together-article?<round>`: all three held until all three have been asked for.
fn together_page(asset_origin: &str, round: &str) -> Response {
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Three requests at once</title>
<script type="module" src="{asset_origin}/together-{round}/reader-widget.js"></script>
</head><body><main><reader-widget src="/hostile/together-article?{round}"></reader-widget></main></body></html>"#
    );
    recorded_page(&page)
}

/// A page without the widget's script under a strict `style-src`, holding the snippet the
/// command makes by default (its styles inline): with the hash the command prints in the policy
/// (`with_hash`), or without it, when the browser must refuse the styles.
fn inline_styles_page(with_hash: bool) -> Response {
    let snippet = include_str!("../fixtures/server-rendered-seed.html");
    let hash = if with_hash {
        reader_widget::snippet::style_hash_source()
    } else {
        String::new()
    };
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inline snippet styles</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' {hash}">
</head><body><main>{snippet}</main></body></html>"#
    );
    recorded_page(&page)
}

/// The Content-Security-Policy of the README's quick start, as written there, with the CDN it
/// names (`https://cdn.example`) the asset origin.
pub fn documented_policy(asset_origin: &str) -> Result<String, String> {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("Content-Security-Policy: ")
        .ok_or("the README gives no Content-Security-Policy line")?;
    let rest = readme
        .get(start + "Content-Security-Policy: ".len()..)
        .unwrap_or_default();
    let policy = rest.split("```").next().unwrap_or_default();
    Ok(policy
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("https://cdn.example", asset_origin))
}

/// A page holding one embed in `mode` (`src`, `json`, `json-ld`, `markup`, `property` or
/// `snippet`), sent
/// with exactly the README's policy as its header, plus, for a snippet, the `style-src` hash the
/// snippet command prints, as the README says to add. Its error recorder is a file of its own,
/// which the policy allows.
fn documented_policy_page(mode: &str, asset_origin: &str) -> Response {
    let seed = include_str!("../../demo/articles/syria-resolution.json");
    let embed = match mode {
        "src" => r#"<reader-widget src="/articles/syria-resolution.json"></reader-widget>"#.to_owned(),
        "json" => format!(
            r#"<reader-widget><script type="application/json">{seed}</script></reader-widget>"#
        ),
        "json-ld" => format!(
            r#"<reader-widget><script type="application/ld+json">{}</script></reader-widget>"#,
            include_str!("../../demo/articles/syria-resolution.jsonld")
        ),
        "markup" => r#"<reader-widget><article><h1>The publisher's markup</h1><p>The article as the publisher wrote it.</p></article></reader-widget>"#.to_owned(),
        // Set by the page's own script, before the widget has defined the element.
        "property" => r#"<reader-widget></reader-widget><script src="/csp/give-article.js"></script>"#.to_owned(),
        "snippet" => include_str!("../fixtures/server-rendered-seed.html").to_owned(),
        _ => return Response::not_found(),
    };
    let mut policy = match documented_policy(asset_origin) {
        Ok(policy) => policy,
        Err(reason) => return Response::new(500, "text/plain", reason.as_bytes()),
    };
    if mode == "snippet" {
        policy = policy.replacen(
            "style-src 'self'",
            &format!(
                "style-src 'self' {}",
                reader_widget::snippet::style_hash_source()
            ),
            1,
        );
    }
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Under the documented policy: {mode}</title>
<script src="/csp/recorder.js"></script>
<script type="module" src="{asset_origin}/reader-widget.js"></script>
</head><body><main>{embed}</main></body></html>"#
    );
    let mut response = Response::new(200, "text/html; charset=utf-8", page.as_bytes());
    response.headers.push(("Content-Security-Policy", policy));
    response
}

/// [`ERROR_RECORDER`] as a script file of its own.
fn recorder_script() -> &'static str {
    ERROR_RECORDER
        .trim_start_matches("<script>")
        .trim_end_matches("</script>")
}

/// The seed's embed page as `reader-widget-snippet` makes it (from the fixture snippet), with
/// the widget from the asset origin and its policy sent as a header too, as the server sends it;
/// `recorded`, with the error recorder first, from the asset origin, which the policy allows
/// as it allows the widget.
fn seed_embed_page(asset_origin: &str, recorded: bool) -> Response {
    let seed = include_str!("../../demo/articles/syria-resolution.json");
    let article = match reader_widget::snippet::read_article_source(seed) {
        Ok(article) => article,
        Err(error) => return Response::new(500, "text/plain", error.to_string().as_bytes()),
    };
    let snippet = reader_widget::snippet::Snippet {
        html: include_str!("../fixtures/server-rendered-seed.html")
            .trim_end()
            .to_owned(),
        notes: Vec::new(),
        article,
    };
    let page = reader_widget::embed_page::embed_page(
        &snippet,
        &format!("{asset_origin}/reader-widget.js"),
    );
    let html = if recorded {
        page.html.replacen(
            "<head>",
            &format!(r#"<head><script src="{asset_origin}/csp/recorder.js"></script>"#),
            1,
        )
    } else {
        page.html
    };
    let mut response = Response::new(200, "text/html; charset=utf-8", html.as_bytes());
    response
        .headers
        .push(("Content-Security-Policy", page.content_security_policy));
    response
}

/// A CMS page holding the embed page in an iframe sandboxed as WordPress sandboxes a provider's
/// (`allow-scripts` only: an opaque origin), with the secret in its URL and on the iframe as
/// WordPress puts them, and a listener that sets the iframe's height from the page's messages
/// and records them in `window.__heights`.
const EMBED_HOST_PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A CMS page</title>
<script>
window.__heights = [];
addEventListener("message", (event) => {
  const frame = document.querySelector("iframe");
  const data = event.data;
  if (event.source !== frame.contentWindow || data?.secret !== frame.dataset.secret || data.message !== "height") return;
  window.__heights.push(data.value);
  frame.height = Math.min(Math.max(data.value, 200), 1000);
});
</script>
</head><body><main>
<iframe sandbox="allow-scripts" src="/cms/embed-page.html#?secret=Xy12ab34" data-secret="Xy12ab34" width="600" height="200" title="US, Russia Fail to Agree on Syria Resolution"></iframe>
</main></body></html>"#;

/// A phone's screen: the languages page below in a frame `width` CSS pixels wide (a frame's
/// viewport is exactly its width in every engine, which a window is not), with the page's
/// embeds in a publisher's bordered card for `card`. `query`: `320`, `375-card`, ….
fn phone_frame(query: &str) -> Response {
    let (width, card) = match query.split_once('-') {
        Some((width, _)) => (width, "?card"),
        None => (query, ""),
    };
    let width: u32 = width.parse().unwrap_or(320);
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A phone</title>
<style>body {{ margin: 0; }} iframe {{ display: block; border: 0; }}</style>
</head><body><iframe src="/phone/languages.html{card}" width="{width}" height="640" title="The phone's page"></iframe></body></html>"#
    );
    recorded_page(&page)
}

/// The seed article once in every language the widget speaks, each an inline-JSON embed, on a
/// page with a 16 px margin (and, for `card`, each in a bordered card with 16 px padding), whose
/// scroll bar takes no width, as a phone's does not.
fn phone_languages_page(asset_origin: &str, card: bool) -> Response {
    let seed = include_str!("../../demo/articles/syria-resolution.json");
    let Ok(mut article) = serde_json::from_str::<serde_json::Value>(seed) else {
        return Response::new(500, "text/plain", b"the seed is not JSON");
    };
    // Its image from the articles' folder, as the page is elsewhere.
    article["image"]["src"] = serde_json::Value::from("/articles/kerry-lavrov-placeholder.svg");
    let mut embeds = String::new();
    for table in reader_widget::labels::LANGUAGES.iter() {
        article["lang"] = serde_json::Value::from(table.lang());
        let json = article.to_string().replace("</", "<\\/");
        let embed = format!(
            r#"<reader-widget><script type="application/json">{json}</script></reader-widget>"#
        );
        if card {
            embeds.push_str(&format!(r#"<div class="card">{embed}</div>"#));
        } else {
            embeds.push_str(&embed);
        }
    }
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Every language on a phone</title>
<style>html {{ scrollbar-width: none; }} body {{ margin: 16px; }} .card {{ margin-block-end: 16px; padding: 16px; border: 1px solid #b1b4b6; border-radius: 8px; }}</style>
<script type="module" src="{asset_origin}/reader-widget.js"></script>
</head><body><main>{embeds}</main></body></html>"#
    );
    recorded_page(&page)
}

/// Three embeds with `listen`, the seed in English twice and in Russian, in the `theme` the
/// query names (light by default), on a page whose speech synthesis is the scripted stand-in
/// (`speech-stand-in.js`: English voices only, until a test adds another).
fn listen_page(asset_origin: &str, theme: &str) -> Response {
    let theme = if theme == "dark" { "dark" } else { "light" };
    let stand_in = include_str!("speech-stand-in.js");
    let page = format!(
        r##"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Listen</title>
<script>{stand_in}</script>
<script type="module" src="{asset_origin}/reader-widget.js"></script>
</head><body><main>
<p><a id="before-embed" href="#after-embed">Before the embeds</a></p>
<reader-widget listen theme="{theme}" src="/articles/syria-resolution.json"></reader-widget>
<reader-widget listen theme="{theme}" src="/articles/syria-resolution.json"></reader-widget>
<reader-widget listen theme="{theme}" src="/articles/syria-resolution.ru.json"></reader-widget>
<p><a id="after-embed" href="#before-embed">After the embeds</a></p>
</main></body></html>"##
    );
    recorded_page(&page)
}

/// The seed's snippet in every language the widget speaks, as `reader-widget-snippet` makes
/// it, on a page without the widget's script: a test reads the snippets as the server wrote
/// them, then adds the script. With `listen`, each snippet has the attribute and the page the
/// stand-in for speech synthesis (`speech-stand-in.js`), with its English voice.
fn snippets_in_every_language(listen: bool) -> Response {
    let seed = include_str!("../../demo/articles/syria-resolution.json");
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return Response::new(500, "text/plain", b"no runtime for the snippets");
    };
    let mut snippets = String::new();
    for table in reader_widget::labels::LANGUAGES.iter() {
        let mut article = match reader_widget::snippet::read_article_source(seed) {
            Ok(article) => article,
            Err(error) => return Response::new(500, "text/plain", error.to_string().as_bytes()),
        };
        article.lang = Some(table.lang().to_owned());
        let options = reader_widget::snippet::SnippetOptions {
            base_url: Some("/articles/".into()),
            ..Default::default()
        };
        let made = runtime.block_on(reader_widget::snippet::render_snippet(article, &options));
        let html = if listen {
            made.html
                .replacen("<reader-widget", "<reader-widget listen", 1)
        } else {
            made.html
        };
        snippets.push_str(&html);
    }
    let stand_in = if listen {
        format!("<script>{}</script>", include_str!("speech-stand-in.js"))
    } else {
        String::new()
    };
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippets in every language</title>
{stand_in}</head><body><main>{snippets}</main></body></html>"#
    );
    recorded_page(&page)
}

/// The publisher guide's theming example, its first CSS block under "## Theming", as written.
pub fn guide_theme() -> Result<&'static str, String> {
    let guide = include_str!("../../docs/publisher-guide.md");
    guide
        .split("\n## Theming\n")
        .nth(1)
        .and_then(|theming| theming.split("```css\n").nth(1))
        .and_then(|block| block.split("```").next())
        .ok_or_else(|| "the publisher guide has no CSS example under Theming".to_owned())
}

/// A page with the guide's theming example in its stylesheet and two `src` embeds of the seed,
/// one in the light theme and one in the dark.
fn guide_theme_page(asset_origin: &str) -> Response {
    let css = match guide_theme() {
        Ok(css) => css,
        Err(reason) => return Response::new(500, "text/plain", reason.as_bytes()),
    };
    let page = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The guide's theme</title>
<style>{css}</style>
<script type="module" src="{asset_origin}/reader-widget.js"></script>
</head><body><main>
<reader-widget theme="light" src="/articles/syria-resolution.json"></reader-widget>
<reader-widget theme="dark" src="/articles/syria-resolution.json"></reader-widget>
</main></body></html>"#
    );
    recorded_page(&page)
}

/// A demo page as a publisher would serve it with the widget on a CDN. `variant` changes how
/// the script is included: `async`, `script-last` (after the markup), `twice` (two copies of
/// the build) or `no-script` (none: the page as a reader without JavaScript sees it); anything
/// else keeps the page's own tag.
pub fn publisher_page(page: &str, asset_origin: &str, variant: &str) -> String {
    let mut page = page.to_owned();
    let tag_start = r#"<script type="module" src=""#;
    if let Some(start) = page.find(tag_start) {
        let src_start = start + tag_start.len();
        let rest = page.get(src_start..).unwrap_or_default();
        // "own-copy": the page's own copy of the widget stays where the page loads it from.
        let is_widget = rest
            .find('"')
            .and_then(|end| rest.get(..end))
            .filter(|src| src.ends_with("reader-widget.js") && variant != "own-copy");
        if let Some(src) = is_widget {
            let local_tag = format!(r#"{tag_start}{src}"></script>"#);
            let remote_tag =
                format!(r#"<script type="module" src="{asset_origin}/reader-widget.js"></script>"#);
            let second_copy =
                remote_tag.replace("/reader-widget.js", "/second-copy/reader-widget.js");
            page = match variant {
                "async" => page.replace(
                    &local_tag,
                    &remote_tag.replace("<script ", "<script async "),
                ),
                "script-last" => page
                    .replace(&local_tag, "")
                    .replace("</body>", &format!("{remote_tag}</body>")),
                "twice" => page.replace(&local_tag, &format!("{remote_tag}{second_copy}")),
                "no-script" => page.replace(&local_tag, ""),
                _ => page.replace(&local_tag, &remote_tag),
            };
        }
    }
    // A page's own policy names its origin as 'self'; the widget's files now come from the asset
    // origin too, which a publisher using a CDN would name in the same places.
    let page = page
        .replace(
            "default-src 'self'",
            &format!("default-src 'self' {asset_origin}"),
        )
        .replace(
            "script-src 'self'",
            &format!("script-src 'self' {asset_origin}"),
        );
    page.replacen("<head>", &format!("<head>{ERROR_RECORDER}"), 1)
}

/// A minimal HTTP/1.1 server on a free loopback port, one thread per connection.
fn serve(handler: Arc<Handler>, cors: bool) -> u16 {
    let Ok(listener) = TcpListener::bind("127.0.0.1:0") else {
        return 0;
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = Arc::clone(&handler);
            thread::spawn(move || {
                let _ = answer(stream, &*handler, cors);
            });
        }
    });
    port
}

fn answer(stream: TcpStream, handler: &Handler, cors: bool) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut content_length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body)?;
    let response = handler(path, query);
    if let (Ok(address), Ok(mut answered)) = (stream.local_addr(), ANSWERED.lock()) {
        answered.push((format!("http://{address}{target}"), response.status));
    }
    let mut stream = stream;
    let extra: String = response
        .headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let length = match (response.never_ends, response.oversized) {
        (_, Some(Oversized::Streamed)) => String::new(),
        (_, Some(Oversized::Declared)) => "Content-Length: 3145728\r\n".to_owned(),
        (true, None) => format!("Content-Length: {}\r\n", response.body.len() + 1_000_000),
        (false, None) => format!("Content-Length: {}\r\n", response.body.len()),
    };
    write!(
        stream,
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\n{length}Cache-Control: {}\r\nConnection: close\r\n{extra}{}\r\n",
        response.status,
        response.content_type,
        response.cache,
        if response.cors.unwrap_or(cors) { "Access-Control-Allow-Origin: *\r\n" } else { "" },
    )?;
    stream.write_all(&response.body)?;
    if response.oversized == Some(Oversized::Streamed) {
        // Paced, 6.4 MB a second: unpaced, loopback delivers all 64 MiB into the browser's
        // network process before the page has read 2 MiB, and a browser may then keep it.
        let chunk = [b' '; 64 * 1024];
        for _ in 0..1024 {
            if stream.write_all(&chunk).is_err() {
                ABORTED.fetch_add(1, Ordering::SeqCst);
                break;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
    if response.never_ends || response.oversized == Some(Oversized::Declared) {
        // A space every 100 ms, for half a minute: a write fails once the browser lets go.
        for _ in 0..300 {
            let sent = stream.write_all(b" ").and_then(|()| stream.flush());
            if sent.is_err() {
                ABORTED.fetch_add(1, Ordering::SeqCst);
                break;
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Serves a file under `root`, refusing paths that climb out of it.
fn file(root: &Path, path: &str) -> Response {
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return Response::not_found();
    }
    let full = root.join(relative);
    match std::fs::read(&full) {
        // The snippets' stylesheet is cacheable, as the publisher guide tells publishers to
        // serve it: a page of many snippets fetches it once.
        Ok(body) if relative.ends_with("reader-widget.css") => Response {
            cache: "max-age=300",
            ..Response::new(200, content_type(&full), &body)
        },
        Ok(body) => Response::new(200, content_type(&full), &body),
        Err(_) => Response::not_found(),
    }
}
