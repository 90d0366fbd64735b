//! What publishers and readers do with the widget, one scenario a function, each run in every
//! engine on the demo pages (the same pages `make demo` serves). This file is the index: the
//! scenarios by feature, one module each, and the order the engines run them in.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::session::{ensure, Context, Outcome, Session};

/// WCAG 2.2 AA: axe, system settings, targets, 320 px, text spacing, contrast, motion.
mod accessibility;
/// Articles that cannot be shown, each way with its own kind.
mod errors;
/// Every example of the catalogue (`demo/examples.json`), with axe at every size, and every
/// page loading with no failed request and no error.
mod examples;
/// The first paint of a JSON `src`, before the WebAssembly, and its takeover.
mod first_paint;
/// The package in a Vite app: a plain page, React 19 (client and hydrated) and Vue 3.
mod frameworks;
/// Pages that fight back: strict policies, hostile styles, meddling scripts, tampered files.
mod hostile;
/// The package installed from npm, in a publisher's own project.
mod installed;
/// Keyboard first: the skip links and the size switcher.
mod keyboard;
/// The reader's language and direction.
mod languages;
/// Listen: the article read aloud, with a stand-in for the browser's speech synthesis.
mod listen;
/// How the widget loads: origins, requests at once, aborts, limits, lazy embeds, script tags.
mod loading;
/// The reader on a phone: the switcher at 320 px, the skip links in their place.
mod phone;
/// The widget at each size, and the accessibility page's screenshots.
mod screenshots;
/// The text size: each step, one choice for every embed, kept across a reload.
mod sizes;
/// Server-rendered snippets, with and without the script, and the embed page a CMS frames.
mod snippets;
/// Where an embed's article comes from: `src`, inline JSON, JSON-LD, markup; added and removed.
mod sources;
/// WordPress: its own oEmbed filter and embed script on the oEmbed answer.
mod wordpress;

use accessibility::*;
use errors::*;
use examples::*;
use first_paint::*;
use frameworks::*;
use hostile::*;
use installed::*;
use keyboard::*;
use languages::*;
use listen::*;
use loading::*;
use phone::*;
use screenshots::*;
use sizes::*;
use snippets::*;
use sources::*;
use wordpress::*;

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
    screenshots_of_the_phone_layout_and_listen_for_the_readme,
];

// Every engine runs these, in this order.
scenarios![all:
    renders_from_src,
    a_src_embed_paints_its_article_styled_before_the_webassembly,
    the_takeover_keeps_the_painted_text_and_the_step_chosen_and_focused,
    renders_from_inline_json,
    renders_from_json_ld_by_src_and_inline,
    enhances_the_publishers_article_markup,
    without_the_script_the_markup_is_the_article,
    without_the_script_src_and_inline_json_embeds_show_their_fallback,
    two_embeds_on_one_page_each_render_with_their_own_controls,
    an_embed_added_after_load_renders,
    a_removed_embed_is_emptied_and_renders_again_when_put_back,
    each_size_sets_the_article_text_size,
    a_choice_in_one_embed_reaches_the_other,
    the_choice_survives_a_reload,
    tab_from_the_host_link_lands_on_a_visible_skip_link,
    enter_on_skip_to_article_text_focuses_the_article_body,
    skip_past_this_article_leads_to_the_host_link_after_the_embed,
    a_focused_skip_link_covers_no_other_control,
    after_skip_to_article_text_tab_moves_on_past_the_article,
    the_size_switcher_is_one_tab_stop_and_arrow_keys_change_the_size,
    listen_reads_passage_by_passage_and_pauses_resumes_and_stops_by_keyboard,
    starting_listen_in_one_embed_stops_the_other_and_leaving_the_page_stops_it,
    listen_reads_in_the_articles_language_and_waits_for_a_voice_for_it,
    axe_finds_nothing_while_listen_reads_in_both_themes,
    a_bad_src_shows_the_error_and_its_fallback_while_a_sibling_renders,
    the_demo_speaks_russian_and_persian_and_mirrors_the_persian_widget,
    axe_finds_no_wcag_violations_in_the_widget,
    axe_finds_no_wcag_violations_in_the_dark_and_house_themes,
    every_example_shows_its_listed_embeds_and_axe_finds_nothing_at_every_size,
    every_demo_page_loads_without_a_failed_request_or_an_error,
    every_size_step_is_a_target_of_at_least_24_px_at_every_size,
    at_320_px_wide_nothing_in_the_widget_scrolls_sideways,
    at_320_px_the_switcher_is_on_one_line_in_every_language_and_size,
    with_wcag_text_spacing_nothing_is_cut_off,
    control_boundaries_and_the_focus_ring_contrast_3_to_1_in_both_themes,
    the_guides_theme_keeps_each_theme_its_own_accent_at_aa_contrast,
    nothing_in_the_widget_moves,
    a_screenshot_at_each_size,
    the_webassembly_comes_from_the_asset_origin,
    the_article_is_fetched_once_while_the_webassembly_loads,
    the_entry_starts_one_module_the_webassembly_and_the_article_at_once,
    under_a_strict_policy_with_trusted_types_the_widget_works_without_violations,
    each_documented_mode_works_under_exactly_the_documented_policy,
    a_hostile_host_stylesheet_and_base_leave_the_widget_as_it_is,
    each_way_a_src_can_fail_shows_the_error_with_its_own_kind,
    a_meddling_page_and_a_sandboxed_frame_without_storage_leave_the_widget_working,
    a_server_rendered_snippet_is_taken_over_in_place,
    without_the_script_a_server_rendered_snippet_reads_and_its_sizes_work,
    a_snippets_text_is_the_same_before_and_after_the_takeover_in_every_language,
    a_step_chosen_before_the_takeover_is_kept,
    a_snippet_with_listen_is_taken_over_and_then_offers_listen,
    a_snippets_inline_styles_apply_under_a_strict_policy_naming_their_hash,
    the_embed_page_in_a_sandboxed_frame_tells_its_height_as_the_text_size_changes,
    the_embed_page_works_under_its_own_policy_and_passes_axe,
    wordpress_keeps_the_oembed_answer_and_its_embed_script_sizes_the_frame,
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
    the_package_installed_from_npm_works_from_node_modules,
    bundled_by_vite_the_widget_loads_its_files_from_the_build,
    in_react_rendered_by_the_client_the_embed_works_and_unmounts_cleanly,
    in_react_rendered_by_the_server_then_hydrated_the_embed_works_and_unmounts_cleanly,
    in_vue_the_embed_works_and_unmounts_cleanly,
];

async fn headline(session: &Session, index: usize) -> Result<Value, String> {
    session
        .in_embed(
            index,
            "return root?.querySelector('.rw-article__headline')?.textContent ?? null;",
        )
        .await
}

/// The height of the page in the first frame (an embed page), at the size `size`, which the
/// reader chooses there first if it is not the one shown (a script's click: pointer input into
/// frames differs between drivers, and is tested on pages themselves). Read from the layout, not
/// after painted frames: Chromium paints no frames in a frame that WordPress keeps clipped until
/// its script reveals it.
async fn framed_page_height_at(session: &Session, size: &str) -> Result<Value, String> {
    session
        .in_first_frame(async {
            session.wait_for_article(0).await?;
            // A choice made before the widget takes the snippet over is lost to its first render
            // (seen in WebKit, in a clean-clone run): the reader's click waits for it here.
            session
                .wait_until(
                    "the widget to take the framed page over",
                    "const root = document.querySelector('reader-widget')?.shadowRoot; return !!root?.querySelector('.rw-article') && !root.querySelector('[data-server-rendered]');",
                    vec![],
                )
                .await?;
            session
                .in_embed(
                    0,
                    &format!("root.querySelector('input[value={size}]').click(); return null;"),
                )
                .await?;
            session
                .wait_until(
                    &format!("the framed page to show {size}"),
                    "return !!document.querySelector('reader-widget')?.shadowRoot?.querySelector('.rw-article.rw-size-' + arguments[0])",
                    vec![json!(size)],
                )
                .await?;
            session
                .script(
                    "return Math.ceil(document.documentElement.getBoundingClientRect().height)",
                    vec![],
                )
                .await
        })
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
