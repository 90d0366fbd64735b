//! `reader-widget-snippet` as a publisher or a CMS runs it: the snippet printed for an article
//! file or put into a page, bad input refused with the widget's own messages, and the oEmbed
//! server answering over HTTP on loopback.
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
fn puts_the_snippet_in_place_of_a_pages_placeholder() {
    let output = run(&["--into", "demo/server-rendered.html", SEED]);
    assert!(output.status.success(), "{output:?}");
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.starts_with("<!doctype html>"));
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
        message.contains("the article is not valid JSON: headline must be a string, not a number"),
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

/// GETs `path`; the status and the body.
fn get(server: &Server, path: &str) -> (u16, serde_json::Value) {
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
    (status, serde_json::from_str(body).expect("a JSON body"))
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
