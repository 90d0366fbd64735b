//! The bench's Lighthouse part: the news pages (`pages::NewsPage`) loaded by Lighthouse 12's
//! mobile preset with devtools throttling (`benches/lighthouse/run.mjs`, in Node), several
//! times each, and the report section with the medians and the phone targets, each met or not.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::pages::{Fold, NewsPage, Variant};

/// The news pages of one run: every variant with one embed above the fold; `src` and the snippet
/// (and static HTML, their floor) below it; the peer, `src` and the snippet ten and a hundred
/// times.
pub fn news_pages() -> Vec<NewsPage> {
    let page = |variant, embeds, fold| NewsPage {
        variant,
        embeds,
        fold,
        lazy: false,
        preload: false,
        placeholder: false,
    };
    let mut pages: Vec<NewsPage> = Variant::ALL
        .into_iter()
        .map(|variant| page(variant, 1, Fold::Above))
        .collect();
    pages.push(NewsPage {
        preload: true,
        ..page(Variant::WidgetSrc, 1, Fold::Above)
    });
    for variant in [
        Variant::Floor,
        Variant::WidgetSrc,
        Variant::WidgetServerRendered,
    ] {
        pages.push(page(variant, 1, Fold::Below));
    }
    for embeds in [1, 10] {
        pages.push(NewsPage {
            placeholder: true,
            ..page(Variant::WidgetSrc, embeds, Fold::Above)
        });
    }
    for variant in [Variant::WidgetSrc, Variant::WidgetServerRendered] {
        pages.push(NewsPage {
            lazy: true,
            ..page(variant, 1, Fold::Below)
        });
    }
    for embeds in [10, 100] {
        for variant in [
            Variant::Peer,
            Variant::WidgetSrc,
            Variant::WidgetServerRendered,
        ] {
            pages.push(page(variant, embeds, Fold::Above));
        }
    }
    pages
}

/// The figures Lighthouse gives for each load, by page file name.
#[derive(Default)]
pub struct Audits {
    loads: BTreeMap<String, Vec<Value>>,
    /// Lighthouse's warnings, once each.
    warnings: Vec<String>,
}

impl Audits {
    /// The median of `figure` over the loads of `page`.
    pub fn median(&self, page: NewsPage, figure: &str) -> Option<f64> {
        let mut values: Vec<f64> = self
            .loads
            .get(&page.file_name())?
            .iter()
            .filter_map(|load| load[figure].as_f64())
            .collect();
        values.sort_by(f64::total_cmp);
        let middle = values.len() / 2;
        match values.len() {
            0 => None,
            n if n % 2 == 0 => Some((values.get(middle - 1)? + values.get(middle)?) / 2.0),
            _ => values.get(middle).copied(),
        }
    }

    /// Every path any load of `page` requested before its load event.
    fn fetched_before_load(&self, page: NewsPage) -> Vec<String> {
        let mut paths: Vec<String> = self
            .loads
            .get(&page.file_name())
            .into_iter()
            .flatten()
            .flat_map(|load| {
                load["fetchedBeforeLoad"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|path| path.as_str().map(str::to_owned))
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    fn count(&self, page: NewsPage) -> usize {
        self.loads.get(&page.file_name()).map_or(0, Vec::len)
    }
}

/// Runs Lighthouse `runs` times on each page of `site`, the widget's files from `dist`.
pub fn run(site: &Path, dist: &Path, pages: &[NewsPage], runs: usize) -> Result<Audits, String> {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/lighthouse/run.mjs");
    let mut child = Command::new("node")
        .arg(&runner)
        .arg("--site")
        .arg(site)
        .arg("--dist")
        .arg(dist)
        .arg("--runs")
        .arg(runs.to_string())
        .args(pages.iter().map(|page| page.file_name()))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("starting Lighthouse ({}): {e}", runner.display()))?;
    let mut audits = Audits::default();
    let stdout = child
        .stdout
        .take()
        .ok_or("Lighthouse's output was not piped")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading Lighthouse's output: {e}"))?;
        let load: Value = serde_json::from_str(&line)
            .map_err(|e| format!("Lighthouse printed something else: {e}: {line}"))?;
        let page = load["page"].as_str().unwrap_or_default().to_owned();
        for warning in load["warnings"].as_array().into_iter().flatten() {
            if let Some(warning) = warning
                .as_str()
                .filter(|w| !audits.warnings.iter().any(|seen| seen == w))
            {
                audits.warnings.push(warning.to_owned());
            }
        }
        eprintln!(
            "bench: Lighthouse {page}: score {}, LCP {:.0} ms, TBT {:.0} ms, CLS {:.3}",
            load["score"],
            load["lcp"].as_f64().unwrap_or(f64::NAN),
            load["tbt"].as_f64().unwrap_or(f64::NAN),
            load["cls"].as_f64().unwrap_or(f64::NAN),
        );
        audits.loads.entry(page).or_default().push(load);
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for Lighthouse: {e}"))?;
    if !status.success() {
        return Err(format!("Lighthouse failed: {status}"));
    }
    Ok(audits)
}

fn ms(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |value| format!("{value:.0}"))
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

/// The report's section: one row a page, then the targets.
pub fn markdown(audits: &Audits, pages: &[NewsPage], runs: usize) -> String {
    let mut out = String::from(
        "\n## On a throttled phone: Lighthouse\n\nLighthouse 12.2.3, mobile preset (a 412 × 823 \
         screen), devtools throttling (4× CPU slowdown, 562.5 ms round trips, 1.6 Mbit/s down), \
         performance category only, in the same Chromium. One news page around the embeds: a \
         masthead, the host's headline and two paragraphs, the embeds, six more paragraphs and a \
         footer; below the fold, 28 paragraphs (three screens) come before the embed. The host's \
         paragraphs are 20 words long, shorter than the article's, so that the article's text is \
         the page's largest once it is on screen. The article is the seed without its image, so the largest paint is text everywhere. The \
         pages come from one loopback origin, the widget's files from a second, both \
         brotli-compressed (quality 11) and sent `no-cache`; Lighthouse empties the cache before \
         each load. The JavaScript peer's script and the snippets' stylesheet come from the \
         page's origin. Bytes before LCP: every response that ended before the largest paint, \
         as transferred. Longest task: the longest main-thread task Lighthouse saw (throttled).\n",
    );
    let _ = writeln!(
        out,
        "\nMedians of {runs} loads a page.\n\n| page | score | FCP | LCP | TBT | CLS | Speed Index | bytes before LCP | longest task |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for page in pages {
        let value = |figure| audits.median(*page, figure);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            page.title(),
            ms(value("score")),
            ms(value("fcp")),
            ms(value("lcp")),
            ms(value("tbt")),
            value("cls").map_or("–".to_owned(), |cls| format!("{cls:.3}")),
            ms(value("si")),
            ms(value("bytesBeforeLcp")),
            ms(value("longestTask")),
        );
    }
    out.push_str(&targets(audits));
    if !audits.warnings.is_empty() {
        out.push_str("\nLighthouse warned:\n\n");
        for warning in &audits.warnings {
            let _ = writeln!(out, "- {warning}");
        }
    }
    let counts: Vec<usize> = pages.iter().map(|page| audits.count(*page)).collect();
    let _ = writeln!(
        out,
        "\nLoads per page: {}.",
        counts.iter().min().copied().unwrap_or(0)
    );
    out
}

/// Issue 14's targets on a throttled phone, each met or not.
fn targets(audits: &Audits) -> String {
    let above = |variant, embeds| NewsPage {
        variant,
        embeds,
        fold: Fold::Above,
        lazy: false,
        preload: false,
        placeholder: false,
    };
    let below = |variant| NewsPage {
        variant,
        embeds: 1,
        fold: Fold::Below,
        lazy: false,
        preload: false,
        placeholder: false,
    };
    let get = |page: NewsPage, figure: &str| audits.median(page, figure);
    let floor = above(Variant::Floor, 1);
    let mut out = String::from(
        "\n### Targets on a throttled phone\n\n| target | figure | | what limits it |\n| --- | --- | --- | --- |\n",
    );
    // What limits a target is said where it is not met, with the figure that shows it.
    let mut row = |target: String, figure: String, ok: bool, limit: String| {
        let limit = if ok { "" } else { limit.as_str() };
        let _ = writeln!(out, "| {target} | {figure} | {} | {limit} |", met(ok));
    };
    let first_task = |page: NewsPage| {
        format!(
            "the longest task, {} ms: the WebAssembly's instantiation and the first render, one \
             task that Yew cannot split",
            ms(get(page, "longestTask"))
        )
    };
    let transfer = |page: NewsPage, peer: NewsPage| {
        format!(
            "{} bytes before the largest paint against the peer's {}: the WebAssembly's \
             transfer at 1.6 Mbit/s, then its compile",
            ms(get(page, "bytesBeforeLcp")),
            ms(get(peer, "bytesBeforeLcp"))
        )
    };
    for (variant, base) in [
        (Variant::WidgetMarkup, floor),
        (Variant::WidgetServerRendered, floor),
    ] {
        let page = above(variant, 1);
        let (score, floor_score) = (get(page, "score"), get(base, "score"));
        let (lcp, floor_lcp) = (get(page, "lcp"), get(base, "lcp"));
        let (tbt, cls) = (get(page, "tbt"), get(page, "cls"));
        row(
            format!("{}: score within 2 points of static", variant.title()),
            format!("{} against {}", ms(score), ms(floor_score)),
            matches!((score, floor_score), (Some(s), Some(f)) if s >= f - 2.0),
            first_task(page),
        );
        row(
            format!("{}: LCP ≤ 1.05× static's", variant.title()),
            format!("{} ms against {} ms", ms(lcp), ms(floor_lcp)),
            matches!((lcp, floor_lcp), (Some(l), Some(f)) if l <= f * 1.05),
            first_task(page),
        );
        row(
            format!("{}: TBT ≤ 50 ms", variant.title()),
            format!("{} ms", ms(tbt)),
            tbt.is_some_and(|tbt| tbt <= 50.0),
            first_task(page),
        );
        row(
            format!("{}: CLS 0", variant.title()),
            cls.map_or("–".to_owned(), |cls| format!("{cls:.3}")),
            cls.is_some_and(|cls| cls < 0.0005),
            String::new(),
        );
    }
    let (src, peer) = (above(Variant::WidgetSrc, 1), above(Variant::Peer, 1));
    row(
        "widget, JSON src: LCP no later than the peer's".to_owned(),
        format!(
            "{} ms against {} ms",
            ms(get(src, "lcp")),
            ms(get(peer, "lcp"))
        ),
        matches!((get(src, "lcp"), get(peer, "lcp")), (Some(s), Some(p)) if s <= p),
        transfer(src, peer),
    );
    row(
        "widget, JSON src: score no lower than the peer's".to_owned(),
        format!(
            "{} against {}",
            ms(get(src, "score")),
            ms(get(peer, "score"))
        ),
        matches!((get(src, "score"), get(peer, "score")), (Some(s), Some(p)) if s >= p),
        transfer(src, peer),
    );
    row(
        "widget, JSON src: CLS no worse than the peer's".to_owned(),
        format!(
            "{:.3} against {:.3}",
            get(src, "cls").unwrap_or(f64::NAN),
            get(peer, "cls").unwrap_or(f64::NAN)
        ),
        matches!((get(src, "cls"), get(peer, "cls")), (Some(s), Some(p)) if s <= p + 0.0005),
        String::new(),
    );
    let preloaded = NewsPage {
        preload: true,
        ..src
    };
    row(
        "widget, JSON src, with the publisher guide's preload lines: LCP no later than the peer's"
            .to_owned(),
        format!(
            "{} ms against {} ms",
            ms(get(preloaded, "lcp")),
            ms(get(peer, "lcp"))
        ),
        matches!((get(preloaded, "lcp"), get(peer, "lcp")), (Some(s), Some(p)) if s <= p),
        transfer(preloaded, peer),
    );
    let cls = |page| get(page, "cls").map_or("–".to_owned(), |cls| format!("{cls:.3}"));
    let ten = above(Variant::WidgetSrc, 10);
    let ten_placeholders = NewsPage {
        placeholder: true,
        ..ten
    };
    row(
        "ten `src` embeds: CLS ≤ 0.1".to_owned(),
        cls(ten),
        get(ten, "cls").is_some_and(|cls| cls <= 0.1),
        format!(
            "what follows the first embed moves when its article arrives (the peer's pages: {}); \
             reserving its height is the publisher's to give: with a placeholder fallback, {}",
            cls(above(Variant::Peer, 10)),
            cls(ten_placeholders)
        ),
    );
    row(
        "ten `src` embeds, placeholder fallbacks: CLS ≤ 0.1".to_owned(),
        cls(ten_placeholders),
        get(ten_placeholders, "cls").is_some_and(|cls| cls <= 0.1),
        "the placeholder's height is too far from the article's".to_owned(),
    );
    let floor_below = below(Variant::Floor);
    for variant in [Variant::WidgetSrc, Variant::WidgetServerRendered] {
        let page = below(variant);
        let (score, lcp) = (get(page, "score"), get(page, "lcp"));
        let (floor_score, floor_lcp) = (get(floor_below, "score"), get(floor_below, "lcp"));
        row(
            format!(
                "{} below the fold: score and LCP as static's (2 points, 1.05×)",
                variant.title()
            ),
            format!(
                "{} and {} ms against {} and {} ms",
                ms(score),
                ms(lcp),
                ms(floor_score),
                ms(floor_lcp)
            ),
            matches!((score, floor_score, lcp, floor_lcp), (Some(s), Some(fs), Some(l), Some(fl)) if s >= fs - 2.0 && l <= fl * 1.05),
            {
                let lazy = NewsPage { lazy: true, ..page };
                format!(
                    "the score follows the blocking time, {} ms (the longest task {} ms), and the \
                     largest paint varies by a frame or two between loads; lazy: score {}, LCP \
                     {} ms, TBT {} ms",
                    ms(get(page, "tbt")),
                    ms(get(page, "longestTask")),
                    ms(get(lazy, "score")),
                    ms(get(lazy, "lcp")),
                    ms(get(lazy, "tbt"))
                )
            },
        );
    }
    for variant in [Variant::WidgetSrc, Variant::WidgetServerRendered] {
        let page = NewsPage {
            lazy: true,
            ..below(variant)
        };
        let fetched = audits.fetched_before_load(page);
        let widget: Vec<&String> = fetched
            .iter()
            .filter(|path| path.contains("/wasm") || path.ends_with(".json"))
            .collect();
        row(
            format!(
                "{}, lazy below the fold: nothing but the entry fetched before `load`",
                variant.title()
            ),
            if fetched.is_empty() {
                "no load measured".to_owned()
            } else if widget.is_empty() {
                "the page and the entry only".to_owned()
            } else {
                format!(
                    "also {}",
                    widget
                        .iter()
                        .map(|path| format!("`{path}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            !fetched.is_empty() && widget.is_empty(),
            String::new(),
        );
    }
    for variant in [Variant::WidgetSrc, Variant::WidgetServerRendered] {
        let tbt = get(above(variant, 100), "tbt");
        row(
            format!("{}, 100 embeds: TBT ≤ 50 ms", variant.title()),
            format!("{} ms", ms(tbt)),
            tbt.is_some_and(|tbt| tbt <= 50.0),
            format!(
                "the longest task, {} ms (instantiating and the first render), and the \
                 renders after it: a Yew render of one article cannot be split, and each \
                 costs tens of ms at 4× slowdown",
                ms(get(above(variant, 100), "longestTask"))
            ),
        );
    }
    out
}
