//! The three browser engines, each driven through its WebDriver server: Chromium through
//! chromedriver, Firefox through geckodriver, WebKit through WebKitWebDriver and MiniBrowser,
//! which needs a display and gets its own Xvfb. Every process started here is killed, by its own
//! process id, when its guard is dropped: at the end of an engine's run, on failure too.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};

/// A command of chromedriver's own, beyond WebDriver: a POST of `body` to the session's
/// `path`. `goog/cdp/execute` runs a Chrome DevTools Protocol method: the only way to emulate the
/// reader's system settings (colour scheme, forced colours) through WebDriver, or to empty the
/// browser's cache. `se/log` hands over, and empties, one of the logs chromedriver keeps for a
/// session: `browser` (the console, with every failed load and policy violation Chromium
/// reports there) or `performance` (DevTools Network events, with a session from
/// [`Driver::session_logging_the_network`]).
#[derive(Debug)]
struct ChromedriverCommand {
    path: &'static str,
    body: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromedriverCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Runs the Chrome DevTools Protocol `method` with `params` (Chromium only).
pub async fn devtools(client: &Client, method: &'static str, params: Value) -> Result<(), String> {
    let body = json!({ "cmd": method, "params": params });
    client
        .issue_cmd(ChromedriverCommand {
            path: "goog/cdp/execute",
            body,
        })
        .await
        .map(drop)
        .map_err(|error| format!("{method}: {error}"))
}

/// The entries of Chromium's `kind` log (`browser` or `performance`) since it was last read,
/// each `{level, message, timestamp}` (Chromium only).
#[allow(dead_code)] // The end-to-end tests read the logs; the benchmark and browser fuzzing do not.
pub async fn chromium_log(client: &Client, kind: &'static str) -> Result<Vec<Value>, String> {
    let command = ChromedriverCommand {
        path: "se/log",
        body: json!({ "type": kind }),
    };
    match client.issue_cmd(command).await {
        Ok(Value::Array(entries)) => Ok(entries),
        Ok(other) => Err(format!("the {kind} log is not a list: {other}")),
        Err(error) => Err(format!("reading the {kind} log: {error}")),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// The WebDriver capabilities that start this engine headless (WebKit: on the Xvfb display).
    fn capabilities(self) -> Map<String, Value> {
        let capabilities = match self {
            // The console is kept for the tests that read it (every level: a failed load is an
            // error there, a policy violation too).
            Engine::Chromium => json!({
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--window-size=1280,800"
                    ]
                }
            }),
            Engine::Firefox => json!({
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless", "-width", "1280", "-height", "800"]
                }
            }),
            Engine::Webkit => json!({
                "webkitgtk:browserOptions": {
                    "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    "args": ["--automation"]
                }
            }),
        };
        match capabilities {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

/// A child process killed and reaped when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running WebDriver server for one engine, with its display for WebKit.
pub struct Driver {
    engine: Engine,
    url: String,
    // Dropped after the driver, which needs it.
    _driver: Process,
    _display: Option<Process>,
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free port: {error}"))
}

fn spawn(program: &str, args: &[String], display: Option<&str>) -> Result<Process, String> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    command
        .spawn()
        .map(Process)
        .map_err(|error| format!("could not start {program}: {error}"))
}

/// Waits until something listens on `port`.
fn wait_for_port(port: u16, what: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} did not start listening on port {port}"))
}

/// An X display number no server is using.
fn free_display() -> u32 {
    (99..199)
        .find(|number| {
            !std::path::Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
                && !std::path::Path::new(&format!("/tmp/.X{number}-lock")).exists()
        })
        .unwrap_or(99)
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Driver, String> {
        let port = free_port()?;
        let (display, display_name) = match engine {
            Engine::Webkit => {
                let number = free_display();
                let name = format!(":{number}");
                let xvfb = spawn(
                    "Xvfb",
                    &[
                        name.clone(),
                        "-screen".into(),
                        "0".into(),
                        "1280x1024x24".into(),
                        "-nolisten".into(),
                        "tcp".into(),
                    ],
                    None,
                )?;
                let socket = format!("/tmp/.X11-unix/X{number}");
                let deadline = Instant::now() + Duration::from_secs(10);
                while !std::path::Path::new(&socket).exists() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(50));
                }
                (Some(xvfb), Some(name))
            }
            _ => (None, None),
        };
        let (program, args) = match engine {
            Engine::Chromium => ("chromedriver", vec![format!("--port={port}")]),
            Engine::Firefox => ("geckodriver", vec!["--port".into(), port.to_string()]),
            Engine::Webkit => ("WebKitWebDriver", vec![format!("--port={port}")]),
        };
        let driver = spawn(program, &args, display_name.as_deref())?;
        wait_for_port(port, program)?;
        Ok(Driver {
            engine,
            url: format!("http://127.0.0.1:{port}"),
            _driver: driver,
            _display: display,
        })
    }

    /// A new browser session: a fresh profile, so storage starts empty.
    pub async fn session(&self) -> Result<Client, String> {
        self.session_with_chromium_args(&[]).await
    }

    /// A new Chromium session that also logs the network (DevTools Network events in the
    /// `performance` log): every request's status, and every load that failed, was blocked or
    /// was aborted, whichever server answered it.
    #[allow(dead_code)] // The end-to-end tests' check of `make demo` uses it; the bench does not.
    pub async fn session_logging_the_network(&self) -> Result<Client, String> {
        let mut capabilities = self.engine.capabilities();
        capabilities.insert(
            "goog:loggingPrefs".into(),
            json!({ "browser": "ALL", "performance": "ALL" }),
        );
        if let Some(Value::Object(options)) = capabilities.get_mut("goog:chromeOptions") {
            options.insert(
                "perfLoggingPrefs".into(),
                json!({ "enableNetwork": true, "enablePage": false }),
            );
        }
        self.connect(capabilities).await
    }

    /// A new session whose Chromium also gets `extra_args` (other engines ignore them).
    pub async fn session_with_chromium_args(&self, extra_args: &[&str]) -> Result<Client, String> {
        let mut capabilities = self.engine.capabilities();
        if let Some(Value::Array(args)) = capabilities
            .get_mut("goog:chromeOptions")
            .and_then(|options| options.get_mut("args"))
        {
            args.extend(extra_args.iter().map(|arg| json!(arg)));
        }
        self.connect(capabilities).await
    }

    async fn connect(&self, capabilities: Map<String, Value>) -> Result<Client, String> {
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        builder
            .connect(&self.url)
            .await
            .map_err(|error| format!("could not open a {} session: {error}", self.engine.name()))
    }
}
