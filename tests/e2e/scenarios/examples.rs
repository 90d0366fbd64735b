//! The catalogue of examples (`demo/examples.json`): every example opened, each embed showing
//! what is listed, and axe at every size.

use super::*;

/// An example of the catalogue, `demo/examples.json`.
pub(super) struct Example {
    page: String,
    /// What a reader clicks first (CSS selectors), as on the page that adds its embed by script.
    clicks: Vec<String>,
    /// What each embed shows once loaded: "article" or "error".
    embeds: Vec<String>,
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
            Example {
                page: example["page"].as_str().unwrap_or_default().to_owned(),
                clicks: texts("clicks", None),
                embeds: texts("embeds", Some("shows")),
            }
        })
        .collect())
}

pub(super) async fn every_example_shows_its_listed_embeds_and_axe_finds_nothing_at_every_size(
    session: &Session,
) -> Outcome {
    for Example {
        page,
        clicks,
        embeds,
    } in examples()?
    {
        session.open(&page).await?;
        for selector in clicks {
            let button = session
                .client
                .find(Locator::Css(&selector))
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
