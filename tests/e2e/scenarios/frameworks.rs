//! The package in a publisher's app (`examples/publisher-app/`): installed from the packed
//! tarball, built by Vite, and used from a plain page, React 19 (rendered in the browser, and on
//! the server then hydrated) and Vue 3. Each app shows the article, hears the element's events in
//! its own handlers, and removes the element again.

use super::*;

use std::process::Command;
use std::sync::OnceLock;

/// The example app, copied beside the installed package (`installed_project`) and built with
/// `node build.mjs` once per run; Vite, React and Vue come from this repository's own
/// `node_modules` (pinned in package-lock.json), found by Node's walk up the folders.
fn built_app() -> Result<(), String> {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            installed::installed_project()?;
            let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/publisher-app");
            let app = crate::server::npm_project().join("app");
            copy_sources(&example, &app)?;
            let public = app.join("public");
            std::fs::create_dir_all(&public).doing("making the app's public folder")?;
            let seed =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/articles/syria-resolution.json");
            std::fs::copy(seed, public.join("article.json")).doing("copying the article")?;
            let output = Command::new("node")
                .arg("build.mjs")
                .current_dir(&app)
                .output()
                .doing("running node build.mjs")?;
            if output.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "the app's build failed: {}{}",
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                ))
            }
        })
        .clone()
}

/// Copies the example's sources from `from` into a fresh `to`, leaving out what its own
/// `.gitignore` names as built or installed there.
fn copy_sources(from: &Path, to: &Path) -> Outcome {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).doing("making the app's folder")?;
    for entry in std::fs::read_dir(from).doing("reading the example")? {
        let entry = entry.doing("reading the example")?;
        let name = entry.file_name();
        if ["node_modules", "dist", "public", "react-hydrated.html"]
            .iter()
            .any(|left_out| name == *left_out)
        {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_sources(&path, &to.join(&name))?;
        } else {
            std::fs::copy(&path, to.join(&name)).doing("copying the example")?;
        }
    }
    Ok(())
}

pub(super) async fn bundled_by_vite_the_widget_loads_its_files_from_the_build(
    session: &Session,
) -> Outcome {
    built_app()?;
    session.open("npm-project/app/dist/plain.html").await?;
    shows_the_seed(session, 0).await?;
    // The WebAssembly and the module came from Vite's output, copied there by the build.
    let paths = installed::loaded_code(session).await?;
    ensure(
        paths.iter().any(|path| path.ends_with(".wasm"))
            && paths
                .iter()
                .all(|path| path.starts_with("/npm-project/app/dist/assets/")),
        || format!("the page's code came from {paths:?}"),
    )
}

pub(super) async fn in_react_rendered_by_the_client_the_embed_works_and_unmounts_cleanly(
    session: &Session,
) -> Outcome {
    the_app_works_and_unmounts_cleanly(session, "react.html").await
}

pub(super) async fn in_react_rendered_by_the_server_then_hydrated_the_embed_works_and_unmounts_cleanly(
    session: &Session,
) -> Outcome {
    the_app_works_and_unmounts_cleanly(session, "react-hydrated.html").await
}

pub(super) async fn in_vue_the_embed_works_and_unmounts_cleanly(session: &Session) -> Outcome {
    the_app_works_and_unmounts_cleanly(session, "vue.html").await
}

/// In the app's `page`: the article shows, and the app's own handler hears it; a size step
/// clicked by the reader works, and the handler hears that; the app's button removes the element
/// (nothing of it left in the page, nothing reported), and shows a new one that works again.
async fn the_app_works_and_unmounts_cleanly(session: &Session, page: &str) -> Outcome {
    built_app()?;
    session
        .open(&format!("npm-project/app/dist/{page}"))
        .await?;
    // Whatever the page reports as an error from here on.
    session
        .script(
            r#"window.__reported = [];
               const error = console.error;
               console.error = (...args) => { window.__reported.push(args.join(' ')); error(...args); };
               addEventListener('error', (event) => window.__reported.push(String(event.message)));
               addEventListener('unhandledrejection', (event) => window.__reported.push(String(event.reason)));"#,
            vec![],
        )
        .await?;
    let status_says = |text: String| {
        let condition = "return document.querySelector('.status')?.textContent === arguments[0]";
        async move {
            session
                .wait_until(
                    &format!("the app to say {text:?}"),
                    condition,
                    vec![json!(text)],
                )
                .await
        }
    };
    shows_the_seed(session, 0).await?;
    status_says(format!("Showing: {SEED_HEADLINE}")).await?;
    session.choose_size(0, "lg").await?;
    status_says("Text size: lg".to_owned()).await?;

    let toggle = session
        .client
        .find(Locator::Css("main > button"))
        .await
        .doing("finding the app's button")?;
    session
        .script(
            "window.__removed = document.querySelector('reader-widget')",
            vec![],
        )
        .await?;
    session.click(toggle.clone()).await?;
    session
        .wait_until(
            "the app to remove the embed",
            "return document.querySelectorAll('reader-widget').length === 0",
            vec![],
        )
        .await?;
    // The widget let go of the removed element: its shadow root no longer holds the article.
    let left_behind = session
        .script(
            "return [...window.__removed.shadowRoot.children].map((child) => child.localName)",
            vec![],
        )
        .await?;
    ensure(left_behind == json!([]), || {
        format!("the removed element still holds {left_behind}")
    })?;
    session.click(toggle).await?;
    shows_the_seed(session, 0).await?;
    status_says(format!("Showing: {SEED_HEADLINE}")).await?;
    // The reader's choice of size stays theirs, in the new element too.
    let size = session
        .script(
            "return document.querySelector('reader-widget').textSize",
            vec![],
        )
        .await?;
    ensure(size == json!("lg"), || {
        format!("the new embed's size is {size}, not the reader's lg")
    })?;
    let reported = session.script("return window.__reported", vec![]).await?;
    ensure(reported == json!([]), || {
        format!("the page reported {reported}")
    })
}
