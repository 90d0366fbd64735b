//! The crate's layers, read from its source: no module of `src/` names one that names it back
//! (through any chain of others), the model, the readers, the labels and the view hold no
//! browser code, and no file but tests is over 500 lines, so that a newcomer can read the crate
//! bottom up. A module is a file or folder directly under `src/`; it names another by any `crate::<name>`
//! in its text, doc links included.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules that must hold no `web_sys`, `js_sys` or `wasm_bindgen`: what the platform does
/// for them (parsing JSON, reading the DOM, writing dates, moving focus) is passed in by the
/// browser layer. The view (`components`) handles the events Yew hands it, through Yew's own
/// names for them.
const PURE_MODULES: [&str; 8] = [
    "article",
    "components",
    "error",
    "json",
    "labels",
    "markup",
    "read",
    "text_size",
];

/// A file longer than this is split by job (its tests aside, in `tests.rs` files).
const MAX_LINES: usize = 500;

#[test]
fn no_source_file_is_over_500_lines_but_tests() {
    let mut long = Vec::new();
    // Every file under src/, the crate root and the binaries too.
    for file in files_under(&source()) {
        let lines = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .count();
        if lines > MAX_LINES && !file.ends_with("tests.rs") {
            long.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn no_module_names_one_that_names_it_back() {
    let graph = module_graph();
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|module| path_back(&graph, module))
        .map(|path| path.join(" → "))
        .collect();
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

#[test]
fn the_model_the_readers_the_labels_and_the_view_hold_no_browser_code() {
    let mut found = Vec::new();
    for module in PURE_MODULES {
        for file in module_files(module) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for binding in ["web_sys", "js_sys", "wasm_bindgen"] {
                if text.contains(binding) {
                    found.push(format!("{} names {binding}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "browser code in the pure core: {found:#?}"
    );
}

/// Each module of `src/` and the modules it names.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for module in module_names() {
        let mut named = BTreeSet::new();
        for file in module_files(&module) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (at, _) in text.match_indices("crate::") {
                let name: String = text[at + "crate::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if name != module && !name.is_empty() {
                    named.insert(name);
                }
            }
        }
        graph.insert(module, named);
    }
    graph
}

/// A chain of modules from `module` back to itself, if there is one.
fn path_back(graph: &BTreeMap<String, BTreeSet<String>>, module: &str) -> Option<Vec<String>> {
    // Breadth first, remembering how each module was reached.
    let mut reached_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut frontier = vec![module];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for from in frontier {
            for to in graph.get(from).into_iter().flatten() {
                if to == module {
                    let mut path = vec![module.to_owned()];
                    let mut at = from;
                    while at != module {
                        path.push(at.to_owned());
                        at = reached_from.get(at).copied().unwrap_or(module);
                    }
                    path.push(module.to_owned());
                    path.reverse();
                    return Some(path);
                }
                if !reached_from.contains_key(to.as_str()) && graph.contains_key(to) {
                    reached_from.insert(to, from);
                    next.push(to.as_str());
                }
            }
        }
        frontier = next;
    }
    None
}

/// The modules directly under `src/`, but the crate root and the binaries.
fn module_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(source())
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .filter_map(|entry| {
                    let name = entry.file_name().into_string().ok()?;
                    Some(name.strip_suffix(".rs").unwrap_or(&name).to_owned())
                })
                .filter(|name| !["lib", "main", "bin"].contains(&name.as_str()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names.dedup();
    assert!(
        names.len() > 5,
        "no modules found in {}",
        source().display()
    );
    names
}

/// The Rust files of `module`: `src/<module>.rs` and everything under `src/<module>/`.
fn module_files(module: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let file = source().join(format!("{module}.rs"));
    if file.is_file() {
        files.push(file);
    }
    files.extend(files_under(&source().join(module)));
    files
}

/// The Rust files in `folder` and its folders.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    files
}

fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}
