//! The names the JavaScript shares with the Rust: every `rw-` class that `js/` names is one the
//! widget renders (in a server-rendered snippet of the seed, whose markup is the app's first
//! render) or styles (`styles/reader-widget.css`, which holds the other text sizes' classes),
//! the attribute the loader looks for to choose the hydrating build is the one the snippet
//! command writes, and every global key a module reads is one the loader writes. The entry must
//! stay one standalone file, loaded before the WebAssembly, so it cannot take these names from
//! the Rust at run time; this is where a renamed class is caught instead.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Every run of `rw-` followed by name characters in `text`.
fn rw_names(text: &str) -> BTreeSet<String> {
    text.match_indices("rw-")
        .map(|(at, _)| {
            text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .collect()
}

/// The JavaScript the widget ships and runs.
fn scripts() -> Vec<(&'static str, String)> {
    ["js/reader-widget.js", "js/define-element.js", "js/boot.js"]
        .into_iter()
        .map(|path| (path, read(path)))
        .collect()
}

#[test]
fn every_class_the_javascript_names_is_one_the_widget_renders_or_styles() {
    let rendered = rw_names(&read("tests/fixtures/server-rendered-seed.html"));
    let styled = rw_names(&read("styles/reader-widget.css"));
    let known: BTreeSet<&String> = rendered.union(&styled).collect();
    let mut unknown = Vec::new();
    for (path, script) in scripts() {
        for name in rw_names(&script) {
            // A name ending in "-" is a prefix completed at run time (`rw-size-${code}`).
            let found = if name.ends_with('-') {
                known.iter().any(|known| known.starts_with(&name))
            } else {
                known.contains(&name)
            };
            if !found {
                unknown.push(format!("{path}: {name}"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "classes the widget neither renders nor styles: {unknown:?}"
    );
}

#[test]
fn the_loader_looks_for_the_attribute_the_snippet_command_writes() {
    let entry = read("js/reader-widget.js");
    assert!(entry.contains(".rw-mount[data-server-rendered]"));
    assert!(read("tests/fixtures/server-rendered-seed.html")
        .contains("class=\"rw-mount\" data-server-rendered=\""));
}

#[test]
fn every_global_key_a_module_reads_is_one_the_loader_writes() {
    let keys = |text: &str| -> BTreeSet<String> {
        text.split("Symbol.for(\"")
            .skip(1)
            .filter_map(|rest| Some(rest.split_once('"')?.0.to_owned()))
            .collect()
    };
    let written = keys(&read("js/reader-widget.js"));
    for (path, script) in scripts() {
        let unknown: Vec<String> = keys(&script).difference(&written).cloned().collect();
        assert!(
            unknown.is_empty(),
            "{path} reads {unknown:?}, which the loader never writes"
        );
    }
}
