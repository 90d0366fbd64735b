//! The widget in a real browser (`wasm-bindgen-test` in Chromium, Firefox and WebKit): the debug
//! build's elements, mounted into shadow roots on a test page. This file is the index; each
//! module holds the tests of one feature. What needs the release build, the demo pages or a
//! server is in the end-to-end tier (`tests/e2e`), and what the native build can show alone in
//! the native tests.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../browser_support/mod.rs"]
mod browser_support;
use browser_support::*;

/// Many embeds at once: rendered over several tasks, shown in one frame.
mod arrivals;
/// Deep nesting, hostile text and limits, in each source kind.
mod deep_and_hostile_input;
/// The element's events and properties.
mod element_api;
/// Articles that cannot be shown.
mod errors;
/// Keyboard first: arrow keys, one tab stop, the skip links.
mod keyboard;
/// The reader's language and direction.
mod languages;
/// An element's life: memory, removal, putting back.
mod lifecycle;
/// The text size: by click, shared, stored, across tabs, from the attribute.
mod sizes;
/// Server-rendered snippets taken over, or rendered anew.
mod snippets;
/// Where an article comes from: inline JSON, `src`, JSON-LD, semantic HTML, which one wins.
mod sources;
/// Theming from the host page.
mod theming;

use element_api::*;
use languages::*;
use sources::*;
use theming::*;
