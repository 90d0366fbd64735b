//! `reader-widget-demo`: writes the demo's embeds from its catalogue of examples
//! (`demo/examples.json`), so that the seed article is in the demo once (`demo/articles/`) and
//! every embed on a demo page is one the catalogue describes. Each page is written by hand around
//! its embeds, with a line `<!-- example embed -->` where each goes, in the catalogue's order;
//! the front page's list of the other examples is the line `<!-- example links -->`. The build
//! runs this on the pages trunk has put in `dist/` (scripts/post-build.sh), filling them in place.
//!
//! ```text
//! reader-widget-demo [--catalogue FILE] [--articles DIR] SITE
//!     FILE  the catalogue (demo/examples.json)
//!     DIR   the articles an embed names (demo/articles)
//!     SITE  the folder the catalogue's page addresses are in (dist/, while trunk builds it)
//! ```
//!
//! A page whose lines do not match its catalogue entry (an embed line too many or too few, an
//! article that does not read) stops the build with a message naming the page and the embed.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    demo::main()
}

// The crate is built for WebAssembly too, where this command has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod demo {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use reader_widget::snippet::{self, SnippetOptions, SnippetStyles};
    use serde::Deserialize;
    use serde_json::Value;

    /// The line of a page that one embed replaces.
    const EMBED_LINE: &str = "<!-- example embed -->";
    /// The line of a page that the list of linked examples replaces.
    const LINKS_LINE: &str = "<!-- example links -->";
    const USAGE: &str = "usage: reader-widget-demo [--catalogue FILE] [--articles DIR] SITE";

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Catalogue {
        #[allow(dead_code, reason = "the catalogue's own description, for its readers")]
        about: String,
        examples: Vec<Example>,
    }

    /// One example: a page of the demo and what is on it.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Example {
        name: String,
        /// Its address in the site.
        page: String,
        /// The front page's words for it; none for a page it does not link.
        link: Option<String>,
        /// What a reader clicks first (for the end-to-end tests).
        #[serde(default)]
        #[allow(dead_code, reason = "read by the end-to-end tests")]
        clicks: Vec<String>,
        embeds: Vec<Embed>,
    }

    /// One embed of an example.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Embed {
        /// How the page gives it its article.
        given: Given,
        /// A file of the articles folder (need not exist for a `src` embed: a missing article
        /// is an example too).
        article: String,
        /// The element's other attributes, written before `src`.
        #[serde(default)]
        attributes: BTreeMap<String, String>,
        /// For inline JSON: the article's fields kept, in this order (all, as the file has
        /// them, when absent).
        keep: Option<Vec<String>>,
        /// For inline JSON: how many of the body's blocks are kept (all when absent).
        paragraphs: Option<usize>,
        /// For a snippet: the stylesheet it links (its styles are inline when absent).
        stylesheet: Option<String>,
        /// For `src` and inline JSON: the link the element holds as its fallback, shown before
        /// the widget renders and without JavaScript.
        fallback: Option<FallbackLink>,
        /// What it shows once loaded: "article" or "error" (for the tests).
        #[allow(dead_code, reason = "read by the tests")]
        shows: String,
    }

    /// A link to the article, as a publisher writes one inside the element.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct FallbackLink {
        /// A page of the site, from its root.
        href: String,
        text: String,
    }

    #[derive(Clone, Copy, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Given {
        /// `src="…/articles/ARTICLE"`.
        Src,
        /// The article's JSON in a `<script type="application/json">` child.
        Json,
        /// The article's JSON-LD in a `<script type="application/ld+json">` child.
        JsonLd,
        /// The article as the publisher's own `<article>` markup.
        Markup,
        /// A server-rendered snippet (`src/snippet.rs`).
        Snippet,
        /// Added by the page's own script: no line of the page is its.
        Script,
    }

    struct Arguments {
        catalogue: PathBuf,
        articles: PathBuf,
        site: PathBuf,
    }

    fn parse_arguments(mut arguments: impl Iterator<Item = String>) -> Result<Arguments, String> {
        let mut catalogue = PathBuf::from("demo/examples.json");
        let mut articles = PathBuf::from("demo/articles");
        let mut site = None;
        while let Some(argument) = arguments.next() {
            let mut value = || arguments.next().ok_or(format!("{argument} needs a value"));
            match argument.as_str() {
                "--catalogue" => catalogue = PathBuf::from(value()?),
                "--articles" => articles = PathBuf::from(value()?),
                _ if argument.starts_with('-') => return Err(format!("unknown option {argument}")),
                _ if site.is_none() => site = Some(PathBuf::from(argument)),
                _ => return Err(format!("one SITE only, not also {argument}")),
            }
        }
        let site = site.ok_or("no SITE given")?;
        Ok(Arguments {
            catalogue,
            articles,
            site,
        })
    }

    pub fn main() -> ExitCode {
        let arguments = match parse_arguments(std::env::args().skip(1)) {
            Ok(arguments) => arguments,
            Err(problem) => {
                eprintln!("reader-widget-demo: {problem}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match write_site(&arguments) {
            Ok(()) => ExitCode::SUCCESS,
            Err(problem) => {
                eprintln!("reader-widget-demo: {problem}");
                ExitCode::FAILURE
            }
        }
    }

    fn write_site(arguments: &Arguments) -> Result<(), String> {
        let text = read(&arguments.catalogue)?;
        let catalogue: Catalogue = serde_json::from_str(&text)
            .map_err(|error| format!("{}: {error}", arguments.catalogue.display()))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|error| error.to_string())?;
        for example in &catalogue.examples {
            let path = arguments.site.join(&example.page);
            let page = read(&path)?;
            let written = runtime
                .block_on(fill_page(
                    &page,
                    example,
                    &catalogue.examples,
                    &arguments.articles,
                ))
                .map_err(|problem| format!("{} ({}): {problem}", path.display(), example.name))?;
            if written != page {
                std::fs::write(&path, written)
                    .map_err(|error| format!("{}: {error}", path.display()))?;
            }
        }
        Ok(())
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
    }

    /// `page` with its embed lines and its links line filled.
    pub async fn fill_page(
        page: &str,
        example: &Example,
        examples: &[Example],
        articles: &Path,
    ) -> Result<String, String> {
        let mut embeds = example
            .embeds
            .iter()
            .filter(|embed| embed.given != Given::Script);
        let mut written = String::with_capacity(page.len());
        for line in page.split_inclusive('\n') {
            let indent = line
                .get(..line.len() - line.trim_start().len())
                .unwrap_or_default();
            match line.trim() {
                EMBED_LINE => {
                    let embed = embeds.next().ok_or(format!(
                        "more {EMBED_LINE} lines than the catalogue lists embeds"
                    ))?;
                    let markup = embed_markup(embed, &relative_root(&example.page), articles)
                        .await
                        .map_err(|problem| format!("the embed of {}: {problem}", embed.article))?;
                    written.push_str(&indented(&markup, indent));
                    written.push('\n');
                }
                LINKS_LINE => {
                    written.push_str(&indented(&links(example, examples), indent));
                    written.push('\n');
                }
                _ => written.push_str(line),
            }
        }
        match embeds.next() {
            Some(embed) => Err(format!(
                "the catalogue lists an embed of {} that the page has no {EMBED_LINE} line for",
                embed.article
            )),
            None => Ok(written),
        }
    }

    /// `../` for each folder `page` is in: what goes before an address in the site.
    fn relative_root(page: &str) -> String {
        "../".repeat(page.matches('/').count())
    }

    /// Every line of `text` after `indent`.
    fn indented(text: &str, indent: &str) -> String {
        text.lines()
            .map(|line| format!("{indent}{line}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The front page's list of the linked examples, in the catalogue's order, with its words.
    fn links(from: &Example, examples: &[Example]) -> String {
        let root = relative_root(&from.page);
        let linked: Vec<String> = examples
            .iter()
            .filter_map(|example| {
                let words = example.link.as_deref()?;
                Some(format!("<a href=\"{root}{}\">{words}</a>", example.page))
            })
            .collect();
        format!("{}.", linked.join(" ·\n"))
    }

    async fn embed_markup(embed: &Embed, root: &str, articles: &Path) -> Result<String, String> {
        let attributes: String = embed
            .attributes
            .iter()
            .map(|(name, value)| format!(" {name}={}", quoted(value)))
            .collect();
        let article_text = || read(&articles.join(&embed.article));
        let article_base = format!("{root}articles/");
        let fallback = match &embed.fallback {
            Some(link) => format!(
                "\n  <a href={}>{}</a>\n",
                quoted(&format!("{root}{}", link.href)),
                link.text.replace('&', "&amp;").replace('<', "&lt;")
            ),
            None => String::new(),
        };
        Ok(match embed.given {
            Given::Src => format!(
                "<reader-widget{attributes} src=\"{article_base}{}\">{fallback}</reader-widget>",
                embed.article
            ),
            Given::Json => {
                let article = rebased(&article_text()?, &article_base)?;
                let json = match (&embed.keep, embed.paragraphs) {
                    (None, None) => article,
                    (keep, paragraphs) => shortened(&article, keep.as_deref(), paragraphs)?,
                };
                inline_script(&attributes, "application/json", &json, &fallback)
            }
            Given::JsonLd => inline_script(
                &attributes,
                "application/ld+json",
                &rebased(&article_text()?, &article_base)?,
                &fallback,
            ),
            Given::Markup => {
                let article = snippet::read_article_source(&article_text()?)
                    .map_err(|error| error.to_string())?;
                let markup = one_block_per_line(
                    &snippet::render_article_markup(article, Some(&article_base)).await,
                );
                format!(
                    "<reader-widget{attributes}>\n{}\n</reader-widget>",
                    indented(&markup, "  ")
                )
            }
            Given::Snippet => {
                let article = snippet::read_article_source(&article_text()?)
                    .map_err(|error| error.to_string())?;
                let styles = match &embed.stylesheet {
                    Some(url) => SnippetStyles::Link {
                        url: url.clone(),
                        integrity: false,
                    },
                    None => SnippetStyles::Inline,
                };
                let options = SnippetOptions {
                    styles,
                    base_url: Some(article_base),
                    ..SnippetOptions::default()
                };
                snippet::render_snippet(article, &options).await.html
            }
            Given::Script => String::new(),
        })
    }

    /// The article (JSON or JSON-LD) of `text` with every relative URL of a `src` or `url` field,
    /// the URL fields of both formats, put under `base`, where the article's file is as seen
    /// from the page: an inline article's URLs resolve against the page, a file's against the
    /// file (the front page's inline image was asked for at the site's root, and not found).
    fn rebased(text: &str, base: &str) -> Result<String, String> {
        fn rebase(value: &mut Value, base: &str) {
            match value {
                Value::Object(fields) => {
                    for (name, field) in fields.iter_mut() {
                        match field {
                            Value::String(url) if name == "src" || name == "url" => {
                                let relative = matches!(
                                    url::Url::parse(url),
                                    Err(url::ParseError::RelativeUrlWithoutBase)
                                ) && !url.starts_with(['/', '#', '?']);
                                if relative {
                                    *url = format!("{base}{url}");
                                }
                            }
                            other => rebase(other, base),
                        }
                    }
                }
                Value::Array(items) => items.iter_mut().for_each(|item| rebase(item, base)),
                _ => {}
            }
        }
        let mut article: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        rebase(&mut article, base);
        serde_json::to_string_pretty(&article).map_err(|error| error.to_string())
    }

    /// The server renderer's `<article>` (one line) with each of its blocks on a line of its
    /// own, indented, as a publisher's template writes it: whitespace between blocks, which
    /// the markup reader passes over.
    fn one_block_per_line(article: &str) -> String {
        let mut lines = article.to_owned();
        for end in [
            "</h1>",
            "</h2>",
            "</h3>",
            "</p>",
            "</figure>",
            "</ul>",
            "</ol>",
            "</blockquote>",
        ] {
            lines = lines.replace(&format!("{end}<"), &format!("{end}\n<"));
        }
        let (open, rest) = lines.split_once('>').unwrap_or((&lines, ""));
        let inner = rest.strip_suffix("</article>").unwrap_or(rest);
        format!("{open}>\n{}\n</article>", indented(inner, "  "))
    }

    /// `value` as an attribute value: in single quotes when it holds double ones (a `labels`
    /// attribute's JSON), so that the page reads as a publisher would write it.
    fn quoted(value: &str) -> String {
        let escaped = value.replace('&', "&amp;").replace('<', "&lt;");
        if value.contains('"') && !value.contains('\'') {
            format!("'{escaped}'")
        } else {
            format!("\"{}\"", escaped.replace('"', "&quot;"))
        }
    }

    /// `<reader-widget>` holding `text` in a script of `kind`, then `fallback`; `</` is written
    /// `<\/` (the same JSON), so that no article text can end the script early.
    fn inline_script(attributes: &str, kind: &str, text: &str, fallback: &str) -> String {
        format!(
            "<reader-widget{attributes}>\n  <script type=\"{kind}\">\n{}\n  </script>{}\n</reader-widget>",
            indented(text.trim_end().replace("</", "<\\/").as_str(), "    "),
            fallback.trim_end()
        )
    }

    /// The article of `text` with only the `keep` fields, in that order, and the body's first
    /// `paragraphs` blocks, one per line.
    fn shortened(
        text: &str,
        keep: Option<&[String]>,
        paragraphs: Option<usize>,
    ) -> Result<String, String> {
        let article: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        let fields = article
            .as_object()
            .ok_or("the article is not a JSON object")?;
        let mut lines = Vec::new();
        let names: Vec<&String> = match keep {
            Some(keep) => keep.iter().collect(),
            None => fields.keys().filter(|name| *name != "body").collect(),
        };
        for name in names {
            let value = fields
                .get(name)
                .ok_or(format!("the article has no {name}"))?;
            lines.push(format!("  {}: {value}", Value::from(name.as_str())));
        }
        let body = fields
            .get("body")
            .and_then(Value::as_array)
            .ok_or("the article has no body")?;
        let blocks: Vec<String> = body
            .iter()
            .take(paragraphs.unwrap_or(body.len()))
            .map(|block| format!("    {block}"))
            .collect();
        lines.push(format!("  \"body\": [\n{}\n  ]", blocks.join(",\n")));
        Ok(format!("{{\n{}\n}}", lines.join(",\n")))
    }

    #[cfg(test)]
    mod tests;
}
