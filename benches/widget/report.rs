//! The benchmark's output: the bytes each variant ships, the Markdown report with every figure
//! and its ratio to the floor and to the JavaScript peer, each target met or not, and an SVG
//! chart of the time figures.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::pages::{self, Articles, Length, PageSpec, Variant};
use crate::{switch_variants, Samples, EMBED_COUNTS};

/// Raw, gzip and brotli bytes.
#[derive(Clone, Copy, Default)]
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, other: Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn compressed_length(program: &str, args: &[&str], data: &[u8]) -> Result<usize, String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running {program}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(data)
            .map_err(|e| format!("feeding {program}: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("running {program}: {e}"))?;
    Ok(output.stdout.len())
}

fn sizes_of(data: &[u8]) -> Result<Sizes, String> {
    Ok(Sizes {
        raw: data.len(),
        gzip: compressed_length("gzip", &["-9", "-c"], data)?,
        brotli: compressed_length("brotli", &["-c", "-q", "11"], data)?,
    })
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

/// What one embed of each variant makes the reader download: the host page (without the
/// benchmark's measuring script), the article JSON for `src` variants, and the script: the
/// peer's one file, or the widget's first load as its manifest lists it. Each file is
/// compressed on its own, as a server sends it.
pub fn bytes_per_variant(
    dist: &Path,
    site: &Path,
    articles: &Articles,
) -> Result<Vec<(Variant, Sizes)>, String> {
    let mut rows = Vec::new();
    for variant in Variant::ALL {
        let spec = PageSpec {
            variant,
            embeds: 1,
            length: Length::Seed,
        };
        let page = pages::page_html(spec, articles);
        let instrument = crate::measure::instrument(1, variant.ready_event());
        let mut total = sizes_of(page.replacen(&instrument, "", 1).as_bytes())?;
        if matches!(variant, Variant::Peer | Variant::WidgetSrc) {
            total += sizes_of(&read(&site.join("seed.json"))?)?;
        }
        if variant == Variant::Peer {
            total += sizes_of(&read(&site.join("reader-peer.js"))?)?;
        }
        if variant.is_widget() {
            let build = if variant == Variant::WidgetServerRendered {
                Build::Hydrating
            } else {
                Build::Plain
            };
            for file in widget_files(dist, build)? {
                total += sizes_of(&read(&dist.join(file))?)?;
            }
        }
        rows.push((variant, total));
    }
    Ok(rows)
}

/// Which of the widget's two builds a page loads.
#[derive(Clone, Copy, PartialEq)]
enum Build {
    /// `wasm/`, for ordinary embeds.
    Plain,
    /// `wasm-hydrating/`, for server-rendered snippets (which carry their styles inline).
    Hydrating,
}

/// The widget's first-load files for `build`, as its manifest lists them.
fn widget_files(dist: &Path, build: Build) -> Result<Vec<String>, String> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&read(&dist.join("reader-widget.manifest.json"))?)
            .map_err(|e| format!("the manifest: {e}"))?;
    let wanted = |file: &str| match build {
        Build::Plain => file.starts_with("wasm/"),
        Build::Hydrating => file.starts_with("wasm-hydrating/"),
    };
    Ok(manifest["files"]
        .as_object()
        .map(|files| {
            files
                .keys()
                .filter(|file| *file == "reader-widget.js" || wanted(file))
                .cloned()
                .collect()
        })
        .unwrap_or_default())
}

/// The widget's own first load for ordinary embeds: its files, without page or article.
pub fn widget_first_load(dist: &Path) -> Result<Sizes, String> {
    let mut total = Sizes::default();
    for file in widget_files(dist, Build::Plain)? {
        total += sizes_of(&read(&dist.join(file))?)?;
    }
    Ok(total)
}

/// `scripts/wasm-breakdown.sh`'s table, or a line saying why there is none.
pub fn wasm_breakdown() -> String {
    script_output("scripts/wasm-breakdown.sh")
}

/// The oEmbed server under load (`scripts/oembed-load.sh`), as a section of the report.
pub fn oembed_load() -> String {
    format!(
        "\n## The oEmbed server under load\n\n`reader-widget-snippet serve` (release build) on \
         loopback answering the seed article, measured by oha: 5 000 requests at each level, each \
         level on a freshly started server. \"kept\" asks for the same answer each time (made once, \
         then kept until its file changes); \"rendered\" asks each time with another `maxwidth`, so \
         each answer is rendered (at most as many at once as the machine has cores). Peak memory \
         is the server's resident high-water mark.\n\n{}",
        script_output("scripts/oembed-load.sh")
    )
}

/// What a script of the project prints, or a line saying why it printed nothing.
fn script_output(name: &str) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    match Command::new(&script).stderr(Stdio::inherit()).output() {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).into_owned()
        }
        Ok(output) => format!("({name} failed: {})\n", output.status),
        Err(error) => format!("({name} could not run: {error})\n"),
    }
}

fn spec(variant: Variant, embeds: usize, length: Length) -> PageSpec {
    PageSpec {
        variant,
        embeds,
        length,
    }
}

fn ms(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.0}"))
}

fn ratio(value: Option<f64>, base: Option<f64>) -> String {
    match (value, base) {
        (Some(value), Some(base)) if base > 0.0 => format!("{:.2}×", value / base),
        _ => "–".to_owned(),
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

/// Memory per additional embed: the difference between 100 embeds and 1, over 99.
fn per_embed(samples: &Samples, variant: Variant, figure: &str) -> Option<f64> {
    let many = samples.median(spec(variant, 100, Length::Seed), figure)?;
    let one = samples.median(spec(variant, 1, Length::Seed), figure)?;
    Some((many - one) / 99.0)
}

pub fn markdown(
    samples: &Samples,
    bytes: &[(Variant, Sizes)],
    widget_bytes: Sizes,
    breakdown: &str,
    articles: &Articles,
    runs: usize,
) -> String {
    let mut out = String::new();
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let chromium = Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "# Benchmark\n\nWritten by `make bench` at commit {commit}: headless {chromium} on this machine's loopback, the release build \
         in `dist/`, the widget's files from a second origin as from a CDN, the browser's cache emptied before \
         every load and every file but the snippets' stylesheet sent uncacheable (every load fetches and \
         compiles everything: a reader's first visit; the stylesheet, cacheable as the publisher guide advises, once a page). Each figure is the median of {runs} \
         loads of its page, all pages loaded in turn within each run. Times are milliseconds from \
         navigation start, taken at the start of the frame that paints (one frame is 16.7 ms). The \
         article is the seed ({} words) unless it says 10,000 words ({} words).\n",
        pages::word_count(articles, Length::Seed),
        pages::word_count(articles, Length::Long),
    );

    let floor_bytes = bytes
        .iter()
        .find(|(v, _)| *v == Variant::Floor)
        .map(|(_, s)| s.brotli);
    let peer_bytes = bytes
        .iter()
        .find(|(v, _)| *v == Variant::Peer)
        .map(|(_, s)| s.brotli);
    let _ = writeln!(
        out,
        "## Bytes for one embed\n\nThe page, the article JSON where it is fetched, and the script; \
         each file compressed on its own.\n\n| variant | raw | gzip | brotli | brotli vs floor | brotli vs peer |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for (variant, sizes) in bytes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            variant.title(),
            sizes.raw,
            sizes.gzip,
            sizes.brotli,
            ratio(Some(sizes.brotli as f64), floor_bytes.map(|b| b as f64)),
            ratio(Some(sizes.brotli as f64), peer_bytes.map(|b| b as f64)),
        );
    }
    let _ = writeln!(
        out,
        "\nWhere the widget's WebAssembly goes (uncompressed, after `wasm-opt`, by `scripts/wasm-breakdown.sh` with twiggy):\n\n{breakdown}"
    );

    let _ = writeln!(
        out,
        "## Time to article text and to ready\n\n| variant | text, 1 | ready, 1 | text, 10 | ready, 10 | text, 100 | ready, 100 | text vs floor (1) | text vs peer (1) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    let floor_text = samples.median(spec(Variant::Floor, 1, Length::Seed), "text");
    let peer_text = samples.median(spec(Variant::Peer, 1, Length::Seed), "text");
    for variant in Variant::ALL {
        let mut row = format!("| {} ", variant.title());
        for embeds in EMBED_COUNTS {
            let page = spec(variant, embeds, Length::Seed);
            let _ = write!(
                row,
                "| {} | {} ",
                ms(samples.median(page, "text")),
                ms(samples.median(page, "ready"))
            );
        }
        let text = samples.median(spec(variant, 1, Length::Seed), "text");
        let _ = writeln!(
            row,
            "| {} | {} |",
            ratio(text, floor_text),
            ratio(text, peer_text)
        );
        out.push_str(&row);
    }

    let _ = writeln!(
        out,
        "\n## A 10,000-word article, one embed\n\n| variant | text | ready | text vs floor | text vs peer | layout shift |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    );
    let long_floor = samples.median(spec(Variant::Floor, 1, Length::Long), "text");
    let long_peer = samples.median(spec(Variant::Peer, 1, Length::Long), "text");
    for variant in Variant::ALL {
        let page = spec(variant, 1, Length::Long);
        let text = samples.median(page, "text");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.4} |",
            variant.title(),
            ms(text),
            ms(samples.median(page, "ready")),
            ratio(text, long_floor),
            ratio(text, long_peer),
            samples.median(page, "cls").unwrap_or(0.0),
        );
    }

    let _ = writeln!(
        out,
        "\n## Size step to new size painted, 10,000-word article\n\nA click on the first embed's step until the last embed paints the new size; four switches a load. Static HTML has no switcher: its row is a script setting the size class on every article, the least work a switch can be.\n\n| variant | 1 embed | 100 embeds | 1 vs peer | 100 vs peer |\n| --- | ---: | ---: | ---: | ---: |"
    );
    let peer_one = samples.median(spec(Variant::Peer, 1, Length::Long), "switch");
    let peer_many = samples.median(spec(Variant::Peer, 100, Length::Long), "switch");
    for variant in switch_variants() {
        let one = samples.median(spec(variant, 1, Length::Long), "switch");
        let many = samples.median(spec(variant, 100, Length::Long), "switch");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            variant.title(),
            ms(one),
            ms(many),
            ratio(one, peer_one),
            ratio(many, peer_many)
        );
    }

    let _ = writeln!(
        out,
        "\n## Layout shift and memory\n\nCumulative layout shift of the seed page with one embed; memory per additional embed is (100 embeds − 1 embed) / 99, after garbage collection, from `performance.memory` and the widget's WebAssembly memory.\n\n| variant | layout shift | layout shift, 10 embeds | JS heap, 1 embed | WebAssembly, 1 embed | per additional embed |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for variant in Variant::ALL {
        let one = spec(variant, 1, Length::Seed);
        let per = per_embed(samples, variant, "heap").unwrap_or(0.0)
            + per_embed(samples, variant, "wasm").unwrap_or(0.0);
        let _ = writeln!(
            out,
            "| {} | {:.4} | {:.4} | {} | {} | {} |",
            variant.title(),
            samples.median(one, "cls").unwrap_or(0.0),
            samples
                .median(spec(variant, 10, Length::Seed), "cls")
                .unwrap_or(0.0),
            kb(samples.median(one, "heap").unwrap_or(0.0) as usize),
            kb(samples.median(one, "wasm").unwrap_or(0.0) as usize),
            kb(per.max(0.0) as usize),
        );
    }

    let shifted: Vec<String> = Variant::ALL
        .iter()
        .filter_map(|variant| {
            let page = spec(*variant, 1, Length::Seed);
            let moved = samples.moved.get(&page.file_name())?;
            (!moved.is_empty()).then(|| format!("- {}: {}", variant.title(), moved.join("; ")))
        })
        .collect();
    if !shifted.is_empty() {
        let _ = writeln!(
            out,
            "\nWhat moved, in the last load of each page with one embed:\n\n{}",
            shifted.join("\n")
        );
    }
    // The targets, each judged on the figures above.
    let widget_script_bytes = widget_bytes.brotli;
    let markup_text = samples.median(spec(Variant::WidgetMarkup, 1, Length::Seed), "text");
    let src_text = samples.median(spec(Variant::WidgetSrc, 1, Length::Seed), "text");
    let ready_one = samples.median(spec(Variant::WidgetSrc, 1, Length::Seed), "ready");
    let ready_many = samples.median(spec(Variant::WidgetSrc, 100, Length::Seed), "ready");
    let switch_one = samples.median(spec(Variant::WidgetSrc, 1, Length::Long), "switch");
    let switch_many = samples.median(spec(Variant::WidgetSrc, 100, Length::Long), "switch");
    let markup_cls = samples
        .median(spec(Variant::WidgetMarkup, 1, Length::Seed), "cls")
        .unwrap_or(f64::MAX);
    let memory = per_embed(samples, Variant::WidgetSrc, "heap").unwrap_or(0.0)
        + per_embed(samples, Variant::WidgetSrc, "wasm").unwrap_or(0.0);
    let within = |value: Option<f64>, base: Option<f64>, factor: f64| match (value, base) {
        (Some(value), Some(base)) => value <= base * factor,
        _ => false,
    };
    let _ = writeln!(
        out,
        "\n## Targets\n\n| target | figure | |\n| --- | --- | --- |"
    );
    let _ = writeln!(
        out,
        "| first load of one embed ≤ 60 KB brotli (widget's files) | {} | {} |",
        kb(widget_script_bytes),
        met(widget_script_bytes <= 60 * 1024)
    );
    let _ = writeln!(
        out,
        "| text painted ≤ 1.1× the floor, fallback markup | {} | {} |",
        ratio(markup_text, floor_text),
        met(within(markup_text, floor_text, 1.1))
    );
    let _ = writeln!(
        out,
        "| text painted ≤ 1.5× the floor, JSON src | {} | {} |",
        ratio(src_text, floor_text),
        met(within(src_text, floor_text, 1.5))
    );
    let _ = writeln!(
        out,
        "| ready for 100 embeds < 3× ready for 1 | {} | {} |",
        ratio(ready_many, ready_one),
        met(match (ready_many, ready_one) {
            (Some(many), Some(one)) => many < one * 3.0,
            _ => false,
        })
    );
    let _ = writeln!(
        out,
        "| size step to painted ≤ 16.7 ms, 1 embed, 10,000 words | {} ms | {} |",
        ms(switch_one),
        met(switch_one.is_some_and(|t| t <= 16.7))
    );
    let _ = writeln!(
        out,
        "| size step to painted ≤ 16.7 ms, 100 embeds, 10,000 words | {} ms | {} |",
        ms(switch_many),
        met(switch_many.is_some_and(|t| t <= 16.7))
    );
    let _ = writeln!(
        out,
        "| layout shift ≤ 0.01, fallback markup | {markup_cls:.4} | {} |",
        met(markup_cls <= 0.01)
    );
    let server = spec(Variant::WidgetServerRendered, 1, Length::Seed);
    let server_text = samples.median(server, "text");
    let server_cls = samples.median(server, "cls").unwrap_or(f64::MAX);
    let _ = writeln!(
        out,
        "| layout shift 0, server-rendered snippet | {server_cls:.4} | {} |",
        met(server_cls == 0.0)
    );
    let _ = writeln!(
        out,
        "| text painted ≤ 1.05× the floor, server-rendered snippet | {} | {} |",
        ratio(server_text, floor_text),
        met(within(server_text, floor_text, 1.05))
    );
    // Every load kept the painted paragraphs: the minimum of the 0/1 figure is 1.
    let kept_everywhere = EMBED_COUNTS.iter().all(|embeds| {
        samples.minimum(
            spec(Variant::WidgetServerRendered, *embeds, Length::Seed),
            "kept",
        ) == Some(1.0)
    });
    let _ = writeln!(
        out,
        "| hydration keeps the painted text (no second render), server-rendered, 1/10/100 embeds | {} | {} |",
        if kept_everywhere { "kept in every load" } else { "replaced in some load" },
        met(kept_everywhere)
    );
    let _ = writeln!(
        out,
        "| ≤ 1 MB JS heap + WebAssembly per additional embed | {} | {} |",
        kb(memory.max(0.0) as usize),
        met(memory <= 1024.0 * 1024.0)
    );
    let _ = writeln!(
        out,
        "\nSamples per figure: {} loads (switch: {} clicks).",
        samples.count(spec(Variant::WidgetSrc, 1, Length::Seed), "text"),
        samples.count(spec(Variant::WidgetSrc, 1, Length::Long), "switch"),
    );
    out
}

/// Bars of the median time to article text at 1, 10 and 100 embeds, per variant.
pub fn chart(samples: &Samples) -> String {
    let colours = ["#1d70b8", "#4c2c92", "#d4351c"];
    let row_height = 54.0;
    let bar = 14.0;
    let left = 230.0;
    let width = 760.0;
    let plot = width - left - 70.0;
    let longest = Variant::ALL
        .iter()
        .flat_map(|variant| {
            EMBED_COUNTS
                .iter()
                .filter_map(|embeds| samples.median(spec(*variant, *embeds, Length::Seed), "text"))
        })
        .fold(1.0_f64, f64::max);
    let height = 50.0 + row_height * Variant::ALL.len() as f64 + 30.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n\
         <title>Median time to article text painted, in milliseconds, at 1, 10 and 100 embeds</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
         <text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Time to article text painted (ms, median)</text>\n"
    );
    for (index, embeds) in EMBED_COUNTS.iter().enumerate() {
        let x = left + index as f64 * 110.0;
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"32\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"43\">{embeds} embed{}</text>",
            colours[index],
            x + 16.0,
            if *embeds == 1 { "" } else { "s" }
        );
    }
    for (row, variant) in Variant::ALL.iter().enumerate() {
        let top = 56.0 + row as f64 * row_height;
        let _ = writeln!(
            svg,
            "<text x=\"10\" y=\"{}\">{}</text>",
            top + 26.0,
            variant.title()
        );
        for (index, embeds) in EMBED_COUNTS.iter().enumerate() {
            let Some(value) = samples.median(spec(*variant, *embeds, Length::Seed), "text") else {
                continue;
            };
            let y = top + index as f64 * (bar + 2.0);
            let length = (value / longest * plot).max(1.0);
            let _ = writeln!(
                svg,
                "<rect x=\"{left}\" y=\"{y}\" width=\"{length:.1}\" height=\"{bar}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{value:.0}</text>",
                colours[index],
                left + length + 4.0,
                y + bar - 3.0
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}
