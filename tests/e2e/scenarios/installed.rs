//! The package as a publisher installs it: `npm pack` of `dist/` installed into a project of its
//! own, whose plain page loads the widget from `node_modules`, on the page's origin.

use super::*;

use std::process::Command;
use std::sync::OnceLock;

/// Runs `npm` with `arguments` in `folder`; its standard output, or why it failed.
pub(super) fn npm(folder: &Path, arguments: &[&str]) -> Result<String, String> {
    let output = Command::new("npm")
        .args(arguments)
        .current_dir(folder)
        .output()
        .map_err(|error| format!("npm: {error}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "npm {arguments:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The publisher's project (`server::npm_project()`), made once per run: the package packed
/// from `dist/` and installed, a plain page with the two lines, and the seed article.
pub(super) fn installed_project() -> Result<(), String> {
    static MADE: OnceLock<Result<(), String>> = OnceLock::new();
    MADE.get_or_init(|| {
        let project = crate::server::npm_project();
        let dist = crate::server::dist()?;
        let _ = std::fs::remove_dir_all(&project);
        std::fs::create_dir_all(&project).doing("making the project's folder")?;
        std::fs::write(
            project.join("package.json"),
            r#"{ "name": "publisher", "private": true }"#,
        )
        .doing("writing its package.json")?;
        let packed = npm(&project, &["pack", &dist.to_string_lossy(), "--json"])?;
        let packed: Value = serde_json::from_str(&packed).doing("reading npm pack's answer")?;
        let tarball = packed[0]["filename"]
            .as_str()
            .ok_or("npm pack named no tarball")?;
        npm(
            &project,
            &["install", "--offline", "--no-audit", "--no-fund", tarball],
        )?;
        let seed =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/articles/syria-resolution.json");
        std::fs::copy(seed, project.join("article.json")).doing("copying the article")?;
        std::fs::write(
            project.join("index.html"),
            r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A publisher's page</title>
  <script type="module" src="node_modules/reader-widget/reader-widget.js"></script>
</head>
<body>
  <main><reader-widget src="article.json"></reader-widget></main>
</body>
</html>
"#,
        )
        .doing("writing the page")
    })
    .clone()
}

pub(super) async fn the_package_installed_from_npm_works_from_node_modules(
    session: &Session,
) -> Outcome {
    installed_project()?;
    session.open("npm-project/index.html").await?;
    shows_the_seed(session, 0).await?;
    // Everything the widget loaded came from the project's own node_modules.
    let paths = loaded_code(session).await?;
    ensure(
        paths.iter().any(|path| path.ends_with(".wasm"))
            && paths
                .iter()
                .all(|path| path.starts_with("/npm-project/node_modules/reader-widget/")),
        || format!("the widget's files came from {paths:?}"),
    )
}

/// The paths of the scripts and WebAssembly the page has loaded.
pub(super) async fn loaded_code(session: &Session) -> Result<Vec<String>, String> {
    let loaded = session
        .script(
            "return performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => /\\.(js|wasm)$/.test(path));",
            vec![],
        )
        .await?;
    Ok(loaded
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect())
}
