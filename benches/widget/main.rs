//! `make bench`: the widget's cost to a publisher's readers, measured in headless Chromium against
//! the release build in `dist/`, beside the static-HTML floor and a hand-written JavaScript peer
//! (`benches/peer/reader-peer.js`). Every page is loaded `BENCH_RUNS` times (default 15), all
//! pages in turn within each run so that machine noise hits every variant alike; each figure is
//! the median, after one unrecorded pass. Then Lighthouse on a throttled phone, on news pages
//! (`lighthouse.rs`), `BENCH_LIGHTHOUSE_RUNS` times a page (default 3). Writes
//! `docs/benchmark.md` and `docs/benchmark.svg`. A report, not a test: it fails only when it
//! cannot measure.

#[path = "../../tests/e2e/engines.rs"]
#[allow(dead_code)]
mod engines;
mod lighthouse;
mod measure;
mod pages;
mod report;
#[path = "../../tests/e2e/server.rs"]
#[allow(dead_code)]
mod server;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::Value;

use engines::{Driver, Engine};
use pages::{Length, PageSpec, Variant};

/// The embed counts of the load figures.
pub const EMBED_COUNTS: [usize; 3] = [1, 10, 100];
/// A page that has not settled by then has hung.
const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// Every sample taken, by page file name and figure name.
#[derive(Default)]
pub struct Samples {
    values: BTreeMap<(String, &'static str), Vec<f64>>,
    /// What moved in each page's last load, for the layout-shift figure.
    pub moved: BTreeMap<String, Vec<String>>,
}

impl Samples {
    fn push(&mut self, page: PageSpec, figure: &'static str, value: f64) {
        self.values
            .entry((page.file_name(), figure))
            .or_default()
            .push(value);
    }

    /// The median of a figure's samples; `None` when it has none.
    pub fn median(&self, page: PageSpec, figure: &str) -> Option<f64> {
        let mut values = self.values.get(&(page.file_name(), figure))?.clone();
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let middle = values.len() / 2;
        Some(if values.len() % 2 == 0 {
            (values[middle - 1] + values[middle]) / 2.0
        } else {
            values[middle]
        })
    }

    /// The smallest value of `figure` over the loads of `page`.
    pub fn minimum(&self, page: PageSpec, figure: &str) -> Option<f64> {
        self.values
            .get(&(page.file_name(), figure))?
            .iter()
            .copied()
            .reduce(f64::min)
    }

    pub fn count(&self, page: PageSpec, figure: &str) -> usize {
        self.values
            .get(&(page.file_name(), figure))
            .map_or(0, Vec::len)
    }
}

/// The pages of one run: every variant at each embed count, every variant with the long
/// article, and the long article a hundred times for the switch figures.
pub fn all_pages() -> Vec<PageSpec> {
    let mut pages = Vec::new();
    for variant in Variant::ALL {
        for embeds in EMBED_COUNTS {
            pages.push(PageSpec {
                variant,
                embeds,
                length: Length::Seed,
            });
        }
        pages.push(PageSpec {
            variant,
            embeds: 1,
            length: Length::Long,
        });
    }
    for variant in switch_variants() {
        pages.push(PageSpec {
            variant,
            embeds: 100,
            length: Length::Long,
        });
    }
    pages
}

/// The variants with a size switch to time (static HTML stands in with a class change).
pub fn switch_variants() -> [Variant; 3] {
    [Variant::Floor, Variant::Peer, Variant::WidgetSrc]
}

fn main() -> ExitCode {
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse::<usize>().ok())
        .filter(|runs| *runs > 0)
        .unwrap_or(15);
    match run(runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("bench: {reason}");
            ExitCode::FAILURE
        }
    }
}

fn run(runs: usize) -> Result<(), String> {
    let dist = server::dist()?;
    let pages = all_pages();
    let (site, articles) = pages::write_site(&pages)?;
    let news_pages = lighthouse::news_pages();
    pages::write_news_site(&site, &dist, &articles, &news_pages)?;
    let lighthouse_runs = std::env::var("BENCH_LIGHTHOUSE_RUNS")
        .ok()
        .and_then(|runs| runs.parse::<usize>().ok())
        .filter(|runs| *runs > 0)
        .unwrap_or(3);
    // `BENCH_ONLY=lighthouse` runs that part alone and prints it, leaving docs/ as it is.
    if std::env::var("BENCH_ONLY").as_deref() == Ok("lighthouse") {
        let audits = lighthouse::run(&site, &dist, &news_pages, lighthouse_runs)?;
        println!(
            "{}",
            lighthouse::markdown(&audits, &news_pages, lighthouse_runs)
        );
        return Ok(());
    }
    let origins = server::start_with_pages(site.clone(), dist.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    let samples = runtime.block_on(async {
        let driver = Driver::start(Engine::Chromium)?;
        let client = driver
            .session_with_chromium_args(&["--js-flags=--expose-gc", "--enable-precise-memory-info"])
            .await?;
        let result = measure_all(&client, &origins.pages, &pages, runs).await;
        let _ = client.close().await;
        result
    })?;
    // Lighthouse starts its own Chromium, once the bench's has closed.
    let audits = lighthouse::run(&site, &dist, &news_pages, lighthouse_runs)?;
    let bytes = report::bytes_per_variant(&dist, &site, &articles)?;
    let widget_bytes = report::widget_first_load(&dist)?;
    let breakdown = report::wasm_breakdown();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = root.join("docs");
    std::fs::create_dir_all(&docs).map_err(|e| format!("making docs/: {e}"))?;
    let mut markdown =
        report::markdown(&samples, &bytes, widget_bytes, &breakdown, &articles, runs);
    markdown.push_str(&lighthouse::markdown(&audits, &news_pages, lighthouse_runs));
    markdown.push_str(&report::oembed_load());
    std::fs::write(docs.join("benchmark.md"), &markdown)
        .map_err(|e| format!("writing docs/benchmark.md: {e}"))?;
    std::fs::write(docs.join("benchmark.svg"), report::chart(&samples))
        .map_err(|e| format!("writing docs/benchmark.svg: {e}"))?;
    println!("{markdown}");
    println!("bench: wrote docs/benchmark.md and docs/benchmark.svg");
    Ok(())
}

async fn measure_all(
    client: &Client,
    origin: &str,
    pages: &[PageSpec],
    runs: usize,
) -> Result<Samples, String> {
    let started = Instant::now();
    // One unrecorded pass first: the browser's own start-up work should not count as a page's.
    let mut warm_up = Samples::default();
    for page in pages {
        measure_page(client, origin, *page, &mut warm_up)
            .await
            .map_err(|reason| format!("{}: {reason}", page.file_name()))?;
    }
    let mut samples = Samples::default();
    for run in 0..runs {
        // Each run starts at a different page, so no variant always follows the heaviest page.
        let start = run % pages.len().max(1);
        for page in pages.iter().skip(start).chain(pages.iter().take(start)) {
            measure_page(client, origin, *page, &mut samples)
                .await
                .map_err(|reason| format!("{}: {reason}", page.file_name()))?;
        }
        eprintln!(
            "bench: run {} of {runs} done ({:.0} s)",
            run + 1,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(samples)
}

async fn script(client: &Client, body: &str) -> Result<Value, String> {
    client
        .execute(body, vec![])
        .await
        .map_err(|e| format!("a script failed: {e}"))
}

async fn script_async(client: &Client, body: &str) -> Result<Value, String> {
    let value = client
        .execute_async(body, vec![])
        .await
        .map_err(|e| format!("a script failed: {e}"))?;
    match value.get("error") {
        Some(error) => Err(format!("the page says {error}")),
        None => Ok(value),
    }
}

async fn measure_page(
    client: &Client,
    origin: &str,
    page: PageSpec,
    samples: &mut Samples,
) -> Result<(), String> {
    // A blank page and a pause between pages, so that the last page's teardown is not counted;
    // an empty cache, so that every load is a first visit (the one cacheable file, the snippets'
    // stylesheet, is fetched once a page, as on a first visit).
    client
        .goto("about:blank")
        .await
        .map_err(|e| format!("opening about:blank: {e}"))?;
    engines::devtools(client, "Network.clearBrowserCache", serde_json::json!({})).await?;
    tokio::time::sleep(Duration::from_millis(150)).await;
    client
        .goto(&format!("{origin}/{}", page.file_name()))
        .await
        .map_err(|e| format!("opening: {e}"))?;
    let deadline = Instant::now() + PAGE_TIMEOUT;
    while script(client, measure::SETTLED).await? != Value::Bool(true) {
        if Instant::now() > deadline {
            return Err("the page did not settle within a minute".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let figures = script(client, measure::FIGURES).await?;
    for name in ["text", "ready", "cls", "kept"] {
        if let Some(value) = figures[name].as_f64() {
            samples.push(page, name, value);
        }
    }
    let moved = figures["moved"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|line| line.as_str().map(str::to_owned))
        .collect();
    samples.moved.insert(page.file_name(), moved);
    if page.length == Length::Seed && (page.embeds == 1 || page.embeds == 100) {
        let memory = script_async(client, measure::MEMORY).await?;
        samples.push(page, "heap", memory["heap"].as_f64().unwrap_or(0.0));
        samples.push(page, "wasm", memory["wasm"].as_f64().unwrap_or(0.0));
    }
    if page.length == Length::Long && switch_variants().contains(&page.variant) {
        let times = script_async(client, measure::SWITCH).await?;
        for time in times.as_array().into_iter().flatten() {
            samples.push(page, "switch", time.as_f64().unwrap_or(0.0));
        }
    }
    Ok(())
}
