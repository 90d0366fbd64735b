//! WCAG 2.2 AA in the browser: axe, the reader's system settings (colour scheme, forced colours),
//! target sizes, a 320 px screen, text spacing, contrast and no motion.

use super::*;

/// Runs axe-core with the WCAG 2.0 to 2.2 A and AA rules and its best practices on every embed
/// of the open page. axe's own bundle walks objects with `for…in` and fails to load on a page
/// that added enumerable members to `Object.prototype` (the meddling demo does: "Getter must be
/// a function"), so the page's additions are set aside while axe loads and runs, and put back.
pub(super) async fn axe_violations(session: &Session) -> Result<Value, String> {
    let axe = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js"),
    )
    .doing("reading axe.min.js (npm ci installs it)")?;
    session
        .script(
            r#"window.__pageAdditions = Object.keys(Object.prototype).map((key) => [key, Object.prototype[key]]);
               for (const [key] of window.__pageAdditions) delete Object.prototype[key];"#,
            vec![],
        )
        .await?;
    session.script(&axe, vec![]).await?;
    session
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const putBack = (violations) => {
                 for (const [key, value] of window.__pageAdditions) Object.prototype[key] = value;
                 done(violations);
               };
               axe.run({ include: [["reader-widget"]] }, {
                 runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
               }).then(
                 (result) => putBack(result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }))),
                 (error) => putBack([{ id: "axe failed", nodes: [String(error)] }]),
               );"#,
            vec![],
        )
        .await
        .doing("running axe")
}

pub(super) async fn axe_finds_no_wcag_violations_in_the_widget(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("axe reports {violations}")
    })
}

pub(super) async fn axe_finds_no_wcag_violations_in_the_dark_and_house_themes(
    session: &Session,
) -> Outcome {
    session.open("pages/theming.html").await?;
    for index in 0..3 {
        session.wait_for_article(index).await?;
    }
    let background = session
        .in_embed(
            0,
            "return getComputedStyle(root.querySelector('.rw')).backgroundColor;",
        )
        .await?;
    ensure(background == "rgb(27, 27, 27)", || {
        format!("the dark embed's background is {background}")
    })?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("axe reports {violations}")
    })
}

pub(super) async fn theme_auto_follows_the_system_colour_scheme_live(session: &Session) -> Outcome {
    session.open("pages/theming.html").await?;
    session.wait_for_article(1).await?;
    let background = || {
        session.in_embed(
            1,
            "return getComputedStyle(root.querySelector('.rw')).backgroundColor;",
        )
    };
    for (scheme, expected) in [
        ("light", "rgb(255, 255, 255)"),
        ("dark", "rgb(27, 27, 27)"),
        ("light", "rgb(255, 255, 255)"),
    ] {
        session
            .emulate_media(json!([{ "name": "prefers-color-scheme", "value": scheme }]))
            .await?;
        let found = background().await?;
        ensure(found == expected, || {
            format!("with a {scheme} system the auto embed is {found}")
        })?;
    }
    Ok(())
}

pub(super) async fn forced_colours_keep_focus_the_checked_step_and_links_visible(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    session
        .emulate_media(json!([{ "name": "forced-colors", "value": "active" }]))
        .await?;
    let seen = session
        .in_embed(
            0,
            r#"const probe = (colour) => { const p = document.createElement('span'); p.style.color = colour; document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c; };
               const checked = root.querySelector('input:checked + .rw-sizes__label');
               const other = root.querySelector('input:not(:checked) + .rw-sizes__label');
               root.querySelector('input:checked').focus();
               const ring = getComputedStyle(checked);
               return {
                 forced: matchMedia('(forced-colors: active)').matches,
                 checkedStandsOut: getComputedStyle(checked).backgroundColor !== getComputedStyle(other).backgroundColor,
                 checkedIsHighlight: getComputedStyle(checked).backgroundColor === probe('Highlight'),
                 focusRing: ring.outlineStyle !== 'none' && ring.outlineColor === probe('CanvasText'),
                 link: getComputedStyle(root.querySelector('.rw-article__source a')).color === probe('LinkText'),
               };"#,
        )
        .await?;
    let expected = json!({ "forced": true, "checkedStandsOut": true, "checkedIsHighlight": true, "focusRing": true, "link": true });
    ensure(seen == expected, || format!("in forced colours: {seen}"))
}

pub(super) async fn every_size_step_is_a_target_of_at_least_24_px_at_every_size(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    for (code, _) in SIZES {
        session.choose_size(0, code).await?;
        let smallest = session
            .in_embed(
                0,
                "return Math.min(...[...root.querySelectorAll('.rw-sizes__label')].flatMap((l) => { const r = l.getBoundingClientRect(); return [r.width, r.height]; }));",
            )
            .await?
            .as_f64()
            .unwrap_or(0.0);
        ensure(smallest >= 24.0, || {
            format!("at {code} a step is {smallest} px")
        })?;
    }
    Ok(())
}

/// Elements of embed 0 whose content spills out of their box (to be clipped, scrolled or drawn
/// over what follows), as `tag.class` names. Inline boxes have no box size to compare, and the
/// visually hidden texts clip on purpose.
pub(super) const OVERFLOWING: &str = r#"return [...root.querySelectorAll('*')]
  .filter((el) => getComputedStyle(el).display !== 'inline')
  .filter((el) => !el.classList.contains('rw-visually-hidden') && !el.classList.contains('rw-skip-link') && !el.classList.contains('rw-sizes__input'))
  .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className);"#;

pub(super) async fn at_320_px_wide_nothing_in_the_widget_scrolls_sideways(
    session: &Session,
) -> Outcome {
    session
        .client
        .set_window_size(320, 800)
        .await
        .doing("narrowing the window")?;
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    for (code, _) in SIZES {
        session.choose_size(0, code).await?;
        let widths = session
            .in_embed(
                0,
                "const rw = root.querySelector('.rw'); const host = root.host; return { content: rw.scrollWidth, box: rw.clientWidth, host: host.getBoundingClientRect().right, viewport: document.documentElement.clientWidth };",
            )
            .await?;
        let number = |key: &str| widths[key].as_f64().unwrap_or(f64::MAX);
        ensure(number("content") <= number("box") + 1.0, || {
            format!("at {code} the widget's content is wider than the widget: {widths}")
        })?;
        ensure(number("host") <= number("viewport") + 1.0, || {
            format!("at {code} the widget is wider than a 320 px window: {widths}")
        })?;
    }
    Ok(())
}

pub(super) async fn with_wcag_text_spacing_nothing_is_cut_off(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    session.choose_size(0, "lg").await?;
    // WCAG 1.4.12's overrides, applied inside the shadow root as a reader's stylesheet would.
    session
        .in_embed(
            0,
            r#"const sheet = new CSSStyleSheet();
               sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
               root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
               return true;"#,
        )
        .await?;
    session.settle_frames().await?;
    let overflowing = session.in_embed(0, OVERFLOWING).await?;
    ensure(overflowing == json!([]), || {
        format!("cut off with text spacing: {overflowing}")
    })
}

/// JavaScript that defines `ratio(a, b)`, the WCAG contrast ratio of two computed colours.
const CONTRAST_RATIO: &str = r#"const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };"#;

pub(super) async fn control_boundaries_and_the_focus_ring_contrast_3_to_1_in_both_themes(
    session: &Session,
) -> Outcome {
    for (page, index) in [("index.html", 0), ("pages/theming.html", 0)] {
        session.open(page).await?;
        session.wait_for_article(index).await?;
        let ratios = session
            .in_embed(
                index,
                &[
                    CONTRAST_RATIO,
                    r#"
                   const background = getComputedStyle(root.querySelector('.rw')).backgroundColor;
                   const step = root.querySelector('input:not(:checked) + .rw-sizes__label');
                   const checked = root.querySelector('input:checked + .rw-sizes__label');
                   root.querySelector('input:checked').focus();
                   return {
                     stepBorder: ratio(getComputedStyle(step).borderTopColor, background),
                     checkedStep: ratio(getComputedStyle(checked).backgroundColor, background),
                     focusRing: ratio(getComputedStyle(checked).outlineColor, background),
                   };"#,
                ]
                .concat(),
            )
            .await?;
        for part in ["stepBorder", "checkedStep", "focusRing"] {
            let value = ratios[part].as_f64().unwrap_or(0.0);
            ensure(value >= 3.0, || {
                format!("{page}: {part} contrasts {value:.2}:1 with the background")
            })?;
        }
    }
    Ok(())
}

pub(super) async fn the_guides_theme_keeps_each_theme_its_own_accent_at_aa_contrast(
    session: &Session,
) -> Outcome {
    session.open("theming/guide.html").await?;
    let mut accents = Vec::new();
    for (index, theme) in [(0, "light"), (1, "dark")] {
        session.wait_for_article(index).await?;
        let ratios = session
            .in_embed(
                index,
                &[
                    CONTRAST_RATIO,
                    r#"
                   const style = (selector) => getComputedStyle(root.querySelector(selector));
                   const background = style('.rw').backgroundColor;
                   const checked = root.querySelector('input:checked + .rw-sizes__label');
                   root.querySelector('input:checked').focus();
                   const link = style('.rw-skip-link').color;
                   return {
                     accent: link,
                     text: ratio(style('.rw-article__paragraph').color, background),
                     link: ratio(link, background),
                     byline: ratio(style('.rw-article__byline').color, background),
                     checkedStep: ratio(getComputedStyle(checked).color, getComputedStyle(checked).backgroundColor),
                     focusRing: ratio(getComputedStyle(checked).outlineColor, background),
                   };"#,
                ]
                .concat(),
            )
            .await?;
        for (part, least) in [
            ("text", 4.5),
            ("link", 4.5),
            ("byline", 4.5),
            ("checkedStep", 4.5),
            ("focusRing", 3.0),
        ] {
            let value = ratios[part].as_f64().unwrap_or(0.0);
            ensure(value >= least, || {
                format!("in the {theme} theme, {part} contrasts {value:.2}:1, under {least}:1")
            })?;
        }
        accents.push(ratios["accent"].clone());
    }
    ensure(accents.first() != accents.get(1), || {
        format!("both themes show the accent {:?}", accents.first())
    })
}

pub(super) async fn nothing_in_the_widget_moves(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let moving = session
        .in_embed(
            0,
            r#"return [...root.querySelectorAll('*')].filter((el) => {
                 const s = getComputedStyle(el);
                 return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
               }).map((el) => el.className);"#,
        )
        .await?;
    ensure(moving == json!([]), || format!("animated: {moving}"))
}
