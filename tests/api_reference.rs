//! The element's public surface is written once, in the Custom Elements Manifest
//! (`js/custom-elements.json`, which editors and documentation tools read), and the publisher
//! guide's tables (`docs/publisher-guide.md`) and the TypeScript types say the same: each table
//! (attributes, events, properties and methods, custom properties, parts) lists the manifest's
//! names in its order with its descriptions, and the types declare every attribute, member and
//! event it names. The
//! manifest's schema is checked by `make test-types` (tests/types/validate-manifest.mjs).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use serde_json::Value;

/// Where publishers read the element's surface.
const GUIDE: &str = "docs/publisher-guide.md";

fn read(file: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|error| panic!("{file}: {error}"))
}

/// The manifest's declaration of `<reader-widget>`.
fn element() -> Value {
    let manifest: Value =
        serde_json::from_str(&read("js/custom-elements.json")).expect("the manifest is JSON");
    let declarations = &manifest["modules"][0]["declarations"];
    declarations
        .as_array()
        .and_then(|all| all.iter().find(|it| it["tagName"] == "reader-widget"))
        .cloned()
        .expect("the manifest declares <reader-widget>")
}

/// The manifest's `list` (attributes, members, …): each entry's name and description.
fn listed(list: &str) -> Vec<(String, String)> {
    element()[list]
        .as_array()
        .expect("the list is in the manifest")
        .iter()
        .map(|entry| {
            let name = entry["name"].as_str().unwrap_or_default();
            // Methods are written with their parentheses in the guide.
            let name = if entry["kind"] == "method" {
                format!("{name}()")
            } else {
                name.to_owned()
            };
            (
                name,
                entry["description"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The rows of the guide's table under `heading` whose first column is headed `first`, as
/// cells with Markdown's `\|` read as `|` and the first cell's backticks taken off.
fn readme_table(heading: &str, first: &str) -> Vec<Vec<String>> {
    let guide = read(GUIDE);
    let section = guide
        .split_once(&format!("\n{heading}\n"))
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("{GUIDE} has {heading}"));
    let table = section
        .split_once(&format!("| {first} |"))
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("{heading} has its table"));
    table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let line = line.trim().trim_matches('|').replace("\\|", "\u{0}");
            line.split('|')
                .enumerate()
                .map(|(column, cell)| {
                    let cell = cell.trim().replace('\u{0}', "|");
                    if column == 0 {
                        cell.trim_matches('`').to_owned()
                    } else {
                        cell
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_guides_attributes_are_the_manifests() {
    let rows: Vec<(String, String)> = readme_table("## Attributes", "attribute")
        .into_iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect();
    assert_eq!(rows, listed("attributes"));
    let defaults: Vec<String> = readme_table("## Attributes", "attribute")
        .into_iter()
        .map(|row| row[2].clone())
        .collect();
    let listed_defaults: Vec<String> = element()["attributes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|attribute| attribute["default"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(defaults, listed_defaults);
}

#[test]
fn the_guides_events_are_the_manifests() {
    let rows: Vec<(String, String)> = readme_table("## Events", "event")
        .into_iter()
        .map(|row| (row[0].clone(), format!("{}. `detail`: {}", row[1], row[2])))
        .collect();
    assert_eq!(rows, listed("events"));
}

#[test]
fn the_guides_properties_and_methods_are_the_manifests() {
    let rows: Vec<(String, String)> = readme_table("## Properties and methods", "member")
        .into_iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect();
    assert_eq!(rows, listed("members"));
}

#[test]
fn the_guides_custom_properties_and_parts_are_the_manifests() {
    let rows: Vec<(String, String)> = readme_table("## Theming", "property")
        .into_iter()
        .map(|row| {
            let description = if row[3] == "same" {
                row[1].clone()
            } else {
                format!("{} (dark theme: {})", row[1], row[3])
            };
            (row[0].clone(), description)
        })
        .collect();
    assert_eq!(rows, listed("cssProperties"));
    let guide = read(GUIDE);
    let parts_line = guide
        .split_once("`::part()` reaches the main pieces: ")
        .and_then(|(_, rest)| rest.split_once(".\n"))
        .map(|(parts, _)| parts)
        .expect("the guide lists the parts");
    let parts: Vec<String> = parts_line
        .split(',')
        .map(|part| part.trim().trim_matches('`').to_owned())
        .collect();
    let listed_parts: Vec<String> = listed("cssParts")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(parts, listed_parts);
}

#[test]
fn the_types_declare_every_attribute_member_and_event_of_the_manifest() {
    let element_types = read("js/reader-widget.d.ts");
    let react_types = read("js/react.d.ts");
    let mut missing = Vec::new();
    for (name, _) in listed("attributes") {
        // `lang` is every HTML element's, in React's own attribute types.
        if name != "lang" && !react_types.contains(&format!("\n  {}?:", quoted_if_needed(&name))) {
            missing.push(format!("js/react.d.ts: the {name} attribute"));
        }
    }
    for (name, _) in listed("members") {
        let name = name.trim_end_matches("()");
        if !element_types.contains(&format!(" {name}")) {
            missing.push(format!("js/reader-widget.d.ts: the {name} member"));
        }
    }
    for (name, _) in listed("events") {
        if !element_types.contains(&format!("\"{name}\": CustomEvent<")) {
            missing.push(format!("js/reader-widget.d.ts: the {name} event"));
        }
        if !react_types.contains(&format!("\"on{name}\"?:")) {
            missing.push(format!("js/react.d.ts: the on{name} prop"));
        }
    }
    assert!(missing.is_empty(), "not in the types: {missing:#?}");
}

/// A TypeScript property name: quoted when it has a hyphen.
fn quoted_if_needed(name: &str) -> String {
    if name.contains('-') {
        format!("\"{name}\"")
    } else {
        name.to_owned()
    }
}
