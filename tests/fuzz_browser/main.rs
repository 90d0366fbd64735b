//! The browser fuzzing tier: the release build in `dist/`, in real browsers, given generated and
//! mutated articles as inline JSON, inline JSON-LD, a `src`, the publisher's markup and
//! server-rendered snippets, beside a sentinel embed (a snippet, so the page loads the hydrating
//! build). A case fails on any uncaught error or rejection, a widget that stops, a blank embed, a
//! text that runs as script, or a sentinel that stops following the size steps. The native
//! fuzzers (`fuzz/`) read with serde_json; this reads with the browser's own `JSON.parse`,
//! `Intl`, HTML parser and hydration, which is what readers run.
//!
//! Cases come from `tests/fuzz_browser/fuzz.js`, seeded by `FUZZ_BROWSER_SEED` (default
//! 20261201) and numbered, with the cargo-fuzz corpora as seeds: case `i` of seed `s` is always
//! the same input. `FUZZ_BROWSER_CASES` cases (default 1 000) run in each engine named in the
//! arguments (default Chromium) in batches of 25; a failing batch is run again case by case on a
//! fresh page to name the case, whose input is written to `target/fuzz-browser/failures/` (as a
//! JSON string: `JSON.parse` it for the exact text).
//! Prints what the cases showed and the failures per engine, and last
//! `fuzz-browser: N cases, M failed`.

#[path = "../e2e/engines.rs"]
#[allow(dead_code)]
mod engines;
#[path = "../e2e/server.rs"]
#[allow(dead_code)]
mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fantoccini::Client;
use serde_json::{json, Value};

use engines::{Driver, Engine};

const BATCH: u64 = 25;
const DEFAULT_SEED: u64 = 20_261_201;
const DEFAULT_CASES: u64 = 1_000;

fn main() -> ExitCode {
    let seed = env_number("FUZZ_BROWSER_SEED", DEFAULT_SEED);
    let cases = env_number("FUZZ_BROWSER_CASES", DEFAULT_CASES);
    let mut engines: Vec<Engine> = std::env::args()
        .skip(1)
        .filter_map(|name| Engine::ALL.into_iter().find(|engine| engine.name() == name))
        .collect();
    if engines.is_empty() {
        engines.push(Engine::Chromium);
    }
    let snippet = match std::fs::read_to_string("tests/fixtures/server-rendered-seed.html") {
        Ok(snippet) => snippet,
        Err(error) => {
            eprintln!("fuzz-browser: reading the sentinel snippet: {error}");
            return ExitCode::FAILURE;
        }
    };
    let (dist, page_root) =
        match server::dist().and_then(|dist| Ok((dist.clone(), page_folder(&dist, &snippet)?))) {
            Ok(folders) => folders,
            Err(reason) => {
                eprintln!("fuzz-browser: {reason}");
                return ExitCode::FAILURE;
            }
        };
    let seeds = corpus_seeds();
    let origins = server::start_with_pages(page_root, dist);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("fuzz-browser: no async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "fuzz-browser: seed {seed}, {cases} cases in {}",
        names(&engines)
    );
    let (mut total, mut failed_total, mut all_ran) = (0, 0, true);
    let mut summaries = Vec::new();
    for engine in engines {
        let run = Run {
            seed,
            seeds: &seeds,
            snippet: &snippet,
            page: format!("{}/fuzz.html", origins.pages),
        };
        match runtime.block_on(run_engine(engine, cases, &run)) {
            Ok(failures) => {
                total += cases;
                failed_total += failures;
                summaries.push(format!(
                    "fuzz-browser {}: {cases} cases, {failures} failed",
                    engine.name()
                ));
            }
            Err(reason) => {
                all_ran = false;
                summaries.push(format!(
                    "fuzz-browser {}: could not run: {reason}",
                    engine.name()
                ));
            }
        }
    }
    for summary in summaries {
        println!("{summary}");
    }
    println!("fuzz-browser: {total} cases, {failed_total} failed");
    if all_ran && failed_total == 0 && total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn names(engines: &[Engine]) -> String {
    engines
        .iter()
        .map(|engine| engine.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What every batch of a run shares.
struct Run<'a> {
    seed: u64,
    seeds: &'a Value,
    snippet: &'a str,
    page: String,
}

/// The page the cases run in, written to `target/fuzz-browser/page/`: the generator, the
/// sentinel snippet and the stylesheet it links, under a policy that lets nothing load from
/// beyond the two loopback origins (a generated image URL must never leave the machine).
fn page_folder(dist: &Path, snippet: &str) -> Result<PathBuf, String> {
    let folder = PathBuf::from("target/fuzz-browser/page");
    std::fs::create_dir_all(&folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    let page = format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self' blob: data:; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:">
<title>reader-widget: browser fuzzing</title>
<script src="fuzz.js"></script>
<script type="module" src="reader-widget.js"></script>
</head>
<body>
<div id="sentinel">{snippet}</div>
<div id="cases"></div>
</body>
</html>
"#
    );
    let write = |name: &str, contents: &[u8]| {
        std::fs::write(folder.join(name), contents)
            .map_err(|error| format!("writing {name}: {error}"))
    };
    write("fuzz.html", page.as_bytes())?;
    write("fuzz.js", include_bytes!("fuzz.js"))?;
    let stylesheet = std::fs::read(dist.join("reader-widget.css"))
        .map_err(|error| format!("reading dist/reader-widget.css: {error}"))?;
    write("reader-widget.css", &stylesheet)?;
    Ok(folder)
}

/// The cargo-fuzz corpora the generator starts from: `[{ kind, text }]`.
fn corpus_seeds() -> Value {
    let mut seeds = Vec::new();
    for kind in ["article_json", "json_ld", "markup"] {
        let Ok(entries) = std::fs::read_dir(Path::new("fuzz/corpus").join(kind)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| Some(entry.ok()?.path()))
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(bytes) = std::fs::read(&path) {
                seeds.push(json!({ "kind": kind, "text": String::from_utf8_lossy(&bytes) }));
            }
        }
    }
    Value::Array(seeds)
}

/// A new browser session that takes longer than this will not come (WebKitWebDriver, rarely,
/// never answers); the driver is then started again, once.
const SESSION_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Runs `cases` cases in one engine; the number that failed.
async fn run_engine(engine: Engine, cases: u64, run: &Run<'_>) -> Result<u64, String> {
    let mut driver = Driver::start(engine)?;
    let client = match tokio::time::timeout(SESSION_TIMEOUT, driver.session()).await {
        Ok(client) => client?,
        Err(_) => {
            driver = Driver::start(engine)?;
            tokio::time::timeout(SESSION_TIMEOUT, driver.session())
                .await
                .map_err(|_| "no browser session, twice".to_owned())??
        }
    };
    let outcome = run_cases(&client, engine, cases, run).await;
    let _ = client.close().await;
    outcome
}

async fn run_cases(
    client: &Client,
    engine: Engine,
    cases: u64,
    run: &Run<'_>,
) -> Result<u64, String> {
    let mut failed = 0;
    let mut first = 0;
    let mut outcomes = BTreeMap::new();
    open_page(client, run).await?;
    while first < cases {
        let count = BATCH.min(cases - first);
        let failures = batch(client, run, first, count, &mut outcomes).await?;
        if !failures.is_empty() {
            // Which case was it? Each alone, on a fresh page (a fault stops the module there).
            let mut named = 0;
            for index in first..first + count {
                open_page(client, run).await?;
                let alone = batch(client, run, index, 1, &mut BTreeMap::new()).await?;
                if !alone.is_empty() {
                    named += 1;
                    report(client, engine, run, index, &alone).await;
                }
            }
            if named == 0 {
                // Only together: report the batch as one failure.
                named = 1;
                println!(
                    "FAILED fuzz-browser {} cases {first}–{}: {}",
                    engine.name(),
                    first + count - 1,
                    Value::Array(failures)
                );
            }
            failed += named;
            open_page(client, run).await?;
        }
        first += count;
    }
    // What the cases showed, so that a run which exercised nothing is seen as such.
    let shown: Vec<String> = outcomes
        .iter()
        .map(|(outcome, cases)| format!("{cases} {outcome}"))
        .collect();
    println!("fuzz-browser {}: {}", engine.name(), shown.join(", "));
    Ok(failed)
}

async fn open_page(client: &Client, run: &Run<'_>) -> Result<(), String> {
    client
        .goto(&run.page)
        .await
        .map_err(|error| format!("opening the fuzzing page: {error}"))?;
    // The sentinel is taken over once the widget has started.
    for _ in 0..200 {
        let ready = client
            .execute(
                "return !!window.fuzzBatch && !!customElements.get('reader-widget') && !!document.querySelector('#sentinel reader-widget')?.shadowRoot?.querySelector('.rw-sizes__input:not([disabled])')",
                vec![],
            )
            .await
            .map_err(|error| format!("waiting for the widget: {error}"))?;
        if ready == Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let errors = client
        .execute("return window.__pageErrors", vec![])
        .await
        .unwrap_or(Value::Null);
    Err(format!(
        "the widget did not start on the fuzzing page; the page reported {errors}"
    ))
}

/// Runs cases `first` … `first + count - 1` together; their failures, and what each showed
/// added to `outcomes`.
async fn batch(
    client: &Client,
    run: &Run<'_>,
    first: u64,
    count: u64,
    outcomes: &mut BTreeMap<String, u64>,
) -> Result<Vec<Value>, String> {
    let result = client
        .execute(
            "return window.fuzzBatch(...arguments)",
            vec![
                json!(run.seed),
                json!(first),
                json!(count),
                run.seeds.clone(),
                json!(run.snippet),
            ],
        )
        .await
        .map_err(|error| format!("running cases {first}–{}: {error}", first + count - 1))?;
    let (Some(failures), Some(shown)) = (
        result["failures"].as_array(),
        result["outcomes"].as_object(),
    ) else {
        return Err(format!(
            "cases {first}–{}: an unexpected answer {result}",
            first + count - 1
        ));
    };
    for (outcome, cases) in shown {
        *outcomes.entry(outcome.clone()).or_default() += cases.as_u64().unwrap_or(0);
    }
    Ok(failures.clone())
}

/// Prints a failing case and writes its input where it can be turned into a fixture.
async fn report(client: &Client, engine: Engine, run: &Run<'_>, index: u64, failures: &[Value]) {
    let reasons: Vec<String> = failures
        .iter()
        .map(|failure| failure["reason"].as_str().unwrap_or_default().to_owned())
        .collect();
    let case = client
        .execute(
            "return window.fuzzCase(...arguments)",
            vec![
                json!(run.seed),
                json!(index),
                run.seeds.clone(),
                json!(run.snippet),
            ],
        )
        .await
        .unwrap_or(Value::Null);
    let kind = case["kind"].as_str().unwrap_or("?");
    let folder = Path::new("target/fuzz-browser/failures");
    let file = folder.join(format!("{}-{}-{index}-{kind}.txt", engine.name(), run.seed));
    let _ = std::fs::create_dir_all(folder);
    let _ = std::fs::write(&file, case["input"].as_str().unwrap_or_default());
    println!(
        "FAILED fuzz-browser {} seed {} case {index} ({kind}, input in {}): {}",
        engine.name(),
        run.seed,
        file.display(),
        reasons.join("; ")
    );
}
