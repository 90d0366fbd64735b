//! The names the JavaScript shares with the Rust come from the Rust: each script's block of shared
//! names holds exactly the constants `src/shared_names.rs` and `src/text_size.rs` give (with
//! `UPDATE_SHARED_NAMES=1`, as `make shared-names` runs it, this test writes them), no script
//! names a widget class, the snippet's attribute or a global key anywhere else, and every shared
//! class is one the widget renders (in a server-rendered snippet of the seed, whose markup is the
//! app's first render) or styles. The first paint's painter (`js/first-paint.js`) writes the
//! view's classes itself, proven by `tests/first_paint.rs`, so its block is checked but not its
//! text around it. The scripts do not import the names: wasm-bindgen loads the element's
//! definition alone.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

use reader_widget::article::{MAX_ARTICLE_BYTES, MAX_BLOCKS, MAX_HEADLINE_CHARS, MAX_TEXT_CHARS};
use reader_widget::labels::ENGLISH;
use reader_widget::shared_names::{
    ARTICLE_CLASS, BOOT_KEY, EARLY_ARTICLES_KEY, FIRST_PAINT_ATTRIBUTE, FIRST_PAINT_SELECTOR,
    LISTEN_PASSAGES_SELECTOR, MOUNT_CLASS, MOUNT_SELECTOR, SERVER_RENDERED_ATTRIBUTE,
    SERVER_RENDERED_MOUNT_SELECTOR, SIZE_INPUT_CLASS, SKIP_LINK_CLASS, STORAGE_KEY,
};
use reader_widget::text_size::TextSize;

/// The line that opens a script's block of shared names.
const BLOCK_START: &str =
    "// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by";
/// The line that closes it.
const BLOCK_END: &str = "// End of the names shared with the Rust.";

/// The JavaScript the widget ships and runs.
const SCRIPTS: [&str; 4] = [
    "js/reader-widget.js",
    "js/define-element.js",
    "js/boot.js",
    "js/speech.js",
];
/// Scripts that write the view's own markup, so type its classes outside the block: their markup
/// is proven to be the view's by tests/first_paint.rs instead.
const PAINTERS: [&str; 1] = ["js/first-paint.js"];

fn path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file)
}

fn read(file: &str) -> String {
    std::fs::read_to_string(path(file)).unwrap_or_else(|error| panic!("{file}: {error}"))
}

fn string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// Every constant a script may take from the Rust, as JavaScript.
fn shared_constants() -> Vec<(&'static str, String)> {
    let size_classes: Vec<String> = TextSize::ALL
        .iter()
        .map(|size| format!("{}: {}", size.code(), string(size.class())))
        .collect();
    let size_labels: Vec<String> = TextSize::ALL
        .iter()
        .map(|size| format!("{}: {}", size.code(), string(size.label())))
        .collect();
    let descriptions: Vec<String> = ENGLISH
        .size_descriptions
        .iter()
        .map(|text| string(text))
        .collect();
    let english = [
        ("lang", string(&ENGLISH.lang)),
        ("skipToArticle", string(&ENGLISH.skip_to_article)),
        ("skipPastArticle", string(&ENGLISH.skip_past_article)),
        ("textSize", string(&ENGLISH.text_size)),
        ("sizeDescriptions", format!("[{}]", descriptions.join(", "))),
        ("separator", string(&ENGLISH.separator)),
        ("imageCredit", string(&ENGLISH.image_credit)),
    ]
    .map(|(key, value)| format!("{key}: {value}"));
    vec![
        ("MOUNT_CLASS", string(MOUNT_CLASS)),
        ("FIRST_PAINT_ATTRIBUTE", string(FIRST_PAINT_ATTRIBUTE)),
        ("FIRST_PAINT_SELECTOR", string(FIRST_PAINT_SELECTOR)),
        ("STORAGE_KEY", string(STORAGE_KEY)),
        ("SIZE_LABELS", format!("{{ {} }}", size_labels.join(", "))),
        ("ENGLISH_LABELS", format!("{{ {} }}", english.join(", "))),
        ("MAX_ARTICLE_BYTES", MAX_ARTICLE_BYTES.to_string()),
        ("MAX_BLOCKS", MAX_BLOCKS.to_string()),
        ("MAX_HEADLINE_CHARS", MAX_HEADLINE_CHARS.to_string()),
        ("MAX_TEXT_CHARS", MAX_TEXT_CHARS.to_string()),
        ("MOUNT_SELECTOR", string(MOUNT_SELECTOR)),
        (
            "SERVER_RENDERED_MOUNT_SELECTOR",
            string(SERVER_RENDERED_MOUNT_SELECTOR),
        ),
        (
            "CHECKED_SIZE_SELECTOR",
            string(&format!(".{SIZE_INPUT_CLASS}:checked")),
        ),
        ("SKIP_LINK_SELECTOR", string(&format!(".{SKIP_LINK_CLASS}"))),
        ("ARTICLE_SELECTOR", string(&format!(".{ARTICLE_CLASS}"))),
        ("SIZE_CLASSES", format!("{{ {} }}", size_classes.join(", "))),
        ("DEFAULT_SIZE", string(TextSize::default().code())),
        ("LISTEN_PASSAGES_SELECTOR", string(LISTEN_PASSAGES_SELECTOR)),
        (
            "EARLY_ARTICLES",
            format!("Symbol.for({})", string(EARLY_ARTICLES_KEY)),
        ),
        ("BOOT", format!("Symbol.for({})", string(BOOT_KEY))),
    ]
}

/// A script's text split around its block: before, the names the block declares, after.
fn split_at_block<'a>(file: &str, script: &'a str) -> (&'a str, Vec<String>, &'a str) {
    let start = script
        .find(BLOCK_START)
        .unwrap_or_else(|| panic!("{file} has no block of shared names"));
    let end = script[start..]
        .find(BLOCK_END)
        .map(|at| start + at)
        .unwrap_or_else(|| panic!("{file}: its block of shared names is not closed"));
    let names = script[start..end]
        .lines()
        .filter_map(|line| {
            let declared = line.strip_prefix("const ")?;
            Some(declared.split_once(' ')?.0.to_owned())
        })
        .collect();
    (&script[..start], names, &script[end + BLOCK_END.len()..])
}

/// The block declaring `names` with the Rust's values.
fn block(file: &str, names: &[String]) -> String {
    let constants = shared_constants();
    let mut lines = vec![
        BLOCK_START.to_owned(),
        "// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):"
            .to_owned(),
    ];
    for name in names {
        let value = constants
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value)
            .unwrap_or_else(|| panic!("{file} declares {name}, which the Rust does not share"));
        lines.push(format!("const {name} = {value};"));
    }
    lines.push(BLOCK_END.to_owned());
    lines.join("\n")
}

#[test]
fn each_scripts_shared_names_are_the_rusts() {
    let update = std::env::var_os("UPDATE_SHARED_NAMES").is_some();
    let mut stale = Vec::new();
    for file in SCRIPTS.into_iter().chain(PAINTERS) {
        let script = read(file);
        let (before, names, after) = split_at_block(file, &script);
        assert!(!names.is_empty(), "{file}: its block declares no names");
        let written = format!("{before}{}{after}", block(file, &names));
        if written != script {
            if update {
                std::fs::write(path(file), written)
                    .unwrap_or_else(|error| panic!("{file}: {error}"));
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the shared names in {stale:?} are not the Rust's: run `make shared-names`"
    );
}

#[test]
fn no_script_names_a_shared_name_outside_its_block() {
    let mut found = Vec::new();
    for file in SCRIPTS {
        let script = read(file);
        let (before, _, after) = split_at_block(file, &script);
        for outside in [before, after] {
            for name in [
                "rw-",
                SERVER_RENDERED_ATTRIBUTE,
                "Symbol.for(\"reader-widget",
            ] {
                if let Some(at) = outside.find(name) {
                    // Where `outside` starts in the script, so that the line is the file's.
                    let offset = outside.as_ptr() as usize - script.as_ptr() as usize;
                    let line = script[..offset + at].lines().count();
                    found.push(format!("{file}:{line}: {name}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "shared names typed again: {found:#?}");
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

#[test]
fn every_shared_class_is_one_the_widget_renders_or_styles() {
    let rendered = rw_names(&read("tests/fixtures/server-rendered-seed.html"));
    let styled = rw_names(&read("styles/reader-widget.css"));
    let shared: Vec<String> = shared_constants()
        .iter()
        .flat_map(|(_, value)| rw_names(value))
        .collect();
    let unknown: Vec<&String> = shared
        .iter()
        .filter(|name| !rendered.contains(*name) && !styled.contains(*name))
        .collect();
    assert!(
        unknown.is_empty(),
        "classes the widget neither renders nor styles: {unknown:?}"
    );
    assert!(
        read("tests/fixtures/server-rendered-seed.html").contains(&format!(
            "class=\"{MOUNT_CLASS}\" {SERVER_RENDERED_ATTRIBUTE}=\""
        ))
    );
}
