//! The demo page writer's own tests: embed lines filled from the catalogue, inline articles
//! shortened and their URLs rebased, the links line.

use super::*;

fn example(page: &str, embeds: &str) -> Example {
    serde_json::from_str(&format!(
        r#"{{"name": "test", "page": "{page}", "link": "the test", "embeds": {embeds}}}"#
    ))
    .expect("a test example")
}

fn fill(page: &str, example: &Example) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/articles");
    runtime.block_on(fill_page(
        page,
        example,
        std::slice::from_ref(example),
        &articles,
    ))
}

const ONE_SRC: &str =
    r#"[{"given": "src", "article": "a.json", "attributes": {"id": "x"}, "shows": "article"}]"#;

#[test]
fn an_embed_line_becomes_the_embed_the_catalogue_lists_at_its_indent() {
    let page = "<main>\n    <!-- example embed -->\n</main>\n";
    assert_eq!(
        fill(page, &example("pages/p.html", ONE_SRC)),
        Ok("<main>\n    <reader-widget id=\"x\" src=\"../articles/a.json\"></reader-widget>\n</main>\n".into())
    );
}

#[test]
fn a_page_with_more_or_fewer_embed_lines_than_the_catalogue_is_refused() {
    let too_many = "<!-- example embed -->\n<!-- example embed -->\n";
    let too_few = "<main></main>\n";
    for page in [too_many, too_few] {
        let problem = fill(page, &example("pages/p.html", ONE_SRC));
        assert!(problem.is_err(), "{page:?} gave {problem:?}");
    }
}

#[test]
fn an_inline_articles_relative_urls_are_put_under_the_articles_folder() {
    let article = r##"{"image": {"src": "photo.svg"}, "source": {"url": "https://voa.example/"},
        "url": "/2013/syria", "mainEntityOfPage": {"url": "#top"}, "body": [{"src": "a/b.png"}]}"##;
    let rebased: Value = serde_json::from_str(&rebased(article, "../articles/").unwrap()).unwrap();
    assert_eq!(rebased["image"]["src"], "../articles/photo.svg");
    assert_eq!(rebased["body"][0]["src"], "../articles/a/b.png");
    assert_eq!(rebased["source"]["url"], "https://voa.example/");
    assert_eq!(rebased["url"], "/2013/syria");
    assert_eq!(rebased["mainEntityOfPage"]["url"], "#top");
}

#[test]
fn inline_json_keeps_the_fields_and_blocks_asked_for_and_cannot_end_its_script() {
    let embeds = r#"[{"given": "json", "article": "syria-resolution.json",
        "keep": ["lang", "headline"], "paragraphs": 1, "shows": "article"}]"#;
    let written =
        fill("<!-- example embed -->\n", &example("index.html", embeds)).expect("the seed article");
    let start = written.find("{").expect("the JSON");
    let end = written.rfind("}").expect("its end");
    let json: Value = serde_json::from_str(&written[start..=end]).expect("JSON");
    assert_eq!(json.as_object().map(|fields| fields.len()), Some(3));
    assert_eq!(json["lang"], "en");
    assert_eq!(json["body"].as_array().map(Vec::len), Some(1));
    assert!(
        inline_script("", "application/json", r#"{"a": "</script>"}"#, "")
            .contains(r#"<\/script>"#)
    );
}

#[test]
fn the_links_line_lists_the_linked_examples_from_where_the_page_is() {
    let page = "<p>\n  <!-- example links -->\n</p>\n";
    assert_eq!(
        fill(page, &example("pages/p.html", "[]")),
        Ok("<p>\n  <a href=\"../pages/p.html\">the test</a>.\n</p>\n".into())
    );
}
