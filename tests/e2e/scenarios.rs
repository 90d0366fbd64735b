//! What publishers and readers do with the widget, one scenario a function, each run in every
//! engine on the demo pages (the same pages `make demo` serves).

use std::future::Future;
use std::path::Path;
use std::pin::Pin;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::session::{ensure, Context, Outcome, Session};

const SEED_HEADLINE: &str = "US, Russia Fail to Agree on Syria Resolution";
const SIZES: [(&str, f64); 4] = [("xs", 0.8), ("sm", 0.9), ("md", 1.0), ("lg", 1.25)];

pub type ScenarioFuture<'a> = Pin<Box<dyn Future<Output = Outcome> + Send + 'a>>;

pub struct Scenario {
    pub name: &'static str,
    pub run: for<'a> fn(&'a Session) -> ScenarioFuture<'a>,
}

macro_rules! scenarios {
    ($list:ident: $($name:ident),* $(,)?) => {
        pub fn $list() -> Vec<Scenario> {
            vec![$(Scenario { name: stringify!($name), run: |session| Box::pin($name(session)) }),*]
        }
    };
}

// Scenarios that need Chromium's DevTools emulation of the reader's system settings, which the
// other engines' WebDriver servers do not offer.
scenarios![chromium_only:
    theme_auto_follows_the_system_colour_scheme_live,
    forced_colours_keep_focus_the_checked_step_and_links_visible,
    screenshots_for_the_readme_in_both_themes_and_directions,
];

// Every engine runs these, in this order.
scenarios![all:
    renders_from_src,
    renders_from_inline_json,
    renders_from_json_ld_by_src_and_inline,
    enhances_the_publishers_article_markup,
    without_the_script_the_markup_is_the_article,
    two_embeds_on_one_page_each_render_with_their_own_controls,
    an_embed_added_after_load_renders,
    a_removed_embed_is_emptied_and_renders_again_when_put_back,
    each_size_sets_the_article_text_size,
    a_choice_in_one_embed_reaches_the_other,
    the_choice_survives_a_reload,
    tab_from_the_host_link_lands_on_a_visible_skip_link,
    enter_on_skip_to_article_text_focuses_the_article_body,
    skip_past_this_article_leads_to_the_host_link_after_the_embed,
    the_size_switcher_is_one_tab_stop_and_arrow_keys_change_the_size,
    a_bad_src_shows_the_error_while_a_sibling_renders,
    the_demo_speaks_russian_and_persian_and_mirrors_the_persian_widget,
    axe_finds_no_wcag_violations_in_the_widget,
    axe_finds_no_wcag_violations_in_the_dark_and_house_themes,
    every_example_shows_its_listed_embeds_and_axe_finds_nothing_at_every_size,
    every_size_step_is_a_target_of_at_least_24_px_at_every_size,
    at_320_px_wide_nothing_in_the_widget_scrolls_sideways,
    with_wcag_text_spacing_nothing_is_cut_off,
    control_boundaries_and_the_focus_ring_contrast_3_to_1_in_both_themes,
    nothing_in_the_widget_moves,
    a_screenshot_at_each_size,
    the_webassembly_comes_from_the_asset_origin,
    the_article_is_fetched_once_while_the_webassembly_loads,
    the_entry_starts_one_module_the_webassembly_and_the_article_at_once,
    under_a_strict_policy_with_trusted_types_the_widget_works_without_violations,
    a_hostile_host_stylesheet_and_base_leave_the_widget_as_it_is,
    each_way_a_src_can_fail_shows_the_error_with_its_own_kind,
    a_meddling_page_and_a_sandboxed_frame_without_storage_leave_the_widget_working,
    a_server_rendered_snippet_is_taken_over_in_place,
    without_the_script_a_server_rendered_snippet_reads_and_its_sizes_work,
    a_snippets_inline_styles_apply_under_a_strict_policy_naming_their_hash,
    removing_an_embed_aborts_its_fetch,
    an_embed_removed_before_the_widget_starts_aborts_the_early_fetch,
    an_article_over_the_limit_is_refused_and_its_download_stopped,
    a_timed_out_early_request_is_closed,
    a_loading_embed_takes_no_room_and_says_it_is_loading,
    a_src_embeds_fallback_shows_until_its_article_replaces_it,
    lazy_embeds_load_nothing_but_the_entry_until_the_reader_comes_near,
    a_tampered_glue_or_webassembly_fails_closed,
    an_async_script_renders_the_embeds,
    a_script_after_the_markup_renders_the_embeds,
    two_copies_of_the_script_define_the_element_once,
];

async fn headline(session: &Session, index: usize) -> Result<Value, String> {
    session
        .in_embed(
            index,
            "return root?.querySelector('.rw-article__headline')?.textContent ?? null;",
        )
        .await
}

/// Waits for embed `index` to show its article, and checks it is the seed.
async fn shows_the_seed(session: &Session, index: usize) -> Outcome {
    session.wait_for_article(index).await?;
    let headline = headline(session, index).await?;
    ensure(headline == SEED_HEADLINE, || {
        format!("embed {index} shows {headline}")
    })
}

async fn both_demo_embeds_render(session: &Session, page: &str) -> Outcome {
    session.open(page).await?;
    for index in 0..2 {
        shows_the_seed(session, index).await?;
    }
    Ok(())
}

async fn renders_from_src(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let src = session
        .script(
            "return document.querySelectorAll('reader-widget')[0].getAttribute('src')",
            vec![],
        )
        .await?;
    ensure(src == "articles/syria-resolution.json", || {
        format!("the first embed's src is {src}")
    })?;
    shows_the_seed(session, 0).await
}

async fn renders_from_inline_json(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let inline = session
        .script(
            "return !!document.querySelectorAll('reader-widget')[1].querySelector('script[type=\"application/json\"]')",
            vec![],
        )
        .await?;
    ensure(inline == true, || {
        "the second embed has no inline JSON".into()
    })?;
    session.wait_for_article(1).await?;
    let headline = headline(session, 1).await?;
    ensure(headline == SEED_HEADLINE, || {
        format!("the headline is {headline}")
    })
}

async fn renders_from_json_ld_by_src_and_inline(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "pages/json-ld.html").await?;
    for index in 0..2 {
        let byline = session
            .in_embed(
                index,
                "return root.querySelector('.rw-article__byline')?.textContent ?? null;",
            )
            .await?;
        ensure(byline == "VOA News", || {
            format!("embed {index}'s byline is {byline}")
        })?;
    }
    Ok(())
}

async fn enhances_the_publishers_article_markup(session: &Session) -> Outcome {
    session.open("pages/markup.html").await?;
    shows_the_seed(session, 0).await?;
    let light = session
        .script(
            "const article = document.querySelector('reader-widget > article'); return { inDocument: !!article, shown: article.getClientRects().length > 0 };",
            vec![],
        )
        .await?;
    ensure(
        light == json!({ "inDocument": true, "shown": false }),
        || format!("the light-DOM article while the widget shows: {light}"),
    )
}

async fn without_the_script_the_markup_is_the_article(session: &Session) -> Outcome {
    session.open("pages/markup.html?no-script").await?;
    let seen = session
        .script(
            "const h1 = document.querySelector('reader-widget > article h1'); return { headline: h1.textContent, shown: h1.getClientRects().length > 0, shadow: !!document.querySelector('reader-widget').shadowRoot };",
            vec![],
        )
        .await?;
    ensure(
        seen == json!({ "headline": SEED_HEADLINE, "shown": true, "shadow": false }),
        || format!("without the script: {seen}"),
    )
}

async fn two_embeds_on_one_page_each_render_with_their_own_controls(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let mut names = Vec::new();
    for index in 0..2 {
        names.push(
            session
                .in_embed(
                    index,
                    "return root.querySelector('input[type=radio]').name;",
                )
                .await?,
        );
    }
    ensure(names[0] != names[1], || {
        format!("both embeds use the radio group {}", names[0])
    })
}

async fn an_embed_added_after_load_renders(session: &Session) -> Outcome {
    session.open("pages/added-later.html").await?;
    ensure(session.embed_count().await? == 0, || {
        "the page starts with an embed".into()
    })?;
    let button = session
        .client
        .find(Locator::Id("add-embed"))
        .await
        .doing("finding the button")?;
    session.click(button).await?;
    shows_the_seed(session, 0).await
}

async fn a_removed_embed_is_emptied_and_renders_again_when_put_back(session: &Session) -> Outcome {
    session.open("pages/added-later.html").await?;
    for button in ["add-embed", "remove-embed"] {
        let button = session
            .client
            .find(Locator::Id(button))
            .await
            .doing("finding a button")?;
        session.click(button).await?;
        if session.embed_count().await? == 1 {
            session.wait_for_article(0).await?;
        }
    }
    let emptied = session
        .script(
            "return document.querySelector('#embeds').lastElementChild === null;",
            vec![],
        )
        .await?;
    ensure(emptied == true, || "the embed is still in the page".into())?;
    let put_back = session
        .client
        .find(Locator::Id("reinsert-embed"))
        .await
        .doing("finding the button")?;
    session.click(put_back).await?;
    session.wait_for_article(0).await?;
    let headline = headline(session, 0).await?;
    ensure(headline == SEED_HEADLINE, || {
        format!("after putting it back the headline is {headline}")
    })
}

async fn each_size_sets_the_article_text_size(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let medium = session.medium_px().await?;
    for (code, scale) in SIZES {
        session.choose_size(0, code).await?;
        let size = session.paragraph_px(0).await?;
        let expected = medium * scale;
        ensure((size - expected).abs() < 0.2, || {
            format!("{code}: the article text is {size} px, expected {expected} px")
        })?;
    }
    Ok(())
}

async fn a_choice_in_one_embed_reaches_the_other(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let medium = session.medium_px().await?;
    session.choose_size(0, "lg").await?;
    session
        .wait_until(
            "the second embed to follow",
            "return document.querySelectorAll('reader-widget')[1].shadowRoot.querySelector('input:checked')?.value === 'lg'",
            vec![],
        )
        .await?;
    let size = session.paragraph_px(1).await?;
    ensure((size - medium * 1.25).abs() < 0.2, || {
        format!("the second embed's text is {size} px")
    })
}

async fn the_choice_survives_a_reload(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    session.choose_size(0, "lg").await?;
    session.client.refresh().await.doing("reloading")?;
    for index in 0..2 {
        session.wait_for_article(index).await?;
        let checked = session.checked_step(index).await?;
        ensure(checked.as_deref() == Some("lg"), || {
            format!("after the reload embed {index} shows {checked:?}")
        })?;
    }
    Ok(())
}

/// Opens the demo and puts focus on the host page's link just before the first embed.
async fn focus_the_link_before_the_embed(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    session
        .script("document.getElementById('before-embed').focus();", vec![])
        .await?;
    let focused = session.focused().await?;
    ensure(focused["id"] == "before-embed", || {
        format!("focus starts on {focused}")
    })
}

async fn tab_from_the_host_link_lands_on_a_visible_skip_link(session: &Session) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["text"] == "Skip to article text", || {
        format!("Tab lands on {focused}")
    })?;
    ensure(focused["insideWidget"] == true, || {
        format!("{focused} is not in the widget")
    })?;
    let (width, height) = (
        focused["width"].as_f64().unwrap_or(0.0),
        focused["height"].as_f64().unwrap_or(0.0),
    );
    ensure(width > 20.0 && height > 10.0, || {
        format!("the focused skip link is {width} by {height} px: not visible")
    })
}

async fn enter_on_skip_to_article_text_focuses_the_article_body(session: &Session) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    session.press(Key::Enter).await?;
    let focused = session.focused().await?;
    ensure(
        focused["class"]
            .as_str()
            .unwrap_or_default()
            .contains("rw-article__body"),
        || format!("Enter moved focus to {focused}"),
    )
}

async fn skip_past_this_article_leads_to_the_host_link_after_the_embed(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    session.press(Key::Tab).await?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["text"] == "Skip past this article", || {
        format!("the second Tab lands on {focused}")
    })?;
    session.press(Key::Enter).await?;
    let focused = session.focused().await?;
    ensure(focused["insideWidget"] == false, || {
        format!("focus stayed in the widget: {focused}")
    })?;
    // Focus is on what follows the embed; the next Tab reaches the host's link there.
    if focused["id"] != "after-embed" {
        session.press(Key::Tab).await?;
    }
    let focused = session.focused().await?;
    ensure(focused["id"] == "after-embed", || {
        format!("focus went to {focused}")
    })
}

async fn the_size_switcher_is_one_tab_stop_and_arrow_keys_change_the_size(
    session: &Session,
) -> Outcome {
    focus_the_link_before_the_embed(session).await?;
    let medium = session.medium_px().await?;
    for _ in 0..3 {
        session.press(Key::Tab).await?;
    }
    let focused = session.focused().await?;
    ensure(focused["value"] == "md", || {
        format!("the third Tab lands on {focused}, not the checked step")
    })?;
    session.press(Key::Right).await?;
    session
        .wait_until(
            "LG to be checked",
            "return document.querySelector('reader-widget').shadowRoot.querySelector('input:checked')?.value === 'lg'",
            vec![],
        )
        .await?;
    let size = session.paragraph_px(0).await?;
    ensure((size - medium * 1.25).abs() < 0.2, || {
        format!("after the arrow the text is {size} px")
    })?;
    let focused = session.focused().await?;
    ensure(focused["value"] == "lg", || {
        format!("focus did not follow the arrow: {focused}")
    })?;
    session.press(Key::Tab).await?;
    let focused = session.focused().await?;
    ensure(focused["tag"] != "input", || {
        format!("Tab stayed in the switcher: {focused}")
    })
}

async fn a_bad_src_shows_the_error_while_a_sibling_renders(session: &Session) -> Outcome {
    session.open("pages/errors.html").await?;
    session.wait_for_article(2).await?;
    // A 404, then malformed JSON.
    for index in [0, 1] {
        session.wait_for_error(index).await?;
    }
    Ok(())
}

/// Runs axe-core with the WCAG 2.0 to 2.2 A and AA rules and its best practices on every embed
/// of the open page. axe's own bundle walks objects with `for…in` and fails to load on a page
/// that added enumerable members to `Object.prototype` (the meddling demo does: "Getter must be
/// a function"), so the page's additions are set aside while axe loads and runs, and put back.
async fn axe_violations(session: &Session) -> Result<Value, String> {
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

async fn axe_finds_no_wcag_violations_in_the_widget(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("axe reports {violations}")
    })
}

async fn axe_finds_no_wcag_violations_in_the_dark_and_house_themes(session: &Session) -> Outcome {
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

async fn theme_auto_follows_the_system_colour_scheme_live(session: &Session) -> Outcome {
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

async fn forced_colours_keep_focus_the_checked_step_and_links_visible(
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

async fn every_size_step_is_a_target_of_at_least_24_px_at_every_size(session: &Session) -> Outcome {
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
const OVERFLOWING: &str = r#"return [...root.querySelectorAll('*')]
  .filter((el) => getComputedStyle(el).display !== 'inline')
  .filter((el) => !el.classList.contains('rw-visually-hidden') && !el.classList.contains('rw-skip-link') && !el.classList.contains('rw-sizes__input'))
  .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className);"#;

async fn at_320_px_wide_nothing_in_the_widget_scrolls_sideways(session: &Session) -> Outcome {
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

async fn with_wcag_text_spacing_nothing_is_cut_off(session: &Session) -> Outcome {
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

async fn control_boundaries_and_the_focus_ring_contrast_3_to_1_in_both_themes(
    session: &Session,
) -> Outcome {
    for (page, index) in [("index.html", 0), ("pages/theming.html", 0)] {
        session.open(page).await?;
        session.wait_for_article(index).await?;
        let ratios = session
            .in_embed(
                index,
                r#"const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
                   const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                   const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                   const background = getComputedStyle(root.querySelector('.rw')).backgroundColor;
                   const step = root.querySelector('input:not(:checked) + .rw-sizes__label');
                   const checked = root.querySelector('input:checked + .rw-sizes__label');
                   root.querySelector('input:checked').focus();
                   return {
                     stepBorder: ratio(getComputedStyle(step).borderTopColor, background),
                     checkedStep: ratio(getComputedStyle(checked).backgroundColor, background),
                     focusRing: ratio(getComputedStyle(checked).outlineColor, background),
                   };"#,
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

async fn nothing_in_the_widget_moves(session: &Session) -> Outcome {
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

/// An example of the catalogue, `demo/examples.json`.
struct Example {
    page: String,
    /// What a reader clicks first (CSS selectors), as on the page that adds its embed by script.
    clicks: Vec<String>,
    /// What each embed shows once loaded: "article" or "error".
    embeds: Vec<String>,
}

/// The catalogue's examples.
fn examples() -> Result<Vec<Example>, String> {
    let catalogue: Value = serde_json::from_str(include_str!("../../demo/examples.json"))
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

async fn every_example_shows_its_listed_embeds_and_axe_finds_nothing_at_every_size(
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

async fn a_screenshot_at_each_size(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
    std::fs::create_dir_all(&folder).doing("making tests/screenshots")?;
    for (code, _) in SIZES {
        session.choose_size(0, code).await?;
        session.scroll_to_embed(0).await?;
        session.settle_frames().await?;
        let png = session
            .client
            .screenshot()
            .await
            .doing("taking a screenshot")?;
        ensure(png.starts_with(b"\x89PNG"), || {
            "the screenshot is not a PNG".into()
        })?;
        let path = folder.join(format!("{}-{code}.png", session.engine.name()));
        std::fs::write(&path, png).doing(&format!("writing {}", path.display()))?;
    }
    Ok(())
}

async fn the_demo_speaks_russian_and_persian_and_mirrors_the_persian_widget(
    session: &Session,
) -> Outcome {
    session.open("pages/languages.html").await?;
    let expected = [
        ("ru", "ltr", "Перейти к тексту статьи", "Размер текста"),
        ("fa", "rtl", "رفتن به متن مقاله", "اندازهٔ متن"),
        ("en", "ltr", "Read the story", "Story text size"),
    ];
    for (index, (lang, dir, skip, legend)) in expected.into_iter().enumerate() {
        session.wait_for_article(index).await?;
        let seen = session
            .in_embed(
                index,
                r#"const widget = root.querySelector('.rw');
                   const left = (code) => root.querySelector(`input[value=${code}] + .rw-sizes__label`).getBoundingClientRect().left;
                   return {
                     lang: widget.lang,
                     direction: getComputedStyle(widget).direction,
                     skip: root.querySelector('.rw-skip-link').textContent,
                     legend: root.querySelector('.rw-sizes__legend').textContent,
                     xsRightOfLg: left('xs') > left('lg'),
                   };"#,
            )
            .await?;
        let wanted = json!({
            "lang": lang,
            "direction": dir,
            "skip": skip,
            "legend": legend,
            "xsRightOfLg": dir == "rtl",
        });
        ensure(seen == wanted, || {
            format!("embed {index} shows {seen}, not {wanted}")
        })?;
    }
    Ok(())
}

/// The pictures in the README: the Russian (left-to-right) and Persian (right-to-left) embeds of
/// the languages demo, light and dark, at each size, written to `docs/screenshots/`.
async fn screenshots_for_the_readme_in_both_themes_and_directions(session: &Session) -> Outcome {
    session.open("pages/languages.html").await?;
    session.wait_for_article(0).await?;
    session.wait_for_article(1).await?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&folder).doing("making docs/screenshots")?;
    for theme in ["light", "dark"] {
        session
            .script(
                "document.querySelectorAll('reader-widget').forEach((embed) => embed.setAttribute('theme', arguments[0]));",
                vec![json!(theme)],
            )
            .await?;
        for (code, _) in SIZES {
            session.choose_size(0, code).await?;
            for (index, direction) in [(0, "ltr"), (1, "rtl")] {
                session.scroll_to_embed(index).await?;
                session.settle_frames().await?;
                let hosts = session
                    .client
                    .find_all(Locator::Css("reader-widget"))
                    .await
                    .doing("finding the embeds")?;
                let host = hosts
                    .get(index)
                    .ok_or_else(|| format!("there is no embed number {index}"))?;
                let png = host.screenshot().await.doing("taking a screenshot")?;
                ensure(png.starts_with(b"\x89PNG"), || {
                    "the screenshot is not a PNG".into()
                })?;
                let path = folder.join(format!("{direction}-{theme}-{code}.png"));
                std::fs::write(&path, png).doing(&format!("writing {}", path.display()))?;
            }
        }
    }
    Ok(())
}

async fn the_webassembly_comes_from_the_asset_origin(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let prefix = format!("{}/wasm/reader-widget_bg.", session.assets);
    let loaded = session
        .script(
            "return performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(arguments[0]) && entry.name.endsWith('.wasm'))",
            vec![json!(prefix)],
        )
        .await?;
    ensure(loaded == true, || format!("no {prefix}….wasm was loaded"))
}

async fn the_article_is_fetched_once_while_the_webassembly_loads(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html").await?;
    let timing = session
        .script(
            r#"const entries = performance.getEntriesByType('resource');
               const articles = entries.filter((e) => e.name.endsWith('/articles/syria-resolution.json'));
               return { requests: articles.length, articleStart: articles[0]?.startTime ?? null, definedAt: window.__definedAt ?? null };"#,
            vec![],
        )
        .await?;
    ensure(timing["requests"] == 1, || {
        format!("the article was requested {} times", timing["requests"])
    })?;
    // Without the loader's early request, the element asks for its article only once the
    // WebAssembly has been compiled and has defined the element.
    let started = timing["articleStart"].as_f64().unwrap_or(f64::MAX);
    let defined = timing["definedAt"].as_f64().unwrap_or(0.0);
    ensure(started < defined, || {
        format!("the article was requested at {started} ms, after the element was defined at {defined} ms")
    })
}

/// On a phone each request that waits for another is a round trip: the entry asks for the one
/// module (glue, element definition and start, bundled), the WebAssembly and the article in the
/// same task, and nothing else of the widget's is fetched. The server holds each of the three
/// until all three have been asked for (three seconds at most), so "at once" means each was
/// requested before any was answered, however fast loopback is.
async fn the_entry_starts_one_module_the_webassembly_and_the_article_at_once(
    session: &Session,
) -> Outcome {
    let round = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_nanos())
        .unwrap_or_default();
    session
        .open(&format!("hostile/together.html?{round}"))
        .await?;
    shows_the_seed(session, 0).await?;
    let widget = session
        .script(
            r#"return performance.getEntriesByType('resource')
                 .filter((e) => e.name.startsWith(arguments[0]))
                 .map((e) => new URL(e.name).pathname.replace(arguments[1], '').replace(/\.[0-9a-f]{12}\./, '.'))
                 .sort();"#,
            vec![json!(session.assets), json!(format!("/together-{round}"))],
        )
        .await?;
    let expected = json!([
        "/reader-widget.js",
        "/wasm/reader-widget.js",
        "/wasm/reader-widget_bg.wasm"
    ]);
    ensure(widget == expected, || {
        format!("the widget's files fetched: {widget}")
    })?;
    let report = session
        .script(
            "return fetch('/hostile/together-met?' + arguments[0], { cache: 'no-store' }).then((r) => r.json())",
            vec![json!(round.to_string())],
        )
        .await?;
    ensure(report["met"] == true, || {
        format!("one of the module, WebAssembly and article was asked for only after another was answered: {report}")
    })
}

/// The command's default snippet carries its styles inline (no render-blocking request); the
/// `style-src` hash it prints lets them through a strict policy, and without it they are refused.
/// No script runs, so only the inline styles can style the snippet.
async fn a_snippets_inline_styles_apply_under_a_strict_policy_naming_their_hash(
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

async fn under_a_strict_policy_with_trusted_types_the_widget_works_without_violations(
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

async fn a_hostile_host_stylesheet_and_base_leave_the_widget_as_it_is(
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

async fn each_way_a_src_can_fail_shows_the_error_with_its_own_kind(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let cases = json!([
        ["missing", "/hostile/no-such-article.json"],
        ["status 500", "/hostile/status-500"],
        ["an HTML page", "/hostile/html"],
        ["JSON as plain text", "/hostile/plain-text"],
        ["JSON labelled as an image", "/hostile/image"],
        ["Latin-1 bytes", "/hostile/latin-1"],
        ["a byte-order mark", "/hostile/byte-order-mark"],
        ["a redirect", "/hostile/redirect"],
        ["a response that never ends", "/hostile/never-ends"],
        [
            "a CORS refusal",
            format!("{}/no-cors/articles/syria-resolution.json", session.assets)
        ],
    ]);
    session
        .script(
            r#"window.__outcomes = {};
               for (const [name, src] of arguments[0]) {
                 const embed = document.createElement('reader-widget');
                 embed.setAttribute('src', src);
                 embed.addEventListener('reader-widget-error', (event) => {
                   const shown = !!embed.shadowRoot.querySelector('.rw-status--error');
                   window.__outcomes[name] = `${event.detail.kind}${shown ? '' : ' (not shown)'}`;
                 });
                 embed.addEventListener('reader-widget-ready', (event) => { window.__outcomes[name] = `ready: ${event.detail.headline}`; });
                 document.querySelector('main').append(embed);
               }"#,
            vec![cases.clone()],
        )
        .await?;
    // The response that never ends is given up after ten seconds.
    let count = cases.as_array().map_or(0, Vec::len);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let outcomes = loop {
        let outcomes = session.script("return window.__outcomes", vec![]).await?;
        let done = outcomes.as_object().map_or(0, |o| o.len()) == count;
        if done || std::time::Instant::now() > deadline {
            break outcomes;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    };
    let expected = json!({
        "missing": "http",
        "status 500": "http",
        "an HTML page": "content-type",
        "JSON as plain text": "ready: H",
        "JSON labelled as an image": "content-type",
        "Latin-1 bytes": "ready: Caf\u{fffd}",
        "a byte-order mark": "ready: H",
        "a redirect": "ready: US, Russia Fail to Agree on Syria Resolution",
        "a response that never ends": "timeout",
        "a CORS refusal": "network",
    });
    ensure(outcomes == expected, || {
        format!("the outcomes were {outcomes}, not {expected}")
    })
}

async fn a_meddling_page_and_a_sandboxed_frame_without_storage_leave_the_widget_working(
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
        .client
        .enter_frame(0)
        .await
        .doing("entering the sandboxed frame")?;
    let inside = async {
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
    }
    .await;
    session
        .client
        .enter_parent_frame()
        .await
        .doing("leaving the frame")?;
    inside
}

/// The demo's server-rendered page: the snippet `reader-widget-snippet` made of the seed article.
const SERVER_RENDERED_PAGE: &str = "pages/server-rendered.html";

async fn a_server_rendered_snippet_is_taken_over_in_place(session: &Session) -> Outcome {
    session.open(SERVER_RENDERED_PAGE).await?;
    // The `article` property is set once the app shows the article: the widget has started.
    session
        .wait_until(
            "the widget to take the snippet over",
            "return document.querySelector('reader-widget').article ?? null",
            vec![],
        )
        .await?;
    let kept = session
        .in_embed(
            0,
            r#"const parsed = window.__parsedArticles?.[0];
               return { parsed: !!parsed, same: parsed === root.querySelector('.rw-article'),
                        articles: root.querySelectorAll('.rw-article').length,
                        server: root.querySelectorAll('[data-server-rendered]').length,
                        lightShown: document.querySelector('reader-widget > article').getClientRects().length > 0 };"#,
        )
        .await?;
    ensure(
        kept == json!({ "parsed": true, "same": true, "articles": 1, "server": 0, "lightShown": false }),
        || format!("after the widget started: {kept}"),
    )?;
    // Live: the app answers the reader's choice.
    let medium = session.medium_px().await?;
    session.choose_size(0, "lg").await?;
    let large = session.paragraph_px(0).await?;
    ensure((large - medium * 1.25).abs() < 0.5, || {
        format!("LG made the paragraph {large}px, MD is {medium}px")
    })?;
    session.choose_size(0, "md").await?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page reported {errors}")
    })
}

async fn without_the_script_a_server_rendered_snippet_reads_and_its_sizes_work(
    session: &Session,
) -> Outcome {
    session
        .open(&format!("{SERVER_RENDERED_PAGE}?no-script"))
        .await?;
    let seen = session
        .in_embed(
            0,
            r#"const headline = root?.querySelector('.rw-article__headline');
               return { headline: headline?.textContent ?? null,
                        shown: !!headline && headline.getClientRects().length > 0,
                        lightShown: document.querySelector('reader-widget > article').getClientRects().length > 0 };"#,
        )
        .await?;
    ensure(
        seen == json!({ "headline": SEED_HEADLINE, "shown": true, "lightShown": false }),
        || format!("without the script: {seen}"),
    )?;
    let violations = axe_violations(session).await?;
    ensure(violations == json!([]), || {
        format!("without the script, axe reports {violations}")
    })?;
    // The size steps are radio buttons, and the stylesheet follows the checked one.
    let medium = session.medium_px().await?;
    let step = session.find_in_embed(0, "input[value='lg']").await?;
    session.click(step).await?;
    let large = session.paragraph_px(0).await?;
    ensure((large - medium * 1.25).abs() < 0.5, || {
        format!("without the script, LG made the paragraph {large}px, MD is {medium}px")
    })
}

/// How many never-ending responses the browser has closed so far.
async fn aborted_requests(session: &Session) -> Result<u64, String> {
    session
        .script(
            "return fetch('/hostile/aborted-count', { cache: 'no-store' }).then((r) => r.json())",
            vec![],
        )
        .await
        .map(|count| count.as_u64().unwrap_or(0))
}

/// Waits up to five seconds for the browser to close one more never-ending response. Not
/// `wait_until`'s ten seconds: the fetch time-out closes the request after ten seconds too, and
/// would pass a test without the removal doing anything.
async fn a_request_is_aborted(session: &Session, before: u64) -> Outcome {
    a_request_is_aborted_within(session, before, 5).await
}

async fn a_request_is_aborted_within(session: &Session, before: u64, seconds: u64) -> Outcome {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if aborted_requests(session).await? > before {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "the request was still open {seconds} seconds later"
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

async fn removing_an_embed_aborts_its_fetch(session: &Session) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let before = aborted_requests(session).await?;
    session
        .script(
            r#"const embed = document.createElement('reader-widget');
               embed.setAttribute('src', '/hostile/never-ends');
               document.querySelector('main').append(embed);
               setTimeout(() => embed.remove(), 500);"#,
            vec![],
        )
        .await?;
    a_request_is_aborted(session, before).await
}

/// The loader fetches the articles of the embeds in the page while the WebAssembly loads; an
/// embed removed before the widget starts lets go of that request.
async fn an_embed_removed_before_the_widget_starts_aborts_the_early_fetch(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    let before = aborted_requests(session).await?;
    session.open("hostile/removed-before-start.html").await?;
    session
        .wait_until(
            "the widget to start",
            "return window.__definedAt !== undefined && !document.querySelector('reader-widget')",
            vec![],
        )
        .await?;
    a_request_is_aborted(session, before).await
}

/// An article over the 2 MiB limit is refused as it arrives, not once it has all come: on its
/// Content-Length before the body, or without one once the limit is passed; either way the
/// download stops there (the server sees both connections closed), well before the time-out.
async fn an_article_over_the_limit_is_refused_and_its_download_stopped(
    session: &Session,
) -> Outcome {
    session.open("index.html").await?;
    session.wait_for_article(0).await?;
    let before = aborted_requests(session).await?;
    session
        .script(
            r#"window.__oversized = {};
               for (const src of ['/hostile/declared-too-large', '/hostile/streams-too-large']) {
                 const embed = document.createElement('reader-widget');
                 embed.setAttribute('src', src);
                 const started = performance.now();
                 embed.addEventListener('reader-widget-error', (event) => {
                   window.__oversized[src] = [event.detail.kind, performance.now() - started];
                 });
                 embed.addEventListener('reader-widget-ready', () => { window.__oversized[src] = ['ready', 0]; });
                 document.querySelector('main').append(embed);
               }"#,
            vec![],
        )
        .await?;
    session
        .wait_until(
            "both oversized articles to settle",
            "return Object.keys(window.__oversized).length === 2",
            vec![],
        )
        .await?;
    let outcomes = session.script("return window.__oversized", vec![]).await?;
    for src in ["/hostile/declared-too-large", "/hostile/streams-too-large"] {
        let kind = &outcomes[src][0];
        let after_ms = outcomes[src][1].as_f64().unwrap_or(f64::MAX);
        ensure(kind == "too-large" && after_ms < 8_000.0, || {
            format!("{src}: {kind} after {after_ms} ms, not too-large before the time-out")
        })?;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while aborted_requests(session).await? < before + 2 {
        if std::time::Instant::now() > deadline {
            return Err("an oversized download went on after it was refused".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    Ok(())
}

/// While its article loads, an embed has no box of its own to resize when the article comes (the
/// page below it moves once, not twice), yet a screen reader hears that it is loading.
async fn a_loading_embed_takes_no_room_and_says_it_is_loading(session: &Session) -> Outcome {
    session.open("hostile/early-never-ends.html").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let state = loop {
        let state = session
            .script(
                r#"const embed = document.querySelector('reader-widget');
                   const status = embed.shadowRoot?.querySelector('[role=status]');
                   return status ? { height: embed.getBoundingClientRect().height, said: status.textContent } : null;"#,
                vec![],
            )
            .await?;
        if !state.is_null() || std::time::Instant::now() > deadline {
            break state;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    ensure(state["said"] == "Loading the article…", || {
        format!("while loading, the status says {}", state["said"])
    })?;
    ensure(state["height"].as_f64() == Some(0.0), || {
        format!("while loading, the embed is {} px tall", state["height"])
    })
}

/// What a publisher puts inside a `src` embed stays on screen while the article loads (the
/// widget attached its shadow root and says it is loading), and the article replaces it.
async fn a_src_embeds_fallback_shows_until_its_article_replaces_it(session: &Session) -> Outcome {
    session.open("hostile/fallback-while-loading.html").await?;
    session.wait_for_article(1).await?;
    let state = session
        .script(
            r#"const [loading, arrived] = document.querySelectorAll('reader-widget');
               const shown = (id) => document.getElementById(id).getClientRects().length > 0;
               return { said: loading.shadowRoot?.querySelector('[role=status]')?.textContent ?? null,
                        height: loading.getBoundingClientRect().height,
                        never: shown('never'), arrives: shown('arrives') };"#,
            vec![],
        )
        .await?;
    ensure(state["said"] == "Loading the article…", || {
        format!("the first embed is not loading: {state}")
    })?;
    ensure(
        state["never"] == true && state["height"].as_f64() > Some(0.0),
        || format!("the loading embed's fallback is not shown: {state}"),
    )?;
    ensure(state["arrives"] == false, || {
        format!("the fallback is still shown beside the article: {state}")
    })
}

/// `loading="lazy"`: until the reader scrolls within a screen of an embed, the page has fetched
/// nothing of the widget but its entry, not even after the `load` event; then that embed (and its
/// article) load, and the next lazy embed, further down, still waits for the reader.
async fn lazy_embeds_load_nothing_but_the_entry_until_the_reader_comes_near(
    session: &Session,
) -> Outcome {
    const FETCHED: &str = r#"return performance.getEntriesByType('resource').map((entry) => entry.name)
        .filter((name) => !/\/reader-widget\.js$|\.css$|\/favicon\.ico$/.test(name))
        .map((name) => new URL(name).pathname);"#;
    session.open("pages/lazy.html").await?;
    session
        .wait_until(
            "the page's load event",
            "return document.readyState === 'complete'",
            vec![],
        )
        .await?;
    // Time for anything the page or the widget would start after `load`.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let fetched = session.script(FETCHED, vec![]).await?;
    ensure(fetched == json!([]), || {
        format!("before the reader scrolled, the page fetched {fetched}")
    })?;
    session.scroll_to_embed(0).await?;
    session.wait_for_article(0).await?;
    let fetched = session.script(FETCHED, vec![]).await?;
    let names: Vec<&str> = fetched
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    ensure(
        names
            .iter()
            .any(|name| name.ends_with("syria-resolution.json")),
        || format!("near the first embed, the page fetched {fetched}, not its article"),
    )?;
    ensure(
        !names
            .iter()
            .any(|name| name.ends_with("syria-resolution.ru.json")),
        || format!("the second lazy embed, three screens further, fetched its article: {fetched}"),
    )?;
    session.scroll_to_embed(1).await?;
    session.wait_for_article(1).await
}

/// The loader's early request is the widget's once taken: its time-out closes it too.
async fn a_timed_out_early_request_is_closed(session: &Session) -> Outcome {
    session.open("index.html").await?;
    let before = aborted_requests(session).await?;
    session.open("hostile/early-never-ends.html").await?;
    // The time-out comes ten seconds after the request; the server keeps writing for 30 unless
    // the browser lets go.
    a_request_is_aborted_within(session, before, 16).await
}

/// With SRI on the entry, a glue file or a WebAssembly tampered with on the CDN fails closed:
/// one console line and nothing else reported, none of the tampered code run, the markup and
/// snippet embeds readable.
async fn a_tampered_glue_or_webassembly_fails_closed(session: &Session) -> Outcome {
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

async fn an_async_script_renders_the_embeds(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?async").await
}

async fn a_script_after_the_markup_renders_the_embeds(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?script-last").await
}

async fn two_copies_of_the_script_define_the_element_once(session: &Session) -> Outcome {
    both_demo_embeds_render(session, "index.html?twice").await?;
    // Wait for the network to go quiet, so the second copy has finished starting too.
    let mut fetched = Value::Null;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let now = session
            .script(
                "return performance.getEntriesByType('resource').length",
                vec![],
            )
            .await?;
        if now == fetched {
            break;
        }
        fetched = now;
    }
    let apps = session
        .script(
            "return [...document.querySelectorAll('reader-widget')].map((host) => host.shadowRoot.querySelectorAll('.rw').length)",
            vec![],
        )
        .await?;
    ensure(apps == json!([1, 1]), || format!("apps per embed: {apps}"))?;
    let errors = session.script("return window.__pageErrors", vec![]).await?;
    ensure(errors == json!([]), || {
        format!("the page logged errors: {errors}")
    })?;
    let notes = session
        .script(
            "return window.__pageNotes.filter((note) => note.includes('already defined')).length",
            vec![],
        )
        .await?;
    ensure(notes == 1, || {
        format!("the second copy said so {notes} times")
    })
}
