//! The catalogue of examples (`demo/examples.json`): every example opened, each embed showing
//! what is listed, axe at every size, and no request failed and no error on any of its pages.

use super::*;
use crate::engines::{chromium_log, Engine};

/// An example of the catalogue, `demo/examples.json`.
pub(super) struct Example {
    page: String,
    /// What a reader clicks first (CSS selectors), as on the page that adds its embed by script.
    clicks: Vec<String>,
    /// What each embed shows once loaded: "article" or "error".
    embeds: Vec<String>,
    /// The article files of the embeds that show an error: the page is made to fail on these,
    /// and only on these (a `src` that answers 404, a file that is not JSON).
    failing_articles: Vec<String>,
}

/// The catalogue's examples.
pub(super) fn examples() -> Result<Vec<Example>, String> {
    let catalogue: Value = serde_json::from_str(include_str!("../../../demo/examples.json"))
        .doing("reading demo/examples.json")?;
    let examples = catalogue["examples"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    ensure(!examples.is_empty(), || {
        "demo/examples.json lists no examples".into()
    })?;
    Ok(examples
        .iter()
        .map(|example| {
            let texts = |key: &str, field: Option<&str>| {
                example[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|item| {
                        let text = field.map_or(item, |field| &item[field]);
                        Some(text.as_str()?.to_owned())
                    })
                    .collect()
            };
            let failing_articles = example["embeds"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|embed| embed["shows"] == "error")
                .filter_map(|embed| Some(embed["article"].as_str()?.to_owned()))
                .collect();
            Example {
                page: example["page"].as_str().unwrap_or_default().to_owned(),
                clicks: texts("clicks", None),
                embeds: texts("embeds", Some("shows")),
                failing_articles,
            }
        })
        .collect())
}

/// Opens `example`'s page, clicks what a reader clicks first, and waits for each embed, scrolled
/// to as a reader would, to show what the catalogue lists.
async fn open_and_wait_for_every_embed(session: &Session, example: &Example) -> Outcome {
    let Example {
        page,
        clicks,
        embeds,
        ..
    } = example;
    session.open(page).await?;
    for selector in clicks {
        let button = session
            .client
            .find(Locator::Css(selector))
            .await
            .doing(&format!("{page}: finding {selector}"))?;
        session.click(button).await?;
    }
    let count = session.embed_count().await?;
    ensure(count == embeds.len(), || {
        format!(
            "{page} has {count} embeds; the catalogue lists {}",
            embeds.len()
        )
    })?;
    for (index, shows) in embeds.iter().enumerate() {
        // A lazy embed starts as the reader comes near it.
        session.scroll_to_embed(index).await?;
        if shows == "article" {
            session.wait_for_article(index).await
        } else {
            session.wait_for_error(index).await
        }
        .map_err(|reason| format!("{page}: {reason}"))?;
    }
    Ok(())
}

pub(super) async fn every_example_shows_its_listed_embeds_and_axe_finds_nothing_at_every_size(
    session: &Session,
) -> Outcome {
    for example in examples()? {
        open_and_wait_for_every_embed(session, &example).await?;
        let Example { page, embeds, .. } = example;
        let first_article = embeds.iter().position(|shows| shows == "article");
        if let Some(index) = first_article {
            // Its switcher is clicked where it is on screen.
            session.scroll_to_embed(index).await?;
        }
        for (code, _) in SIZES {
            if let Some(index) = first_article {
                session.choose_size(index, code).await?;
            }
            let violations = axe_violations(session).await?;
            ensure(violations == json!([]), || {
                format!("{page} at {code}: axe reports {violations}")
            })?;
        }
    }
    Ok(())
}

/// A script's first line: `images`, every `<img>` of the page and of every shadow root in it.
const EVERY_IMAGE: &str = "const images = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)].flatMap((root) => [...root.querySelectorAll('img')]);";

/// Every page of the demo loads with no request answered 400 or more, none blocked or aborted,
/// no image broken, no console error, no uncaught exception and no policy violation, but what
/// a page is made to show: an embed listed as showing an error fails on its own article file,
/// and on nothing else.
///
/// Seen by every means the session has: the test server's record of what it answered, the
/// page's own recorder (console errors, exceptions, `securitypolicyviolation`), the images in
/// the page and in every shadow root, and in Chromium its console log and, where the tests do
/// not run the server (`make demo`'s, from `.ci/run`), its network log.
pub(super) async fn every_demo_page_loads_without_a_failed_request_or_an_error(
    session: &Session,
) -> Outcome {
    let mut problems = Vec::new();
    for example in examples()? {
        let mark = crate::server::answered_count();
        // What earlier pages left in Chromium's logs is read and dropped.
        page_problems_in_chromium_logs(session).await?;
        open_and_wait_for_every_embed(session, &example).await?;
        session
            .wait_until(
                "every image of the page to load or fail",
                &format!(
                    "{EVERY_IMAGE} return images.every((img) => img.complete || img.loading === 'lazy');"
                ),
                vec![],
            )
            .await
            .map_err(|reason| format!("{}: {reason}", example.page))?;
        let mut found = page_problems_in_the_page(session).await?;
        found.extend(page_problems_in_chromium_logs(session).await?);
        found.extend(
            crate::server::answered_since(mark)
                .into_iter()
                .filter(|(_, status)| *status >= 400)
                .map(|(url, status)| format!("{url} answered {status}")),
        );
        problems.extend(
            found
                .into_iter()
                .filter(|problem| {
                    !example
                        .failing_articles
                        .iter()
                        .any(|article| problem.contains(&format!("articles/{article}")))
                })
                .map(|problem| format!("{}: {problem}", example.page)),
        );
    }
    ensure(problems.is_empty(), || problems.join("\n"))
}

/// What the page itself saw go wrong: its recorder's console errors, uncaught exceptions and
/// policy violations (on pages the tests serve), and every image, in the page or a shadow root,
/// that finished loading without a picture.
async fn page_problems_in_the_page(session: &Session) -> Result<Vec<String>, String> {
    let found = session
        .script(
            &format!("{EVERY_IMAGE}
             const broken = images
               .filter((img) => img.complete && img.naturalWidth === 0)
               .map((img) => `the image ${{img.currentSrc || img.src}} did not load`);
             return [...(window.__pageErrors ?? []).map((error) => `error: ${{error}}`), ...broken];"),
            vec![],
        )
        .await?;
    Ok(found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|problem| Some(problem.as_str()?.to_owned()))
        .collect())
}

/// What Chromium logged since it was last asked (nothing in other engines): console errors, and
/// with the network logged, every request answered 400 or more and every load that failed.
async fn page_problems_in_chromium_logs(session: &Session) -> Result<Vec<String>, String> {
    if session.engine != Engine::Chromium {
        return Ok(Vec::new());
    }
    let mut problems: Vec<String> = chromium_log(&session.client, "browser")
        .await?
        .iter()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| format!("console: {}", entry["message"].as_str().unwrap_or_default()))
        .collect();
    if !session.network_logged {
        return Ok(problems);
    }
    let mut urls = std::collections::HashMap::new();
    for entry in chromium_log(&session.client, "performance").await? {
        let event: Value =
            serde_json::from_str(entry["message"].as_str().unwrap_or_default()).unwrap_or_default();
        let params = &event["message"]["params"];
        let request = params["requestId"].as_str().unwrap_or_default().to_owned();
        match event["message"]["method"].as_str().unwrap_or_default() {
            "Network.requestWillBeSent" => {
                urls.insert(request, params["request"]["url"].clone());
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_f64().unwrap_or_default();
                if status >= 400.0 {
                    problems.push(format!("{} answered {status}", params["response"]["url"]));
                }
            }
            "Network.loadingFailed" => problems.push(format!(
                "{} failed: {} {}{}",
                urls.get(&request).unwrap_or(&Value::Null),
                params["errorText"],
                params["blockedReason"],
                if params["canceled"] == true {
                    " (aborted)"
                } else {
                    ""
                },
            )),
            _ => {}
        }
    }
    Ok(problems)
}
