//! Minifies `styles/reader-widget.css` into `OUT_DIR`, where `src/lib.rs` includes it, and hashes
//! the sources a server-rendered snippet's markup is rendered from into
//! `READER_WIDGET_MARKUP_SOURCES`, part of `MARKUP_VERSION`.

#[path = "src/css.rs"]
mod css;

/// What decides a snippet's widget markup: the components, their labels and size steps, the
/// article model they read, and the Yew version in the lock file. (The light-DOM article the
/// snippet carries beside it has its own check, its fingerprint.)
const MARKUP_SOURCES: &[&str] = &[
    "src/components",
    "src/labels.rs",
    "src/text_size.rs",
    "src/article.rs",
    "Cargo.lock",
];

fn main() {
    println!("cargo:rerun-if-changed=styles/reader-widget.css");
    println!("cargo:rerun-if-changed=src/css.rs");
    let source = std::fs::read_to_string("styles/reader-widget.css")
        .unwrap_or_else(|error| panic!("reading styles/reader-widget.css: {error}"));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|error| panic!("OUT_DIR: {error}"));
    let target = std::path::Path::new(&out_dir).join("reader-widget.min.css");
    std::fs::write(&target, css::minify(&source))
        .unwrap_or_else(|error| panic!("writing {}: {error}", target.display()));

    // FNV-1a over each file's path and bytes, in name order.
    let mut files = Vec::new();
    for source in MARKUP_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        let path = std::path::Path::new(source);
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).unwrap_or_else(|error| panic!("reading {source}: {error}"));
            for entry in entries {
                files.push(
                    entry
                        .unwrap_or_else(|error| panic!("{source}: {error}"))
                        .path(),
                );
            }
        } else {
            files.push(path.to_owned());
        }
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(file)
            .unwrap_or_else(|error| panic!("reading {}: {error}", file.display()));
        let name = file.to_string_lossy().replace('\\', "/");
        for byte in name.bytes().chain([0]).chain(bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!(
        "cargo:rustc-env=READER_WIDGET_MARKUP_SOURCES={:08x}",
        hash >> 32
    );
}
