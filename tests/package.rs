//! The release package in `dist/` as a CDN or npm serves it: the stable entry points at
//! content-hashed files, the manifest's SRI hashes match the files, and `package.json` lists
//! exactly the distribution, with the element's types and Custom Elements Manifest, and keeps
//! the element's registration from bundlers' tree shaking. Needs `make dist` first.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256, Sha384};

fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("reader-widget.js").is_file(),
        "run `make dist` first"
    );
    dist
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest_files(dist: &Path) -> serde_json::Map<String, Value> {
    json(&dist.join("reader-widget.manifest.json"))["files"]
        .as_object()
        .cloned()
        .expect("a files object")
}

#[test]
fn every_manifest_integrity_matches_its_file() {
    let dist = dist();
    let files = manifest_files(&dist);
    assert!(files.contains_key("reader-widget.js"));
    for (file, entry) in &files {
        let data = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let integrity = format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&data))
        );
        assert_eq!(entry["integrity"], integrity, "{file}");
        assert_eq!(entry["bytes"], data.len(), "{file}");
    }
}

#[test]
fn the_entry_and_the_snippet_stylesheet_keep_their_names_and_everything_else_is_named_by_its_content(
) {
    let dist = dist();
    let entry = std::fs::read_to_string(dist.join("reader-widget.js")).expect("the entry");
    for file in manifest_files(&dist)
        .keys()
        .filter(|file| *file != "reader-widget.js" && *file != "reader-widget.css")
    {
        let data = std::fs::read(dist.join(file)).expect("a file");
        let hash: String = Sha256::digest(&data)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>()
            .chars()
            .take(12)
            .collect();
        assert!(
            file.contains(&format!(".{hash}.")),
            "{file} is not named by its content {hash}"
        );
        if !file.contains("/snippets/") {
            assert!(
                entry.contains(file.as_str()),
                "the entry does not load {file}"
            );
        }
    }
    assert!(
        !dist.join("wasm/reader-widget_bg.wasm").exists(),
        "an unhashed copy remains"
    );
}

/// The `files` of `dist/package.json`, sorted.
fn listed_files(package: &Value) -> Vec<String> {
    let mut listed: Vec<String> = package["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|file| file.as_str().map(str::to_owned))
        .collect();
    listed.sort();
    listed
}

#[test]
fn package_json_lists_exactly_the_distribution() {
    let dist = dist();
    let package = json(&dist.join("package.json"));
    let listed = listed_files(&package);
    let mut expected: Vec<String> = manifest_files(&dist).keys().cloned().collect();
    expected.extend(
        [
            "reader-widget.manifest.json",
            "reader-widget.d.ts",
            "react.d.ts",
            "custom-elements.json",
        ]
        .map(str::to_owned),
    );
    expected.sort();
    assert_eq!(listed, expected);
    for file in &listed {
        assert!(
            dist.join(file).is_file(),
            "{file} is listed but not in dist/"
        );
    }
    let cargo = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    let version = package["version"].as_str().expect("a version");
    assert!(
        cargo.contains(&format!("version = \"{version}\"")),
        "{version}"
    );
}

#[test]
fn dist_holds_the_release_package_and_nothing_else() {
    let dist = dist();
    let package = json(&dist.join("package.json"));
    let mut listed = listed_files(&package);
    listed.push("package.json".to_owned());
    listed.sort();
    let mut present = files_under(&dist, &dist);
    present.sort();
    assert_eq!(present, listed, "dist/ holds more or less than the package");
}

/// Every file under `folder`, by its path from `root`.
fn files_under(root: &Path, folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("a readable folder")
        .flat_map(|entry| {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                files_under(root, &path)
            } else {
                vec![path
                    .strip_prefix(root)
                    .expect("under the root")
                    .to_string_lossy()
                    .into_owned()]
            }
        })
        .collect()
}

#[test]
fn package_json_names_the_entry_its_types_and_its_manifest_and_keeps_the_registration() {
    let dist = dist();
    let package = json(&dist.join("package.json"));
    assert_eq!(package["exports"]["."]["default"], "./reader-widget.js");
    assert_eq!(package["exports"]["."]["types"], "./reader-widget.d.ts");
    assert_eq!(package["types"], "./reader-widget.d.ts");
    assert_eq!(package["exports"]["./react"]["types"], "./react.d.ts");
    assert_eq!(package["customElements"], "custom-elements.json");
    // A bundler that dropped the import would never define the element.
    assert_eq!(
        package["sideEffects"],
        serde_json::json!(["./reader-widget.js"])
    );
    for (file, source) in [
        ("reader-widget.d.ts", "js/reader-widget.d.ts"),
        ("react.d.ts", "js/react.d.ts"),
        ("custom-elements.json", "js/custom-elements.json"),
    ] {
        let shipped = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let written = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(source))
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        assert_eq!(shipped, written, "{file} is not {source} as written");
    }
}

#[test]
fn the_entry_carries_the_integrity_of_every_file_it_loads() {
    let dist = dist();
    let entry = std::fs::read_to_string(dist.join("reader-widget.js")).expect("the entry");
    let files = manifest_files(&dist);
    let loaded: Vec<&String> = files
        .keys()
        .filter(|file| file.starts_with("wasm/") || file.starts_with("wasm-hydrating/"))
        .collect();
    // Each build's module (glue, element definition and start, bundled) and WebAssembly.
    assert_eq!(loaded.len(), 4, "{loaded:?}");
    for file in &loaded {
        // The form a bundler copies into its output (see docs/publisher-guide.md).
        let reference = format!(r#"new URL("./{file}",import.meta.url)"#);
        assert!(entry.contains(&reference), "the entry lacks {reference}");
    }
    for build in ["wasm", "wasm-hydrating"] {
        let integrity_of = |extension: &str| {
            let file = loaded
                .iter()
                .find(|file| file.starts_with(&format!("{build}/")) && file.ends_with(extension))
                .unwrap_or_else(|| panic!("no {extension} in {build}/"));
            files[file.as_str()]["integrity"]
                .as_str()
                .expect("an integrity")
                .to_owned()
        };
        // Inside the JSON string literal the entry parses, the quotes are escaped.
        let hashes = format!(
            r#"\"{build}\":{{\"wasm\":\"{}\",\"module\":\"{}\"}}"#,
            integrity_of(".wasm"),
            integrity_of(".js")
        );
        assert!(entry.contains(&hashes), "the entry lacks {hashes}");
    }
    assert!(!entry.contains("__READER_WIDGET_INTEGRITY__"));
}

#[test]
fn the_snippet_commands_stylesheet_integrity_is_the_released_stylesheets() {
    let files = manifest_files(&dist());
    assert_eq!(
        files["reader-widget.css"]["integrity"],
        reader_widget::snippet::stylesheet_integrity()
    );
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `program` in `folder`, failing with its output when it fails.
fn run(folder: &Path, program: &Path, arguments: &[&str]) -> String {
    let output = std::process::Command::new(program)
        .args(arguments)
        .current_dir(folder)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{} {arguments:?} failed:\n{stdout}\n{}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// A fresh folder where `npm pack` of `dist/` is installed, as a publisher's project installs it.
fn publisher_project(name: &str) -> PathBuf {
    let project = root().join("target/package-tests").join(name);
    let _ = std::fs::remove_dir_all(&project);
    std::fs::create_dir_all(&project).expect("a project folder");
    std::fs::write(
        project.join("package.json"),
        r#"{ "name": "publisher", "private": true }"#,
    )
    .expect("its package.json");
    let packed = run(
        &project,
        Path::new("npm"),
        &[
            "pack",
            dist().to_str().expect("a path"),
            "--json",
            "--loglevel=error",
        ],
    );
    let packed: Value = serde_json::from_str(&packed).expect("npm pack's JSON");
    let tarball = packed[0]["filename"].as_str().expect("the tarball's name");
    run(
        &project,
        Path::new("npm"),
        &[
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            tarball,
        ],
    );
    project
}

#[test]
fn npm_pack_gives_exactly_the_listed_files_and_installs_them() {
    let project = publisher_project("pack");
    let installed = project.join("node_modules/reader-widget");
    let missing: Vec<String> = listed_files(&json(&dist().join("package.json")))
        .into_iter()
        .filter(|file| !installed.join(file).is_file())
        .collect();
    assert!(missing.is_empty(), "not installed: {missing:?}");
    assert_eq!(
        json(&installed.join("package.json"))["name"],
        "reader-widget"
    );
}

#[test]
fn the_installed_types_check_as_a_publishers_typescript_and_react_code_uses_them() {
    let project = publisher_project("types");
    // React's types, as a React app has them (from this repository's lock).
    let types = project.join("node_modules/@types");
    std::fs::create_dir_all(&types).expect("@types");
    std::os::unix::fs::symlink(
        root().join("node_modules/@types/react"),
        types.join("react"),
    )
    .expect("@types/react linked");
    for sample in ["tsconfig.json", "dom.ts", "react.tsx"] {
        std::fs::copy(
            root().join("tests/types").join(sample),
            project.join(sample),
        )
        .unwrap_or_else(|e| panic!("{sample}: {e}"));
    }
    run(
        &project,
        &root().join("node_modules/.bin/tsc"),
        &["-p", "."],
    );
}

#[test]
fn the_custom_elements_manifest_follows_its_schema() {
    let out = run(
        &root(),
        Path::new("node"),
        &["tests/types/validate-manifest.mjs"],
    );
    assert!(
        out.contains("follows the Custom Elements Manifest schema"),
        "{out}"
    );
}
