//! What the benchmark measures inside the page, as scripts. `instrument` runs first in every
//! page's `<head>`; the others run through WebDriver once the page has settled.
//!
//! - Text painted: a `requestAnimationFrame` loop from the first frame checks whether every
//!   embed shows article text (a paragraph that is rendered: in the shadow root once the embed
//!   has rendered, else the light-DOM markup while it is still visible); the figure is that
//!   frame's start time, relative to navigation start. Paint follows within the frame, so every
//!   variant is measured alike, to one frame (16.7 ms) of resolution.
//! - Ready: the time the last embed fired its ready event (static HTML: its text time).
//! - Layout shift: the sum of `layout-shift` entries without recent input.
//! - Text kept: whether each embed's painted paragraph, as first seen, is the one on screen once
//!   all are ready (1) or was replaced by a second render (0).

/// The measuring script for a page of `embeds` embeds whose embeds fire `ready_event`.
pub fn instrument(embeds: usize, ready_event: Option<&str>) -> String {
    let ready_event = ready_event
        .map(|event| format!("\"{event}\""))
        .unwrap_or_else(|| "null".to_owned());
    format!(
        r#"<script>
(() => {{
  const wanted = {embeds};
  const readyEvent = {ready_event};
  const bench = (window.__bench = {{ text: null, ready: null, cls: 0, readyCount: 0, moved: [] }});
  // The widget's WebAssembly memory, for the memory figure: its instance is kept as it is made
  // (the release's module exports nothing to ask it by).
  for (const name of ["instantiateStreaming", "instantiate"]) {{
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {{
      const made = await original.apply(WebAssembly, args);
      bench.memory = (made.instance ?? made).exports?.memory ?? bench.memory;
      return made;
    }};
  }}
  const describe = (node) =>
    !node ? "a removed node" : node.nodeType === 1 ? `${{node.localName}}${{node.className ? "." + String(node.className).split(" ")[0] : ""}}` : node.nodeName;
  try {{
    new PerformanceObserver((list) => {{
      for (const entry of list.getEntries()) {{
        if (entry.hadRecentInput) continue;
        bench.cls += entry.value;
        for (const source of entry.sources ?? []) {{
          const [from, to] = [source.previousRect, source.currentRect];
          bench.moved.push(`${{describe(source.node)}} at ${{Math.round(performance.now())}} ms: y ${{Math.round(from.y)}} to ${{Math.round(to.y)}}, height ${{Math.round(from.height)}} to ${{Math.round(to.height)}}`);
        }}
      }}
    }}).observe({{ type: "layout-shift", buffered: true }});
  }} catch {{}}
  if (readyEvent) {{
    document.addEventListener(readyEvent, () => {{
      bench.readyCount += 1;
      if (bench.readyCount === wanted) bench.ready = performance.now();
    }});
  }}
  const paragraph = (embed) =>
    embed.shadowRoot?.querySelector(".rw-article__paragraph, .peer-article p") ??
    (embed.matches("article") ? embed.querySelector("p") : embed.querySelector("article p"));
  const shows = (embed) => {{
    const p = paragraph(embed);
    return !!p && p.checkVisibility() && p.getClientRects().length > 0;
  }};
  const frame = (time) => {{
    if (bench.text === null) {{
      const all = document.querySelectorAll("[data-embed]");
      if (all.length === wanted && [...all].every(shows)) {{
        bench.text = time;
        bench.first = [...all].map(paragraph);
        bench.paragraph = paragraph;
        if (!readyEvent) bench.ready = time;
      }}
    }}
    if (bench.text === null || bench.ready === null) requestAnimationFrame(frame);
  }};
  requestAnimationFrame(frame);
}})();
</script>"#
    )
}

/// True once text and readiness are both in, and a quarter second has passed for late shifts.
pub const SETTLED: &str = "const b = window.__bench; return !!b && b.text !== null && b.ready !== null && performance.now() > Math.max(b.text, b.ready) + 250;";

/// The page's figures: text and ready times, layout shift and what moved.
pub const FIGURES: &str = "const b = window.__bench; const kept = [...document.querySelectorAll('[data-embed]')].every((embed, i) => b.paragraph(embed) === b.first[i]); return { text: b.text, ready: b.ready, cls: b.cls, moved: b.moved, kept: kept ? 1 : 0 };";

/// JS heap plus WebAssembly memory in bytes after two garbage collections (asynchronous: the
/// WebDriver callback is the last argument). The widget's memory is the one `instrument` kept
/// when the WebAssembly was instantiated.
pub const MEMORY: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const collect = async () => { if (window.gc) { gc(); await new Promise((r) => setTimeout(r, 50)); gc(); } };
  await collect();
  const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
  const wasm = window.__bench?.memory?.buffer.byteLength ?? 0;
  done({ heap, wasm });
})().catch((error) => done({ error: String(error) }));"#;

/// Clicks the first embed's size steps in turn and measures each click to the frame that paints
/// the new size in the last embed: the change is seen in a `requestAnimationFrame` callback
/// (paint follows in that frame) and the time is taken in a task posted from it, after the
/// paint. Static HTML has no switcher: its figure is a script setting the same size class on
/// every article, the least work any switcher can do.
pub const SWITCH: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const embeds = [...document.querySelectorAll("[data-embed]")];
  const last = embeds[embeds.length - 1];
  const paragraph = () => last.shadowRoot?.querySelector(".rw-article__paragraph, .peer-article p") ?? last.querySelector("p");
  const isStatic = !embeds[0].shadowRoot;
  if (isStatic) {
    const style = document.createElement("style");
    style.textContent = ".size-xs{font-size:.8em}.size-sm{font-size:.9em}.size-md{font-size:1em}.size-lg{font-size:1.25em}";
    document.head.append(style);
  }
  const quiet = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  for (const code of ["lg", "sm", "xs", "md"]) {
    await quiet();
    const before = getComputedStyle(paragraph()).fontSize;
    const start = performance.now();
    if (isStatic) {
      for (const article of embeds) article.className = `size-${code}`;
    } else {
      embeds[0].shadowRoot.querySelector(`input[value="${code}"]`).click();
    }
    await new Promise((resolve) => {
      const check = () => {
        if (getComputedStyle(paragraph()).fontSize !== before) {
          setTimeout(() => { times.push(performance.now() - start); resolve(); }, 0);
        } else {
          requestAnimationFrame(check);
        }
      };
      requestAnimationFrame(check);
    });
  }
  done(times);
})().catch((error) => done({ error: String(error) }));"#;
