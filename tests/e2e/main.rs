//! End-to-end tests: the release build in Chromium, Firefox and WebKit, as a publisher and a
//! reader use it. Pages come from one loopback origin and the widget from another; browsers are
//! driven through WebDriver with real mouse clicks and key presses.
//!
//! Run by `make test` (after `make dist`). Its own harness prints, per engine, one line
//! `e2e <engine>: N passed, M failed`, and exits non-zero if any scenario failed or an engine
//! could not run. Arguments pick engines and scenarios:
//! `cargo test --features e2e --test e2e -- firefox skip_past` runs, in Firefox only, the
//! scenarios whose names contain `skip_past`.
//!
//! With `E2E_SITE` set to a running demo's address (`make demo`'s `http://127.0.0.1:8080`), it
//! runs only [`DEMO_CHECK`] there instead, in Chromium, whose network log sees every request
//! whichever server answers it: how `.ci/run` proves the first command of the README works.

mod engines;
mod scenarios;
mod server;
mod session;

use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures::FutureExt;

use engines::{Driver, Engine};
use scenarios::Scenario;
use server::Origins;
use session::Session;

/// A scenario that takes longer than this has hung.
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(90);
/// A new browser session that takes longer than this will not come: WebKitWebDriver, rarely,
/// never answers a session request (seen once in a clean-clone run); the driver is then started
/// again.
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);
/// How many drivers a scenario asks for a session before it fails.
const SESSION_ATTEMPTS: usize = 3;
/// The scenario that checks a running demo (`E2E_SITE`).
const DEMO_CHECK: &str = "every_demo_page_loads_without_a_failed_request_or_an_error";

fn main() -> ExitCode {
    let mut engines = Vec::new();
    let mut filters = Vec::new();
    for argument in std::env::args().skip(1).filter(|a| !a.starts_with('-')) {
        match Engine::ALL
            .into_iter()
            .find(|engine| engine.name() == argument)
        {
            Some(engine) => engines.push(engine),
            None => filters.push(argument),
        }
    }
    if engines.is_empty() {
        engines = Engine::ALL.to_vec();
    }
    let chosen = |scenarios: Vec<Scenario>| -> Vec<Scenario> {
        scenarios
            .into_iter()
            .filter(|scenario| {
                filters.is_empty() || filters.iter().any(|f| scenario.name.contains(f.as_str()))
            })
            .collect()
    };
    if let Ok(site) = std::env::var("E2E_SITE") {
        return check_running_demo(site.trim_end_matches('/'));
    }
    let origins = match server::site().and_then(|site| Ok((site, server::dist()?))) {
        Ok((site, dist)) => server::start_with_pages(site, dist),
        Err(reason) => {
            eprintln!("e2e: {reason}");
            return ExitCode::FAILURE;
        }
    };
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    let mut summaries = Vec::new();
    let mut all_passed = true;
    for engine in engines {
        let mut scenarios = chosen(scenarios::all());
        if engine == Engine::Chromium {
            scenarios.extend(chosen(scenarios::chromium_only()));
        }
        if scenarios.is_empty() {
            eprintln!("e2e {}: no scenario matches {filters:?}", engine.name());
            all_passed = false;
            continue;
        }
        let (passed, failed) = runtime.block_on(run_engine(engine, &scenarios, &origins, false));
        all_passed &= failed == 0 && passed > 0;
        summaries.push(format!(
            "e2e {}: {passed} passed, {failed} failed",
            engine.name()
        ));
    }
    // The summary lines come last, together, so they are easy to find.
    for summary in summaries {
        println!("{summary}");
    }
    if all_passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The scenarios' async runtime, or `None`, said on stderr.
fn runtime() -> Option<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| eprintln!("e2e: no async runtime: {error}"))
        .ok()
}

/// Runs [`DEMO_CHECK`] in Chromium on the demo served at `site`, pages and widget alike.
fn check_running_demo(site: &str) -> ExitCode {
    let scenarios: Vec<Scenario> = scenarios::all()
        .into_iter()
        .filter(|scenario| scenario.name == DEMO_CHECK)
        .collect();
    let origins = Origins {
        pages: site.to_owned(),
        assets: site.to_owned(),
    };
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    let (passed, failed) =
        runtime.block_on(run_engine(Engine::Chromium, &scenarios, &origins, true));
    println!("e2e chromium at {site}: {passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every scenario in a fresh session of `engine`, with Chromium's network log if
/// `network_logged`; returns (passed, failed).
async fn run_engine(
    engine: Engine,
    scenarios: &[Scenario],
    origins: &Origins,
    network_logged: bool,
) -> (usize, usize) {
    let mut driver = match Driver::start(engine) {
        Ok(driver) => driver,
        Err(reason) => {
            println!(
                "FAILED {}: the driver did not start: {reason}",
                engine.name()
            );
            return (0, scenarios.len());
        }
    };
    let (mut passed, mut failed) = (0, 0);
    for scenario in scenarios {
        let started = Instant::now();
        let mut outcome =
            run_in_new_session(&mut driver, engine, scenario, origins, network_logged).await;
        // WebKit's web process crashed once under a clean-clone run's load (in a scenario that
        // passed in 12 runs of it alone and 3 of WebKit's whole suite): a page crash there runs
        // the scenario once more in a fresh session, announced. Any other failure stands.
        if engine == Engine::Webkit {
            if let Err(reason) = &outcome {
                if reason.contains("page crash") {
                    println!(
                        "note   {} {}: {reason}; running it once more",
                        engine.name(),
                        scenario.name
                    );
                    outcome =
                        run_in_new_session(&mut driver, engine, scenario, origins, network_logged)
                            .await;
                }
            }
        }
        let seconds = started.elapsed().as_secs_f32();
        match outcome {
            Ok(()) => {
                passed += 1;
                println!(
                    "ok     {} {} ({seconds:.1} s)",
                    engine.name(),
                    scenario.name
                );
            }
            Err(reason) => {
                failed += 1;
                println!(
                    "FAILED {} {} ({seconds:.1} s): {reason}",
                    engine.name(),
                    scenario.name
                );
            }
        }
    }
    (passed, failed)
}

/// Runs `scenario` in a new session of `driver`, starting the driver again (in `driver`) when a
/// session does not come.
async fn run_in_new_session(
    driver: &mut Driver,
    engine: Engine,
    scenario: &Scenario,
    origins: &Origins,
    network_logged: bool,
) -> Result<(), String> {
    // A session that does not come (WebKitWebDriver under Xvfb, now and then; twice in a
    // row in one clean-clone run) is asked of a fresh driver, up to SESSION_ATTEMPTS times.
    let mut client = open_session(driver, network_logged).await;
    for _ in 1..SESSION_ATTEMPTS {
        let Err(reason) = &client else { break };
        println!(
            "note   {}: {reason}; starting the driver again",
            engine.name()
        );
        client = match Driver::start(engine) {
            Ok(fresh) => {
                *driver = fresh;
                open_session(driver, network_logged).await
            }
            Err(reason) => Err(format!("the driver did not start again: {reason}")),
        };
    }
    match client {
        Ok(client) => run_scenario(client, engine, scenario, origins, network_logged).await,
        Err(reason) => Err(reason),
    }
}

/// A new session of `driver`'s engine (logging the network if `network_logged`), or why there is
/// none within [`SESSION_TIMEOUT`].
async fn open_session(driver: &Driver, network_logged: bool) -> Result<fantoccini::Client, String> {
    let session = async {
        if network_logged {
            driver.session_logging_the_network().await
        } else {
            driver.session().await
        }
    };
    tokio::time::timeout(SESSION_TIMEOUT, session)
        .await
        .map_err(|_| format!("no browser session within {} s", SESSION_TIMEOUT.as_secs()))?
}

async fn run_scenario(
    client: fantoccini::Client,
    engine: Engine,
    scenario: &Scenario,
    origins: &Origins,
    network_logged: bool,
) -> Result<(), String> {
    let session = Session {
        client,
        engine,
        pages: origins.pages.clone(),
        assets: origins.assets.clone(),
        network_logged,
    };
    let run = AssertUnwindSafe((scenario.run)(&session)).catch_unwind();
    let outcome = match tokio::time::timeout(SCENARIO_TIMEOUT, run).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(_)) => Err("the scenario panicked".to_owned()),
        Err(_) => Err(format!("timed out after {} s", SCENARIO_TIMEOUT.as_secs())),
    };
    // Closing waits on the driver too, which may have hung.
    let _ = tokio::time::timeout(SESSION_TIMEOUT, session.client.close()).await;
    outcome
}
