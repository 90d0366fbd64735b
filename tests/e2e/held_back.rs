//! The WebAssembly held back: pages of `/first-paint/page.html?<round>` load the widget from
//! `/held-back-<round>/`, whose WebAssembly waits until the scenario lets it come
//! (`/first-paint/release?<round>`), so what the entry paints alone can be looked at first.

use std::collections::BTreeSet;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

static RELEASED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
static RELEASE: Condvar = Condvar::new();

/// Longer than any scenario looks at a page before it lets the WebAssembly come; a forgotten
/// round ends anyway.
const AT_MOST: Duration = Duration::from_secs(30);

/// Waits until `round` is released, or [`AT_MOST`] has passed.
pub fn hold_until_released(round: &str) {
    let deadline = Instant::now() + AT_MOST;
    let Ok(mut released) = RELEASED.lock() else {
        return;
    };
    while !released.contains(round) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        match RELEASE.wait_timeout(released, left) {
            Ok((guard, _)) => released = guard,
            Err(_) => return,
        }
    }
}

/// Lets `round`'s held files come.
pub fn release(round: &str) {
    if let Ok(mut released) = RELEASED.lock() {
        released.insert(round.to_owned());
        RELEASE.notify_all();
    }
}

/// A page of one `src` embed of the seed, its widget from `/held-back-<round>/`.
pub fn page(asset_origin: &str, round: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>First paint</title>
<script type="module" src="{asset_origin}/held-back-{round}/reader-widget.js"></script>
</head><body><main><p><a id="before-embed" href="/">Before the embed</a></p>
<reader-widget src="/articles/syria-resolution.json"></reader-widget>
<p><a id="after-embed" href="/">After the embed</a></p></main></body></html>"#
    )
}
