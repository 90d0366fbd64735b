//! One browser session on one demo page, and what a scenario does with it: open a page, click
//! and press keys as a reader does (WebDriver actions), and look inside the widgets' shadow
//! roots (WebDriver's shadow-root commands, or a small script where a value is computed).

use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::engines::{devtools, Engine};

/// What a scenario ends with: `Err` says what went wrong.
pub type Outcome = Result<(), String>;

/// Turns any error into a message saying what was being done.
pub trait Context<T> {
    fn doing(self, what: &str) -> Result<T, String>;
}

impl<T, E: std::fmt::Display> Context<T> for Result<T, E> {
    fn doing(self, what: &str) -> Result<T, String> {
        self.map_err(|error| format!("{what}: {error}"))
    }
}

/// Fails with `message` unless `condition` holds.
pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Outcome {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

pub struct Session {
    pub client: Client,
    pub engine: Engine,
    pub pages: String,
    pub assets: String,
    /// Whether Chromium logs this session's network (`performance` log): only where the pages
    /// come from a server the tests do not run, whose requests they cannot see otherwise.
    pub network_logged: bool,
}

impl Session {
    /// Opens a page of the page origin, e.g. `index.html` or `pages/errors.html?async`.
    pub async fn open(&self, path: &str) -> Outcome {
        self.client
            .goto(&format!("{}/{path}", self.pages))
            .await
            .doing(&format!("opening {path}"))
    }

    /// Runs `body` as a function in the page and returns its result.
    pub async fn script(&self, body: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(body, args)
            .await
            .doing("running a script")
    }

    /// Runs `body` with `root` bound to the shadow root of the `index`-th embed (null if none).
    pub async fn in_embed(&self, index: usize, body: &str) -> Result<Value, String> {
        let script = format!(
            "const root = document.querySelectorAll('reader-widget')[arguments[0]]?.shadowRoot ?? null;\n{body}"
        );
        self.script(&script, vec![json!(index)]).await
    }

    /// Polls `condition` (a script returning a truthy value when met) for up to ten seconds.
    pub async fn wait_until(&self, what: &str, condition: &str, args: Vec<Value>) -> Outcome {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let value = self.script(condition, args.clone()).await?;
            let met = match &value {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if met {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what}"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the `index`-th embed shows its article in the app's mount (rendered, and no
    /// longer held back to appear with the embeds arriving with it), not only as the entry
    /// painted it before the WebAssembly came.
    pub async fn wait_for_article(&self, index: usize) -> Outcome {
        self.wait_until(
            &format!("embed {index} to show its article"),
            "return document.querySelectorAll('reader-widget')[arguments[0]]?.shadowRoot?.querySelector('.rw-mount .rw-article__paragraph')?.offsetHeight > 0",
            vec![json!(index)],
        )
        .await
    }

    /// Waits until the `index`-th embed shows an error message.
    pub async fn wait_for_error(&self, index: usize) -> Outcome {
        self.wait_until(
            &format!("embed {index} to show its error"),
            "return document.querySelectorAll('reader-widget')[arguments[0]]?.shadowRoot?.querySelector('.rw-status--error')?.textContent",
            vec![json!(index)],
        )
        .await
    }

    /// Scrolls the `index`-th embed into view, as a reader does (a lazy embed starts then).
    pub async fn scroll_to_embed(&self, index: usize) -> Outcome {
        self.script(
            "document.querySelectorAll('reader-widget')[arguments[0]].scrollIntoView()",
            vec![json!(index)],
        )
        .await
        .map(|_| ())
    }

    /// The number of `<reader-widget>` elements on the page.
    pub async fn embed_count(&self) -> Result<usize, String> {
        let count = self
            .script(
                "return document.querySelectorAll('reader-widget').length",
                vec![],
            )
            .await?;
        Ok(count.as_u64().unwrap_or(0) as usize)
    }

    /// The `index`-th embed, `<reader-widget>` itself.
    pub async fn embed(&self, index: usize) -> Result<Element, String> {
        let mut hosts = self
            .client
            .find_all(Locator::Css("reader-widget"))
            .await
            .doing("finding the embeds")?;
        if index < hosts.len() {
            Ok(hosts.swap_remove(index))
        } else {
            Err(format!("there is no embed number {index}"))
        }
    }

    /// An element inside the `index`-th embed's shadow root.
    pub async fn find_in_embed(&self, index: usize, selector: &str) -> Result<Element, String> {
        let host = self.embed(index).await?;
        let root = host.shadow_root().await.doing("opening the shadow root")?;
        root.find(Locator::Css(selector))
            .await
            .doing(&format!("finding {selector} in embed {index}"))
    }

    /// Clicks the centre of `element` with the mouse, as a reader does.
    pub async fn click(&self, element: Element) -> Outcome {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await.doing("clicking")?;
        self.client
            .release_actions()
            .await
            .doing("releasing the mouse")
    }

    /// Clicks the text-size step `code` (`xs` … `lg`) of the `index`-th embed and waits for its
    /// article to take that size.
    pub async fn choose_size(&self, index: usize, code: &str) -> Outcome {
        let step = self
            .find_in_embed(index, &format!("input[value='{code}']"))
            .await?;
        self.click(step).await?;
        self.wait_until(
            &format!("embed {index} to show {code}"),
            "return !!document.querySelectorAll('reader-widget')[arguments[0]]?.shadowRoot?.querySelector('.rw-article.rw-size-' + arguments[1])",
            vec![json!(index), json!(code)],
        )
        .await
    }

    /// Presses and releases `key` on the keyboard.
    pub async fn press(&self, key: Key) -> Outcome {
        let value: char = key.into();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client
            .perform_actions(keys)
            .await
            .doing("pressing a key")?;
        self.client
            .release_actions()
            .await
            .doing("releasing the key")
    }

    /// The element that has focus, looked up through shadow roots: its tag, id, class, text,
    /// value, size on screen and whether it is inside a widget.
    pub async fn focused(&self) -> Result<Value, String> {
        self.script(
            r#"let element = document.activeElement;
               while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
               if (!element) return null;
               const box = element.getBoundingClientRect();
               return {
                 tag: element.tagName.toLowerCase(), id: element.id, class: element.className,
                 text: element.textContent.trim(), value: element.value ?? null,
                 width: box.width, height: box.height,
                 insideWidget: element.getRootNode() instanceof ShadowRoot,
               };"#,
            vec![],
        )
        .await
    }

    /// The computed font size, in CSS pixels, of the first body paragraph of embed `index`.
    pub async fn paragraph_px(&self, index: usize) -> Result<f64, String> {
        self.in_embed(
            index,
            "return parseFloat(getComputedStyle(root.querySelector('.rw-article__paragraph')).fontSize);",
        )
        .await?
        .as_f64()
        .ok_or_else(|| format!("embed {index} has no paragraph"))
    }

    /// The reader's default font size in this browser: what MD must equal.
    pub async fn medium_px(&self) -> Result<f64, String> {
        self.script(
            r#"const probe = document.createElement('div');
               probe.style.fontSize = 'medium';
               document.body.append(probe);
               const size = parseFloat(getComputedStyle(probe).fontSize);
               probe.remove();
               return size;"#,
            vec![],
        )
        .await?
        .as_f64()
        .ok_or_else(|| "no default font size".to_owned())
    }

    /// The checked step of embed `index`.
    pub async fn checked_step(&self, index: usize) -> Result<Option<String>, String> {
        Ok(self
            .in_embed(
                index,
                "return root?.querySelector('input:checked')?.value ?? null;",
            )
            .await?
            .as_str()
            .map(str::to_owned))
    }

    /// Emulates the reader's system media features in Chromium, e.g.
    /// `[{"name": "prefers-color-scheme", "value": "dark"}]`.
    pub async fn emulate_media(&self, features: Value) -> Outcome {
        devtools(
            &self.client,
            "Emulation.setEmulatedMedia",
            json!({ "features": features }),
        )
        .await
        .doing("emulating media features")
    }

    /// Runs `inside` (made with this session) in the page's first frame, then comes back to the
    /// page, whatever `inside` gave.
    pub async fn in_first_frame<T>(
        &self,
        inside: impl std::future::Future<Output = Result<T, String>>,
    ) -> Result<T, String> {
        self.client
            .enter_frame(0)
            .await
            .doing("entering the page's frame")?;
        let outcome = inside.await;
        self.client
            .enter_parent_frame()
            .await
            .doing("leaving the frame")?;
        outcome
    }

    /// Lets two animation frames pass, so a screenshot shows the latest rendering.
    pub async fn settle_frames(&self) -> Outcome {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .doing("waiting for two frames")
            .map(drop)
    }
}
