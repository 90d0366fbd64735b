//! The catalogue of examples (`demo/examples.json`) drives the demo: every demo page is in it
//! once, and the pages the build writes from it (src/bin/reader-widget-demo/, run here as the
//! build runs it) hold exactly its embeds, each reading, through the widget's own readers, as the
//! article or error it lists, and the front page links its linked examples, with its words, in
//! its order. The end-to-end tests open every example the catalogue lists (`tests/e2e`), so a
//! page missing from it would be a page no test opens.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalogue() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("demo/examples.json"))
        .expect("demo/examples.json is readable");
    let catalogue: Value = serde_json::from_str(&text).expect("demo/examples.json is JSON");
    catalogue["examples"]
        .as_array()
        .cloned()
        .expect("the catalogue lists its examples")
}

/// The hand-written page `page` (an address in `dist/`) is made from: the front page is
/// `index.html`, every other page is copied from `demo/pages/`.
fn source_of(page: &str) -> PathBuf {
    match page {
        "index.html" => root().join("index.html"),
        page => root().join("demo").join(page),
    }
}

/// The demo's pages as the build writes them: copied as trunk copies them, into a folder of
/// their own, then filled from the catalogue by the command the build runs.
fn written_site(name: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!(
        "reader-widget-examples-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("pages")).expect("a folder for the site");
    std::fs::copy(root().join("index.html"), site.join("index.html")).expect("the front page");
    for entry in std::fs::read_dir(root().join("demo/pages")).expect("demo/pages is readable") {
        let path = entry.expect("a demo page").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, site.join("pages").join(name)).expect("a copy of the page");
    }
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_reader-widget-demo"))
        .arg("--catalogue")
        .arg(root().join("demo/examples.json"))
        .arg("--articles")
        .arg(root().join("demo/articles"))
        .arg(&site)
        .status()
        .expect("reader-widget-demo runs");
    assert!(status.success(), "reader-widget-demo failed: {status}");
    site
}

#[test]
fn every_demo_page_is_in_the_catalogue_once() {
    let examples = catalogue();
    let mut pages = BTreeSet::new();
    let mut names = BTreeSet::new();
    for example in &examples {
        let page = example["page"].as_str().expect("each example has a page");
        assert!(pages.insert(page.to_owned()), "{page} is listed twice");
        let name = example["name"].as_str().expect("each example has a name");
        assert!(
            names.insert(name.to_owned()),
            "the name {name} is used twice"
        );
        assert!(
            source_of(page).is_file(),
            "{page} is listed but {} does not exist",
            source_of(page).display()
        );
        assert!(
            example["embeds"].as_array().is_some_and(|embeds| embeds
                .iter()
                .all(|embed| embed["shows"] == "article" || embed["shows"] == "error")),
            "{page}: each embed shows an \"article\" or an \"error\""
        );
    }
    let demo_pages: BTreeSet<String> = std::fs::read_dir(root().join("demo/pages"))
        .expect("demo/pages is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".html"))
        .map(|name| format!("pages/{name}"))
        .collect();
    let unlisted: Vec<&String> = demo_pages.difference(&pages).collect();
    assert!(
        unlisted.is_empty(),
        "demo pages missing from demo/examples.json: {unlisted:?}"
    );
}

#[test]
fn the_front_page_links_the_linked_examples_in_the_catalogues_order() {
    let listed: Vec<(String, String)> = catalogue()
        .iter()
        .filter_map(|example| {
            Some((
                example["page"].as_str()?.to_owned(),
                example["link"].as_str()?.to_owned(),
            ))
        })
        .collect();
    let site = written_site("links");
    let front_page =
        std::fs::read_to_string(site.join("index.html")).expect("index.html is readable");
    let more = front_page
        .split_once("More demos:")
        .map(|(_, rest)| rest.split_once("</p>").map_or(rest, |(list, _)| list))
        .expect("the front page has its list of more demos");
    let linked: Vec<(String, String)> = more
        .split("<a href=\"")
        .skip(1)
        .filter_map(|link| {
            let (page, rest) = link.split_once("\">")?;
            let (words, _) = rest.split_once("</a>")?;
            Some((
                page.to_owned(),
                words.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })
        .collect();
    assert_eq!(linked, listed);
}

/// What an embed in `page`'s markup shows when read natively: "article" or "error". Its source is
/// its `src` (a file under `demo/`, as `dist/` serves it; a missing one is an error, as a 404 is),
/// its inline JSON or JSON-LD, or its `<article>` markup.
fn natively_shown(page: &str, embed: scraper::ElementRef<'_>) -> &'static str {
    let text = if let Some(src) = embed.value().attr("src") {
        // Addresses are relative to the page in dist/, whose files come from demo/.
        let folder = Path::new(page).parent().unwrap_or(Path::new(""));
        let mut path = PathBuf::new();
        for part in folder.join(src).components() {
            match part {
                std::path::Component::ParentDir => {
                    path.pop();
                }
                part => path.push(part),
            }
        }
        match std::fs::read_to_string(root().join("demo").join(path)) {
            Ok(text) => text,
            Err(_) => return "error",
        }
    } else {
        let script = scraper::Selector::parse("script").expect("a valid selector");
        match embed.select(&script).next() {
            Some(script) => script.text().collect(),
            None => embed.inner_html(),
        }
    };
    match reader_widget::snippet::read_article_source(&text) {
        Ok(_) => "article",
        Err(_) => "error",
    }
}

#[test]
fn each_embed_in_a_written_page_reads_as_the_catalogue_lists() {
    let site = written_site("embeds");
    let embeds = scraper::Selector::parse("reader-widget").expect("a valid selector");
    for example in catalogue() {
        let page = example["page"].as_str().expect("each example has a page");
        // Embeds a script adds are for the end-to-end tests.
        if example["clicks"].is_array() {
            continue;
        }
        let html = std::fs::read_to_string(site.join(page)).expect("the page is readable");
        let document = scraper::Html::parse_document(&html);
        let shown: Vec<&str> = document
            .select(&embeds)
            .map(|embed| natively_shown(page, embed))
            .collect();
        let listed: Vec<&str> = example["embeds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|embed| embed["shows"].as_str())
            .collect();
        assert_eq!(shown, listed, "{page}");
    }
}
