//! WordPress, as a post embeds an article: the oEmbed answer of `reader-widget-snippet serve`
//! run through WordPress's own filter (`tests/wordpress/filter.php`, Debian's package under
//! php-cli), in a post with WordPress's own embed script, framing the server's embed page.

use super::*;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// A short article, whose embed page is under WordPress's 1000 px at every size, so that the
/// frame's height can follow the size steps.
const SHORT_ARTICLE: &str = r#"{"headline": "Talks on the Syria resolution resume", "lang": "en",
  "byline": "VOA News", "body": [
    {"type": "paragraph", "text": "Diplomats met again on Friday to discuss the draft resolution, after talks broke off earlier in the week without agreement on its wording."},
    {"type": "paragraph", "text": "Both sides said the meeting was useful, and that they would continue to work on the text over the weekend."}
  ]}"#;

/// GETs `path` from the server at `address`; the body.
fn get(address: &str, path: &str) -> Result<String, String> {
    let mut stream = TcpStream::connect(address).doing("connecting to the snippet server")?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .doing("asking the snippet server")?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .doing("reading the snippet server's answer")?;
    let (head, body) = answer
        .split_once("\r\n\r\n")
        .ok_or("an answer without a body")?;
    ensure(head.starts_with("HTTP/1.1 200"), || {
        format!("{path}: {head}\n{body}")
    })?;
    Ok(body.to_owned())
}

/// The post (`server::wordpress_post()`), written once per run: the snippet server is asked
/// for the short article's oEmbed answer and embed page (its embed pages published where the
/// test server serves the post's folder), WordPress's filter keeps what it keeps of the answer,
/// and the post holds that and WordPress's embed script.
fn wordpress_post(session: &Session) -> Outcome {
    static WRITTEN: OnceLock<Result<(), String>> = OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            let folder = crate::server::wordpress_post();
            let _ = std::fs::remove_dir_all(&folder);
            for sub in ["articles", "embed"] {
                std::fs::create_dir_all(folder.join(sub)).doing("making the post's folders")?;
            }
            std::fs::write(folder.join("articles/short.json"), SHORT_ARTICLE)
                .doing("writing the article")?;
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|listener| listener.local_addr())
                .doing("finding a free port")?
                .port();
            let address = format!("127.0.0.1:{port}");
            let public_url = format!("http://{address}/articles/");
            let mut server = Command::new(env!("CARGO_BIN_EXE_reader-widget-snippet"))
                .args(["serve", "--address", &address, "--public-url", &public_url])
                .arg("--articles")
                .arg(folder.join("articles"))
                .args(["--script", &format!("{}/reader-widget.js", session.assets)])
                .args(["--embed-url", &format!("{}/cms/wordpress/embed/", session.pages)])
                .stderr(Stdio::null())
                .spawn()
                .doing("starting the snippet server")?;
            let asked = (|| {
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while TcpStream::connect(&address).is_err() {
                    ensure(std::time::Instant::now() < deadline, || {
                        "the snippet server did not listen".into()
                    })?;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                let answer = get(
                    &address,
                    &format!("/oembed?url=http%3A%2F%2F{address}%2Farticles%2Fshort.json&maxwidth=600"),
                )?;
                let page = get(&address, "/embed/short.json")?;
                Ok::<_, String>((answer, page))
            })();
            let _ = server.kill();
            let _ = server.wait();
            let (answer, page) = asked?;
            std::fs::write(folder.join("embed/short.json"), page).doing("writing the embed page")?;

            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let wordpress = root.join("target/wordpress/usr/share/wordpress");
            let mut php = Command::new("php")
                .arg(root.join("tests/wordpress/filter.php"))
                .arg(&wordpress)
                .arg(format!("{public_url}short.json"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .doing("running WordPress's filter under php (scripts/install-tools.sh installs it)")?;
            php.stdin
                .take()
                .ok_or("no stdin for php")?
                .write_all(answer.as_bytes())
                .doing("giving php the answer")?;
            let output = php.wait_with_output().doing("running php")?;
            let kept = String::from_utf8_lossy(&output.stdout).into_owned();
            ensure(output.status.success() && kept.contains("<iframe"), || {
                format!(
                    "WordPress kept {kept:?} of {answer}: {}",
                    String::from_utf8_lossy(&output.stderr)
                )
            })?;
            std::fs::copy(
                wordpress.join("wp-includes/js/wp-embed.js"),
                folder.join("wp-embed.js"),
            )
            .doing("copying WordPress's embed script")?;
            std::fs::write(
                folder.join("post.html"),
                format!(
                    r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title></head>
<body><main><h1>A post with an embed</h1>
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{kept}</div></figure>
</main><script src="wp-embed.js"></script></body></html>"#
                ),
            )
            .doing("writing the post")
        })
        .clone()
}

pub(super) async fn wordpress_keeps_the_oembed_answer_and_its_embed_script_sizes_the_frame(
    session: &Session,
) -> Outcome {
    wordpress_post(session)?;
    session.open("cms/wordpress/post.html").await?;
    let medium = framed_page_height_at(session, "md").await?;
    session
        .wait_until(
            "WordPress's embed script to give the frame the page's height",
            "const frame = document.querySelector('iframe'); return !frame.hasAttribute('style') && Number(frame.height) === arguments[0];",
            vec![medium.clone()],
        )
        .await
        .map_err(|reason| format!("{reason}; the page is {medium} tall"))?;
    let blockquote_shown = session
        .script(
            "return getComputedStyle(document.querySelector('blockquote')).display !== 'none'",
            vec![],
        )
        .await?;
    ensure(blockquote_shown == false, || {
        "the blockquote still shows beside the frame".into()
    })?;
    let large = framed_page_height_at(session, "lg").await?;
    ensure(
        large.as_f64().unwrap_or(0.0) > medium.as_f64().unwrap_or(0.0) * 1.1,
        || format!("at LG the page is {large} tall, at MD {medium}"),
    )?;
    session
        .wait_until(
            "the frame to follow the page to LG",
            "return Number(document.querySelector('iframe').height) === arguments[0];",
            vec![large.clone()],
        )
        .await
        .map_err(|reason| format!("{reason}; the page is {large} tall"))
}
