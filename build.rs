//! Minifies `styles/reader-widget.css` into `OUT_DIR`, where `src/lib.rs` includes it.

#[path = "src/css.rs"]
mod css;

fn main() {
    println!("cargo:rerun-if-changed=styles/reader-widget.css");
    println!("cargo:rerun-if-changed=src/css.rs");
    let source = std::fs::read_to_string("styles/reader-widget.css")
        .unwrap_or_else(|error| panic!("reading styles/reader-widget.css: {error}"));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|error| panic!("OUT_DIR: {error}"));
    let target = std::path::Path::new(&out_dir).join("reader-widget.min.css");
    std::fs::write(&target, css::minify(&source))
        .unwrap_or_else(|error| panic!("writing {}: {error}", target.display()));
}
