//! The reader on a phone: the size switcher on one line at 320 px in every language and at
//! every size, and the skip links in their place.

use super::*;

/// The four steps of each embed in the frame, and what they must stay inside: the widget's box
/// and the viewport. Also the legend's box, which must not cover a step.
const SWITCHER_BOXES: &str = r#"return [...document.querySelectorAll('reader-widget')].map((host) => {
  const root = host.shadowRoot;
  const rect = (element) => { const box = element.getBoundingClientRect(); return { left: box.left, right: box.right, top: box.top, bottom: box.bottom }; };
  return {
    lang: root.querySelector('.rw')?.lang ?? null,
    viewport: document.documentElement.clientWidth,
    widget: rect(root.querySelector('.rw')),
    legend: rect(root.querySelector('.rw-sizes__legend')),
    steps: [...root.querySelectorAll('.rw-sizes__label')].map(rect),
  };
});"#;

/// What is wrong with one embed's switcher, if anything: steps on more than one line, a step
/// smaller than `least` px either way, outside the widget, or under the legend.
fn switcher_fault(seen: &Value, least: f64) -> Option<String> {
    let number = |value: &Value, key: &str| value[key].as_f64().unwrap_or(f64::NAN);
    let steps = seen["steps"].as_array()?;
    if steps.len() != 4 {
        return Some(format!("{} steps", steps.len()));
    }
    let first_top = number(&steps[0], "top");
    let widget = &seen["widget"];
    let legend = &seen["legend"];
    for step in steps {
        let (width, height) = (
            number(step, "right") - number(step, "left"),
            number(step, "bottom") - number(step, "top"),
        );
        if (number(step, "top") - first_top).abs() > 1.0 {
            return Some("the steps are on more than one line".into());
        }
        // Sub-pixel layout: Firefox measured 43.999999999999986 px for a 44 px step.
        if !(width >= least - 0.01 && height >= least - 0.01) {
            return Some(format!("a step is {width} by {height} px"));
        }
        if number(step, "left") < number(widget, "left") - 0.5
            || number(step, "right") > number(widget, "right") + 0.5
        {
            return Some("a step is outside the widget".into());
        }
        let under_legend = number(step, "left") < number(legend, "right")
            && number(step, "right") > number(legend, "left")
            && number(step, "top") < number(legend, "bottom")
            && number(step, "bottom") > number(legend, "top");
        if under_legend {
            return Some("the legend covers a step".into());
        }
    }
    None
}

/// Clicks step `code` in the frame's first embed (one choice reaches every embed on the page)
/// and waits until every embed shows it.
const CHOOSE_IN_FRAME: &str = r#"const done = arguments[arguments.length - 1];
const code = arguments[0];
const embeds = [...document.querySelectorAll('reader-widget')];
embeds[0]?.shadowRoot?.querySelector(`input[value=${code}]`)?.click();
const start = Date.now();
(function wait() {
  const shown = embeds.filter((host) => host.shadowRoot?.querySelector('.rw-article.rw-size-' + code)).length;
  if (shown === embeds.length) return done(true);
  if (Date.now() - start > 10000) return done(`${shown} of ${embeds.length} embeds show ${code}`);
  setTimeout(wait, 50);
})();"#;

pub(super) async fn at_320_px_the_switcher_is_on_one_line_in_every_language_and_size(
    session: &Session,
) -> Outcome {
    for (frame, width) in [("320", 320.0), ("375-card", 375.0)] {
        session.open(&format!("phone/frame.html?{frame}")).await?;
        session
            .in_first_frame(async {
                session
                    .wait_until(
                        "every language's article",
                        "const embeds = [...document.querySelectorAll('reader-widget')]; return embeds.length === 12 && embeds.every((host) => host.shadowRoot?.querySelector('.rw-article'));",
                        vec![],
                    )
                    .await?;
                for (code, _) in SIZES {
                    let chosen = session
                        .client
                        .execute_async(CHOOSE_IN_FRAME, vec![json!(code)])
                        .await
                        .doing("choosing a size in the frame")?;
                    ensure(chosen == json!(true), || chosen.to_string())?;
                    let switchers = session.script(SWITCHER_BOXES, vec![]).await?;
                    for seen in switchers.as_array().into_iter().flatten() {
                        ensure(seen["viewport"].as_f64() == Some(width), || {
                            format!("the frame's viewport is not {width} px: {seen}")
                        })?;
                        // At the reader's default font size there is room for 44 px targets.
                        if let Some(fault) = switcher_fault(seen, 44.0) {
                            return Err(format!(
                                "at {frame} px, {code}, {}: {fault}: {seen}",
                                seen["lang"]
                            ));
                        }
                    }
                }
                Ok(())
            })
            .await?;
    }
    Ok(())
}
