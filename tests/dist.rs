//! The release build as a publisher ships it. The demo page is served from one loopback origin
//! and the widget's files from another (with CORS), as on a publisher's site using a CDN; headless
//! Chromium loads the page. The page server adds a small reporter script to the page, which posts
//! what every embed rendered back to the server once all of them have settled.
//!
//! Needs `make dist` first; `make test` runs it as `cargo test --features dist-tests --test dist`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use serde_json::Value;

const SEED_HEADLINE: &str = "US, Russia Fail to Agree on Syria Resolution";

/// Posts each embed's headline or error, and the URLs the page fetched, to `/__report`.
const REPORTER: &str = r#"
const started = performance.now();
const embeds = () => [...document.querySelectorAll("reader-widget")].map((host) => ({
  headline: host.shadowRoot?.querySelector(".rw-article__headline")?.textContent ?? null,
  error: host.shadowRoot?.querySelector(".rw-status--error")?.textContent ?? null,
  apps: host.shadowRoot?.querySelectorAll(".rw").length ?? 0,
}));
const settled = (list) => list.length > 0 && list.every((embed) => embed.headline || embed.error);
let list = embeds();
while (!settled(list) && performance.now() - started < 20000) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  list = embeds();
}
// Then wait for the network to go quiet, so a second copy of the script has finished too.
let fetched = -1;
while (fetched !== performance.getEntriesByType("resource").length && performance.now() - started < 20000) {
  fetched = performance.getEntriesByType("resource").length;
  await new Promise((resolve) => setTimeout(resolve, 300));
}
const resources = performance.getEntriesByType("resource").map((entry) => entry.name);
const errors = window.__pageErrors;
await fetch("/__report", { method: "POST", body: JSON.stringify({ embeds: list, resources, errors }) });
"#;

/// Records console errors and uncaught exceptions from the moment the page starts parsing.
const ERROR_RECORDER: &str = r#"<script>
window.__pageErrors = [];
const consoleError = console.error.bind(console);
console.error = (...args) => { window.__pageErrors.push(args.map(String).join(" ")); consoleError(...args); };
addEventListener("error", (event) => window.__pageErrors.push(String(event.message)));
addEventListener("unhandledrejection", (event) => window.__pageErrors.push(String(event.reason)));
</script>"#;

struct Request {
    method: String,
    path: String,
    query: String,
    body: String,
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Response {
    fn not_found() -> Response {
        Response {
            status: 404,
            content_type: "text/plain",
            body: b"not found".to_vec(),
        }
    }
}

type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// A minimal HTTP/1.1 server on a free loopback port, one thread per connection.
fn serve(handler: Arc<Handler>, cors: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("an address").port();
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
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or("/");
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
    let request = Request {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let response = handler(&request);
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n{}\r\n",
        response.status,
        response.content_type,
        response.body.len(),
        if cors {
            "Access-Control-Allow-Origin: *\r\n"
        } else {
            ""
        },
    )?;
    stream.write_all(&response.body)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
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
        Ok(body) => Response {
            status: 200,
            content_type: content_type(&full),
            body,
        },
        Err(_) => Response::not_found(),
    }
}

fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("reader-widget.js").is_file(),
        "no release build in {}: run `make dist` first",
        dist.display()
    );
    dist
}

/// The demo page as a publisher would serve it with the widget on a CDN: the script tag points
/// at the asset origin. `variant` changes how the script is included.
fn publisher_page(dist: &Path, asset_origin: &str, variant: &str) -> String {
    let page = std::fs::read_to_string(dist.join("index.html")).expect("dist/index.html");
    let local_tag = r#"<script type="module" src="reader-widget.js"></script>"#;
    assert!(
        page.contains(local_tag),
        "the demo page includes the widget by script tag"
    );
    let remote_tag =
        format!(r#"<script type="module" src="{asset_origin}/reader-widget.js"></script>"#);
    let page = match variant {
        "async" => page.replace(local_tag, &remote_tag.replace("<script ", "<script async ")),
        // The script after the markup it enhances.
        "script-last" => page
            .replace(local_tag, "")
            .replace("</body>", &format!("{remote_tag}</body>")),
        // Two copies of the whole build at different URLs, as when a page and a plugin each
        // include the widget: two WebAssembly instances, one element definition.
        "twice" => page.replace(
            local_tag,
            &format!(
                "{remote_tag}{}",
                remote_tag.replace("/reader-widget.js", "/second-copy/reader-widget.js")
            ),
        ),
        _ => page.replace(local_tag, &remote_tag),
    };
    page.replacen("<head>", &format!("<head>{ERROR_RECORDER}"), 1)
        .replace(
            "</body>",
            r#"<script type="module" src="/__report.js"></script></body>"#,
        )
}

struct Browser(Child, PathBuf);

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = std::fs::remove_dir_all(&self.1);
    }
}

fn open_in_chromium(url: &str) -> Browser {
    let profile = std::env::temp_dir().join(format!(
        "reader-widget-dist-{}-{}",
        std::process::id(),
        url.len()
    ));
    let child = Command::new(std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into()))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    Browser(child, profile)
}

/// Loads the demo page in `variant` and returns the reporter's findings.
fn load_demo(variant: &str) -> (Value, u16) {
    let dist = dist();
    let assets_root = dist.clone();
    let asset_port = serve(
        Arc::new(move |request: &Request| {
            // The second copy of the build, for the "twice" variant, is the same files.
            let path = request
                .path
                .strip_prefix("/second-copy")
                .unwrap_or(&request.path);
            file(&assets_root, path)
        }),
        true,
    );
    let asset_origin = format!("http://127.0.0.1:{asset_port}");

    // Fail here, not in a server thread, if the page cannot be made.
    publisher_page(&dist, &asset_origin, variant);
    let (reports, received) = mpsc::channel::<String>();
    let reports: Mutex<Sender<String>> = Mutex::new(reports);
    let page_root = dist.clone();
    let page_port = serve(
        Arc::new(
            move |request: &Request| match (request.method.as_str(), request.path.as_str()) {
                ("POST", "/__report") => {
                    let _ = reports
                        .lock()
                        .map(|sender| sender.send(request.body.clone()));
                    Response {
                        status: 204,
                        content_type: "text/plain",
                        body: Vec::new(),
                    }
                }
                ("GET", "/__report.js") => Response {
                    status: 200,
                    content_type: "text/javascript",
                    body: REPORTER.as_bytes().to_vec(),
                },
                ("GET", "/") | ("GET", "/index.html") => Response {
                    status: 200,
                    content_type: "text/html; charset=utf-8",
                    body: publisher_page(&page_root, &asset_origin, &request.query).into_bytes(),
                },
                ("GET", path) => file(&page_root, path),
                _ => Response::not_found(),
            },
        ),
        false,
    );
    let _browser = open_in_chromium(&format!(
        "http://127.0.0.1:{page_port}/index.html?{variant}"
    ));
    let report = received
        .recv_timeout(Duration::from_secs(60))
        .expect("the page reports within a minute");
    (
        serde_json::from_str(&report).expect("a JSON report"),
        asset_port,
    )
}

fn assert_both_embeds_show_the_seed(report: &Value) {
    let embeds = report["embeds"].as_array().expect("a list of embeds");
    assert_eq!(embeds.len(), 2, "{report}");
    for embed in embeds {
        assert_eq!(embed["headline"], SEED_HEADLINE, "{report}");
        assert!(embed["error"].is_null(), "{report}");
        assert_eq!(embed["apps"], 1, "one app per embed: {report}");
    }
    assert_eq!(
        report["errors"],
        serde_json::json!([]),
        "no errors on the page: {report}"
    );
}

#[test]
fn the_loader_renders_both_demo_embeds_from_another_origin() {
    let (report, asset_port) = load_demo("module");
    assert_both_embeds_show_the_seed(&report);
    let resources: Vec<&str> = report["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let wasm = format!("http://127.0.0.1:{asset_port}/wasm/reader-widget_bg.wasm");
    assert!(
        resources.contains(&wasm.as_str()),
        "the WebAssembly comes from the asset origin, relative to the loader: {resources:?}"
    );
}

#[test]
fn an_async_script_renders_the_embeds() {
    let (report, _) = load_demo("async");
    assert_both_embeds_show_the_seed(&report);
}

#[test]
fn a_script_after_the_markup_renders_the_embeds() {
    let (report, _) = load_demo("script-last");
    assert_both_embeds_show_the_seed(&report);
}

#[test]
fn two_copies_of_the_script_define_the_element_once_and_render_each_embed_once() {
    let (report, _) = load_demo("twice");
    assert_both_embeds_show_the_seed(&report);
}
