//! `reader-widget-snippet` as a publisher or a CMS runs it: the snippet printed for an article
//! file or put into a page, an embed page, bad input refused with the widget's own messages, and
//! the oEmbed server answering over HTTP on loopback, embed pages too.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const COMMAND: &str = env!("CARGO_BIN_EXE_reader-widget-snippet");
const SEED: &str = "demo/articles/syria-resolution.json";

fn run(args: &[&str]) -> Output {
    Command::new(COMMAND)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the command runs")
}

/// A fresh folder for this test's files.
fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("reader-widget-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

#[test]
fn prints_the_snippet_for_an_article_file() {
    let output = run(&[
        "--stylesheet",
        "https://cdn.example/reader-widget.css",
        SEED,
    ]);
    assert!(output.status.success(), "{output:?}");
    let snippet = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(snippet.starts_with(
        "<reader-widget><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://cdn.example/reader-widget.css\">"
    ));
    assert!(snippet.contains("US, Russia Fail to Agree on Syria Resolution"));
}

#[test]
fn help_and_version_print_on_standard_output_and_exit_0() {
    for help in ["--help", "-h"] {
        let output = run(&[help]);
        assert!(output.status.success(), "{help}: {output:?}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.starts_with("usage: reader-widget-snippet"), "{text}");
        assert!(text.contains("--text-size STEP"), "{text}");
        assert!(output.stderr.is_empty(), "{output:?}");
    }
    for version in ["--version", "-V"] {
        let output = run(&[version]);
        assert!(output.status.success(), "{version}: {output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            format!("reader-widget-snippet {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    // A wrong command line still fails, with the usage, on standard error.
    let output = run(&["--no-such-option"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage:"));
}

/// The README's install line, run as written (into a scratch root, building in a folder of
/// target/ of its own so that a second run reuses the first's build), gives a command that
/// runs from any folder.
#[test]
fn the_readmes_install_line_installs_a_command_that_runs_from_any_folder() {
    let readme = include_str!("../README.md");
    let line = readme
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("cargo install --path . "))
        .expect("the README gives the command's install line");
    let root = scratch("install");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(line.split_whitespace().skip(1))
        .arg("--root")
        .arg(&root)
        .arg("--target-dir")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/target/install"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "{line}: {status}");
    let installed = root.join("bin/reader-widget-snippet");
    let elsewhere = scratch("install-elsewhere");
    let run_installed = |args: &[&str]| {
        Command::new(&installed)
            .args(args)
            .current_dir(&elsewhere)
            .output()
            .expect("the installed command runs")
    };
    let version = run_installed(&["--version"]);
    assert!(version.status.success(), "{version:?}");
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("reader-widget-snippet "));
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/demo/articles/syria-resolution.json"
    );
    let snippet = run_installed(&[seed]);
    assert!(snippet.status.success(), "{snippet:?}");
    assert!(String::from_utf8_lossy(&snippet.stdout).contains("Syria Resolution"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn by_default_the_styles_are_inline_and_the_command_prints_their_csp_hash() {
    let output = run(&[SEED]);
    assert!(output.status.success(), "{output:?}");
    let snippet = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(snippet.starts_with("<reader-widget><template shadowrootmode=\"open\"><style>"));
    let message = String::from_utf8_lossy(&output.stderr);
    let hash = reader_widget::snippet::style_hash_source();
    assert!(message.contains(&format!("style-src {hash}")), "{message}");
}

#[test]
fn puts_the_snippet_in_place_of_a_pages_placeholder() {
    let folder = scratch("into");
    let template = folder.join("page.html");
    std::fs::write(
        &template,
        "<!doctype html>\n<main>\n  <!-- reader-widget-snippet -->\n</main>\n",
    )
    .expect("written");
    let output = run(&["--into", template.to_str().expect("a path"), SEED]);
    assert!(output.status.success(), "{output:?}");
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.starts_with("<!doctype html>\n<main>\n"));
    assert!(page.ends_with("</reader-widget>\n</main>\n"), "{page}");
    assert!(!page.contains("<!-- reader-widget-snippet -->"));
    assert_eq!(page.matches("<reader-widget>").count(), 1);
}

#[test]
fn a_bad_article_is_refused_with_the_widgets_message() {
    let folder = scratch("bad-article");
    let bad = folder.join("bad.json");
    std::fs::write(&bad, r#"{"headline": 1, "body": []}"#).expect("written");
    let output = run(&[bad.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("wrong type in the article: headline must be a string, not a number"),
        "{message}"
    );
    assert_eq!(run(&["--text-size", "huge", SEED]).status.code(), Some(2));
}

/// The oEmbed server, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(articles: &std::path::Path) -> Server {
    serve_with(articles, &[])
}

/// The server for `articles`, started with the further arguments `extra`.
fn serve_with(articles: &std::path::Path, extra: &[&str]) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let address = format!("127.0.0.1:{port}");
    let child = Command::new(COMMAND)
        .args(["serve", "--address", &address, "--public-url"])
        .arg("https://news.example/articles/")
        .arg("--articles")
        .arg(articles)
        .args(extra)
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&address).is_err() {
        assert!(Instant::now() < deadline, "the server did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, address }
}

/// The server for `articles` with embed pages: the widget from cdn.example, the pages published
/// at news.example/embed/.
fn serve_with_embed_pages(articles: &std::path::Path) -> Server {
    serve_with(
        articles,
        &[
            "--script",
            "https://cdn.example/reader-widget/reader-widget.js",
            "--embed-url",
            "https://news.example/embed/",
        ],
    )
}

/// GETs `path`; the status and the body.
fn get(server: &Server, path: &str) -> (u16, serde_json::Value) {
    let (status, _, body) = request(server, path);
    (status, body)
}

/// GETs `path`; the status, the head (lowercased) and the body, read as JSON.
fn request(server: &Server, path: &str) -> (u16, String, serde_json::Value) {
    let (status, head, body) = request_text(server, path);
    (
        status,
        head,
        serde_json::from_str(&body).expect("a JSON body"),
    )
}

/// GETs `path`; the status, the head (lowercased) and the body.
fn request_text(server: &Server, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).expect("connected");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .expect("sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status");
    (status, head.to_ascii_lowercase(), body.to_owned())
}

#[test]
fn serve_answers_oembed_requests_for_its_own_articles_only() {
    let articles = scratch("oembed");
    std::fs::copy(SEED, articles.join("seed.json")).expect("copied");
    std::fs::write(articles.join("bad.json"), "{").expect("written");
    let server = serve(&articles);
    let url = "https%3A%2F%2Fnews.example%2Farticles%2F";

    let (status, answer) = get(&server, &format!("/oembed?url={url}seed.json&maxwidth=500"));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["width"], 500);
    let html = answer["html"].as_str().expect("the snippet");
    assert!(html.starts_with("<reader-widget><template shadowrootmode=\"open\">"));
    // The article's relative image resolves against the article's own URL.
    assert!(html.contains("src=\"https://news.example/articles/kerry-lavrov-placeholder.svg\""));

    let (status, answer) = get(&server, &format!("/oembed?url={url}bad.json"));
    assert_eq!(status, 422);
    assert!(answer["error"]
        .as_str()
        .is_some_and(|message| message.contains("the article is not valid JSON")));
    assert_eq!(
        get(&server, &format!("/oembed?url={url}seed.json&format=xml")).0,
        501
    );
    assert_eq!(
        get(&server, &format!("/oembed?url={url}missing.json")).0,
        404
    );
    assert_eq!(
        get(&server, &format!("/oembed?url={url}..%2F..%2FCargo.toml")).0,
        404
    );
    assert_eq!(
        get(
            &server,
            "/oembed?url=https%3A%2F%2Felsewhere.example%2Fa.json"
        )
        .0,
        404
    );
    assert_eq!(get(&server, "/oembed").0, 400);
}

#[test]
fn serve_reads_only_article_files_within_the_limit_and_keeps_answers_until_they_change() {
    let articles = scratch("oembed-limits");
    let seed = articles.join("seed.json");
    std::fs::copy(SEED, &seed).expect("copied");
    std::fs::copy(SEED, articles.join("seed.txt")).expect("copied");
    let over_the_limit = format!(
        r#"{{"headline":"H","body":[{{"type":"paragraph","text":"{}"}}]}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    std::fs::write(articles.join("huge.json"), over_the_limit).expect("written");
    let server = serve(&articles);
    let url = "https%3A%2F%2Fnews.example%2Farticles%2F";

    let (status, head, answer) = request(&server, &format!("/oembed?url={url}seed.json"));
    assert_eq!(status, 200, "{answer}");
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    let (status, head, _) = request(&server, &format!("/oembed?url={url}seed.txt"));
    assert_eq!(status, 404, "a .txt file is no article");
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    let (status, _, answer) = request(&server, &format!("/oembed?url={url}huge.json"));
    assert_eq!(status, 422);
    assert!(
        answer["error"]
            .as_str()
            .is_some_and(|message| message.contains("too large")),
        "{answer}"
    );

    // An answer is kept while its file's modification time stays, and made again once it moves.
    let headline = |answer: &serde_json::Value| {
        answer["html"]
            .as_str()
            .is_some_and(|html| html.contains("A changed headline"))
    };
    let modified = std::fs::metadata(&seed)
        .and_then(|m| m.modified())
        .expect("a time");
    let changed = std::fs::read_to_string(SEED).expect("the seed").replacen(
        "US, Russia Fail to Agree on Syria Resolution",
        "A changed headline",
        1,
    );
    std::fs::write(&seed, changed).expect("rewritten");
    let set_modified = |time: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(&seed)
            .and_then(|file| file.set_modified(time))
            .expect("the time set")
    };
    set_modified(modified);
    let (_, _, answer) = request(&server, &format!("/oembed?url={url}seed.json"));
    assert!(!headline(&answer), "the kept answer was made again");
    set_modified(modified + Duration::from_secs(60));
    let (_, _, answer) = request(&server, &format!("/oembed?url={url}seed.json"));
    assert!(headline(&answer), "the answer was not made again: {answer}");
}

#[test]
fn output_cut_short_by_its_reader_ends_the_command_quietly() {
    // A snippet far larger than a pipe holds, so the write meets the closed pipe.
    let folder = scratch("closed-pipe");
    let paragraphs: Vec<String> = (0..3_000)
        .map(|index| {
            format!(r#"{{"type":"paragraph","text":"Paragraph {index} of a long article."}}"#)
        })
        .collect();
    let article = folder.join("long.json");
    std::fs::write(
        &article,
        format!(r#"{{"headline":"Long","body":[{}]}}"#, paragraphs.join(",")),
    )
    .expect("written");
    // A linked stylesheet, so that the command has nothing to say about styles either.
    let mut child = Command::new(COMMAND)
        .args(["--stylesheet", "reader-widget.css"])
        .arg(&article)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    // The reader goes away at once, as `head` does once it has its lines.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the command ends");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {message}", output.status);
    assert!(message.is_empty(), "{message}");
}

#[test]
fn prints_an_embed_page_that_loads_the_widget_from_the_script_url() {
    let script = "https://cdn.example/reader-widget/reader-widget.js";
    let output = run(&["--embed-page", "--script", script, SEED]);
    assert!(output.status.success(), "{output:?}");
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains(&format!(
        r#"<script type="module" src="{script}"></script>"#
    )));
    assert!(page.contains("<reader-widget><template shadowrootmode=\"open\"><style>"));
    // A whole page needs the widget's URL, and its policy allows no linked stylesheet.
    assert_eq!(run(&["--embed-page", SEED]).status.code(), Some(2));
    let linked = run(&[
        "--embed-page",
        "--script",
        script,
        "--stylesheet",
        "https://cdn.example/reader-widget.css",
        SEED,
    ]);
    assert_eq!(linked.status.code(), Some(2));
}

#[test]
fn serve_answers_embed_pages_with_their_policy_only_when_given_the_script() {
    let articles = scratch("embed");
    std::fs::copy(SEED, articles.join("seed.json")).expect("copied");
    let script = "https://cdn.example/reader-widget/reader-widget.js";
    let server = serve_with(&articles, &["--script", script]);
    let (status, head, page) = request_text(&server, "/embed/seed.json");
    assert_eq!(status, 200, "{page}");
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    let policy = reader_widget::embed_page::content_security_policy(script);
    assert!(
        head.contains(&format!(
            "content-security-policy: {}",
            policy.to_ascii_lowercase()
        )),
        "{head}"
    );
    assert!(page.contains("US, Russia Fail to Agree on Syria Resolution"));
    assert_eq!(request_text(&server, "/embed/missing.json").0, 404);
    assert_eq!(request_text(&server, "/embed/..%2F..%2FCargo.toml").0, 404);
    drop(server);

    let without_script = serve(&articles);
    let (status, _, body) = request_text(&without_script, "/embed/seed.json");
    assert_eq!(status, 404);
    assert!(body.contains("--script"), "{body}");
}

#[test]
fn with_embed_pages_the_oembed_answer_frames_them_unless_asked_for_the_snippet() {
    let articles = scratch("oembed-frame");
    std::fs::copy(SEED, articles.join("seed.json")).expect("copied");
    let server = serve_with_embed_pages(&articles);
    let url = "https%3A%2F%2Fnews.example%2Farticles%2Fseed.json";
    let (status, answer) = get(&server, &format!("/oembed?url={url}&maxwidth=600"));
    assert_eq!(status, 200, "{answer}");
    let html = answer["html"].as_str().expect("html");
    assert!(
        html.starts_with(r#"<blockquote><a href="https://news.example/embed/seed.json">"#),
        "{html}"
    );
    assert!(html.contains(
        r#"<iframe src="https://news.example/embed/seed.json" width="600" height="1000""#
    ));
    assert_eq!(answer["height"], 1000);
    let (_, snippet) = get(&server, &format!("/oembed?url={url}&html=snippet"));
    let html = snippet["html"].as_str().expect("html");
    assert!(html.starts_with("<reader-widget><template shadowrootmode=\"open\">"));
}

/// Serves `page` to every request on a free loopback port, for the test's lifetime; its URL.
fn page_server(page: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0_u8; 4096];
            let _ = stream.read(&mut request);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    format!("http://{address}/syria-resolution.html")
}

/// A second consumer, PyEmbed from PyPI (tests/oembed_consumer), finds the server through the
/// discovery link of an article's page, as the oEmbed specification has it, and reads the
/// framed answer.
#[test]
fn a_python_oembed_consumer_finds_the_answer_through_the_pages_discovery_link() {
    let articles = scratch("discovery");
    std::fs::copy(SEED, articles.join("seed.json")).expect("copied");
    let server = serve_with_embed_pages(&articles);
    let endpoint = format!(
        "http://{}/oembed?url=https%3A%2F%2Fnews.example%2Farticles%2Fseed.json&amp;format=json",
        server.address
    );
    let page = page_server(format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>US, Russia Fail to Agree on Syria Resolution</title>
<link rel="alternate" type="application/json+oembed" href="{endpoint}" title="US, Russia Fail to Agree on Syria Resolution">
</head><body><h1>US, Russia Fail to Agree on Syria Resolution</h1></body></html>"#
    ));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(root.join("target/oembed-consumer/bin/python"))
        .arg(root.join("tests/oembed_consumer/consume.py"))
        .arg(&page)
        .output()
        .expect("the consumer runs (scripts/install-tools.sh installs it)");
    assert!(output.status.success(), "{output:?}");
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        answer["discovered"][0]
            .as_str()
            .map(|url| url.contains("/oembed?url=")),
        Some(true),
        "{answer}"
    );
    assert_eq!(answer["type"], "rich");
    assert_eq!(
        answer["title"],
        "US, Russia Fail to Agree on Syria Resolution"
    );
    assert_eq!(answer["width"], 600);
    assert_eq!(answer["height"], 1000);
    let html = answer["html"].as_str().expect("html");
    assert!(
        html.starts_with(r#"<blockquote><a href="https://news.example/embed/seed.json">"#),
        "{html}"
    );
    assert!(html.contains(r#"<iframe src="https://news.example/embed/seed.json""#));
}
