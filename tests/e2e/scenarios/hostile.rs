//! Pages that fight back: strict Content-Security-Policy and Trusted Types, hostile styles,
//! meddling scripts and a sandboxed frame, and tampered files on the CDN.

use super::*;

/// The command's default snippet carries its styles inline (no render-blocking request); the
/// `style-src` hash it prints lets them through a strict policy, and without it they are refused.
/// No script runs, so only the inline styles can style the snippet.
pub(super) async fn a_snippets_inline_styles_apply_under_a_strict_policy_naming_their_hash(
    session: &Session,
) -> Outcome {
    // The skip links sit off screen only when the widget's styles apply.
    let styled = "const link = document.querySelector('reader-widget').shadowRoot.querySelector('.rw-skip-link'); \
                  return getComputedStyle(link).position;";
    session
        .open("hostile/inline-styles-csp.html?with-hash")
        .await?;
    let position = session.script(styled, vec![]).await?;
    ensure(position == "absolute", || {
        format!("with the hash in style-src the skip link is {position}, unstyled")
    })?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })?;
    session
        .open("hostile/inline-styles-csp.html?without")
        .await?;
    let position = session.script(styled, vec![]).await?;
    ensure(position != "absolute", || {
        "without the hash the styles still applied: the policy is not what is tested".into()
    })
}

pub(super) async fn under_a_strict_policy_with_trusted_types_the_widget_works_without_violations(
    session: &Session,
) -> Outcome {
    session.open("pages/strict-csp.html").await?;
    session.wait_for_article(0).await?;
    session.choose_size(0, "lg").await?;
    let image_loaded = session
        .in_embed(0, "const img = root.querySelector('img'); return !!img && img.complete && img.naturalWidth > 0;")
        .await?;
    ensure(image_loaded == true, || {
        "the article's image did not load".into()
    })?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}

pub(super) async fn each_documented_mode_works_under_exactly_the_documented_policy(
    session: &Session,
) -> Outcome {
    let policy = crate::server::documented_policy(&session.assets)?;
    ensure(
        policy.contains("require-trusted-types-for 'script'") && !policy.contains("unsafe-inline"),
        || format!("the README's policy is not the strict one: {policy}"),
    )?;
    for mode in ["src", "json", "json-ld", "markup", "property", "snippet"] {
        session.open(&format!("csp/{mode}.html")).await?;
        session.wait_for_article(0).await?;
        for size in ["lg", "md"] {
            session.choose_size(0, size).await?;
        }
        // The recorder is loaded (its list exists) and heard nothing.
        let errors = session.script("return window.__pageErrors", vec![]).await?;
        ensure(errors == json!([]), || {
            format!("under the documented policy, the {mode} embed's page reported {errors}")
        })?;
    }
    Ok(())
}

pub(super) async fn a_hostile_host_stylesheet_and_base_leave_the_widget_as_it_is(
    session: &Session,
) -> Outcome {
    session.open("pages/hostile.html").await?;
    session.wait_for_article(0).await?;
    let medium = session.medium_px().await?;
    let looks = session
        .in_embed(
            0,
            r#"const style = (selector) => getComputedStyle(root.querySelector(selector));
               const paragraph = style('.rw-article__paragraph');
               const step = style('.rw-sizes__label');
               return {
                 paragraphPx: parseFloat(paragraph.fontSize),
                 paragraphColour: paragraph.color,
                 stepBackground: step.backgroundColor,
                 stepMargin: step.marginLeft,
                 visible: root.querySelector('.rw-article__headline').getBoundingClientRect().height > 0,
               };"#,
        )
        .await?;
    ensure(looks["paragraphPx"].as_f64() == Some(medium), || {
        format!(
            "the paragraph is {}px, not the reader's {medium}px",
            looks["paragraphPx"]
        )
    })?;
    ensure(looks["paragraphColour"] != "rgb(204, 0, 0)", || {
        "the host's colour reached the article text".into()
    })?;
    ensure(
        looks["stepBackground"] != "rgb(255, 255, 0)" && looks["stepMargin"] != "120px",
        || format!("the host's rules reached the size steps: {looks}"),
    )?;
    ensure(looks["visible"] == true, || {
        "the headline has no height".into()
    })?;
    session.choose_size(0, "lg").await?;
    let large = session.paragraph_px(0).await?;
    ensure((large - medium * 1.25).abs() < 0.5, || {
        format!("at LG the paragraph is {large}px")
    })?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}

pub(super) async fn a_meddling_page_and_a_sandboxed_frame_without_storage_leave_the_widget_working(
    session: &Session,
) -> Outcome {
    session.open("pages/meddling.html").await?;
    shows_the_seed(session, 0).await?;
    let wrapped = session.script("return window.__fetchCalls", vec![]).await?;
    ensure(wrapped.as_u64().unwrap_or(0) >= 1, || {
        "the page's fetch wrapper was not used".into()
    })?;
    session
        .choose_size(0, "lg")
        .await
        .map_err(|reason| format!("in the page: {reason}"))?;
    // An embed added now fetches its article itself, past the same prototypes.
    session
        .script(
            r#"const embed = document.createElement('reader-widget');
               embed.setAttribute('src', '../articles/syria-resolution.json');
               document.querySelector('main').append(embed);"#,
            vec![],
        )
        .await?;
    session.wait_for_article(1).await?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })?;

    // In the sandboxed frame, localStorage throws: the choice still works, for the page.
    session
        .in_first_frame(async {
        let storage = session
            .script(
                "try { localStorage.length; return 'available'; } catch (error) { return error.name; }",
                vec![],
            )
            .await?;
        ensure(storage != "available", || {
            "localStorage is available in the sandboxed frame".into()
        })?;
        session.wait_for_article(0).await?;
        let medium = session.paragraph_px(0).await?;
        // A script's click: pointer input into frames differs between drivers, and is tested on
        // the page itself; this is about storage.
        session
            .in_embed(0, "root.querySelector('input[value=lg]').click();")
            .await?;
        session
            .wait_until(
                "the frame's embed to show lg",
                "return !!document.querySelector('reader-widget')?.shadowRoot?.querySelector('.rw-article.rw-size-lg')",
                vec![],
            )
            .await?;
        let large = session.paragraph_px(0).await?;
        ensure((large - medium * 1.25).abs() < 0.5, || {
            format!("in the frame, LG made the paragraph {large}px from {medium}px")
        })?;
        let errors = session.script("return window.__pageErrors", vec![]).await?;
        ensure(errors == json!([]), || format!("the frame reported {errors}"))
    })
    .await
}

/// With SRI on the entry, a glue file or a WebAssembly tampered with on the CDN fails closed:
/// one console line and nothing else reported, none of the tampered code run, the markup and
/// snippet embeds readable.
pub(super) async fn a_tampered_glue_or_webassembly_fails_closed(session: &Session) -> Outcome {
    for tampered in ["glue", "wasm"] {
        session
            .open(&format!("hostile/tampered.html?{tampered}"))
            .await?;
        // Until the widget gives up (or, were the check missing, starts); then time for
        // anything else to go wrong.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            let settled = session
                .script(
                    "return window.__pageErrors.some((line) => line.startsWith('<reader-widget>')) || customElements.get('reader-widget') !== undefined",
                    vec![],
                )
                .await?;
            if settled == json!(true) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let state = session
            .script(
                r#"const snippet = document.querySelector('reader-widget:not(#markup)');
                   return {
                     reports: window.__pageErrors.filter((line) => line.startsWith('<reader-widget>')).length,
                     tampered: globalThis.__tampered === true,
                     defined: customElements.get('reader-widget') !== undefined,
                     markup: document.querySelector('#markup h1').getBoundingClientRect().height > 0,
                     snippet: snippet.shadowRoot?.querySelector('.rw-article__headline')?.textContent ?? null,
                     errors: window.__pageErrors.length,
                   };"#,
                vec![],
            )
            .await?;
        let expected = json!({
            "reports": 1,
            "tampered": false,
            "defined": false,
            "markup": true,
            "snippet": SEED_HEADLINE,
            "errors": 1,
        });
        ensure(state == expected, || {
            format!("with a tampered {tampered}: {state}, not {expected}")
        })?;
    }
    Ok(())
}
