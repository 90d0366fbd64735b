// Defines <reader-widget> and forwards its lifecycle and API to the WebAssembly module, which
// cannot subclass HTMLElement itself; `rust` holds the module's functions. Defined once per page:
// a second copy of the script finds the element already defined and leaves it alone.

// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by
// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):
const EARLY_ARTICLES = Symbol.for("reader-widget:early-articles");
const MOUNT_SELECTOR = ".rw-mount";
const FIRST_PAINT_SELECTOR = "[data-first-paint]";
const CHECKED_SIZE_SELECTOR = ".rw-sizes__input:checked";
const SKIP_LINK_SELECTOR = ".rw-skip-link";
const ARTICLE_SELECTOR = ".rw-article";
const SIZE_CLASSES = { xs: "rw-size-xs", sm: "rw-size-sm", md: "rw-size-md", lg: "rw-size-lg" };
const DEFAULT_SIZE = "md";
// End of the names shared with the Rust.

import { stopSpeaking } from "./speech.js";

/**
 * The loader's early request for the article at `url`, once; undefined when there is none. From
 * then on it is the caller's: `signal` aborting (a timeout, the element removed) aborts it.
 */
export function takeEarlyArticle(url, signal) {
  const early = globalThis[EARLY_ARTICLES];
  const request = early?.get(url);
  early?.delete(url);
  if (!request) return undefined;
  signal?.addEventListener("abort", () => request.controller.abort(), { once: true });
  return request.response;
}

const TIMED_OUT = Symbol("timed out");

/** What `promise` gives, or what `isTimeOut` recognises if `ms` milliseconds pass first. */
export function within(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, TIMED_OUT))]);
}

export function isTimeOut(value) {
  return value === TIMED_OUT;
}

// A fault in the WebAssembly (a panic, which aborts, or memory running out) is a trap that leaves
// the module's state unknown, and so does a JavaScript exception that unwinds through it (every
// call that can throw on what input reaches it is caught in Rust, see src/browser/throwing.rs;
// this is for one that slips through). The first fault is reported once, as one readable line;
// after it nothing here calls into the module again. What each embed shows stays on screen, and
// its size steps and skip links keep working through `followSizeStep` and `followSkipLink`
// below; an element added later is left alone, showing whatever fallback its publisher put in it.
let stopped = false;

function stop(error) {
  if (stopped) return;
  stopped = true;
  console.error(`<reader-widget>: the widget stopped after an internal error (${error}); each embed keeps what it shows.`);
  showHeld();
  stopSpeaking(); // Listen's buttons no longer answer: nothing goes on reading.
  // In each shadow root: `change` does not leave it. The event that met the fault may still be
  // on its way out, and reaches these; a fault in a render that followed a choice came after
  // its event, so each article is given the size of its checked step now.
  for (const element of document.querySelectorAll("reader-widget")) {
    const root = element.shadowRoot;
    if (!root) continue;
    root.addEventListener("click", followSkipLink);
    root.addEventListener("change", followSizeStep);
    const checked = root.querySelector(CHECKED_SIZE_SELECTOR);
    if (checked) showSize(checked);
  }
}

/** Calls `rust[name]`, unless a fault has stopped the module; the fault ends with the call. */
function callRust(rust, name, ...args) {
  if (stopped) return undefined;
  try {
    return rust[name](...args);
  } catch (error) {
    stop(error);
    return undefined;
  }
}

/**
 * The folder of the module's files, whose frames mark its faults: the WebAssembly's, where the
 * release bundles this file with the glue (scripts/package.mjs); unbundled (the tests), this file
 * sits three folders below the glue, in wasm-bindgen's `snippets/<crate>/js/`.
 */
const unbundled = /\/snippets\/[^/]+\/js\/[^/]+$/.test(new URL(import.meta.url).pathname);
const moduleFolder = new URL(unbundled ? "../../.." : ".", import.meta.url).href;

/**
 * Whether an uncaught error or rejection came from the module: its stack's first frame with a
 * URL is in the module's folder (the WebAssembly for a trap, the glue for a throw that crossed
 * it). A page's own listener that throws while the widget dispatches an event has its own frame
 * first, and stays the page's.
 */
function isModuleFault(error) {
  const firstFrame = /(?:https?|file|blob):[^\s)]+/.exec(String(error?.stack ?? ""));
  return firstFrame !== null && firstFrame[0].startsWith(moduleFolder);
}

// Faults in the module's own event listeners and tasks reach the page as uncaught errors, and
// those in promise callbacks (Rust's futures) as unhandled rejections.
addEventListener("error", (event) => {
  if (isModuleFault(event.error)) {
    event.preventDefault();
    stop(event.error);
  }
});
addEventListener("unhandledrejection", (event) => {
  if (isModuleFault(event.reason)) {
    event.preventDefault();
    stop(event.reason);
  }
});

/** After a fault, a skip link still moves focus to its target in the same shadow root. */
function followSkipLink(event) {
  if (event.defaultPrevented) return;
  const link = event.target.closest?.(SKIP_LINK_SELECTOR);
  const target = link?.getRootNode().getElementById(link.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.tabIndex = -1;
  target.focus();
}

/** After a fault, a checked size step still gives its embed's article that step's size class. */
function followSizeStep(event) {
  showSize(event.target);
}

/** Gives the article beside `step`, a checked size step, that step's size class. */
function showSize(step) {
  const article = step.matches?.(CHECKED_SIZE_SELECTOR) && step.getRootNode().querySelector(ARTICLE_SELECTOR);
  if (!article) return;
  article.classList.remove(...Object.values(SIZE_CLASSES));
  article.classList.add(SIZE_CLASSES[step.value]);
}

/**
 * Lazy embeds (`loading="lazy"`) waiting to come within a screen of the viewport, and the one
 * observer that tells when they do; `connect` starts each then.
 */
const waiting = new WeakMap(); // element → connect
const nearViewport =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            const connect = waiting.get(entry.target);
            stopWaiting(entry.target);
            connect?.();
          }
        },
        { rootMargin: "100% 0px" },
      )
    : null;

/**
 * Elements connected with nothing to show, as a framework mounts one before setting its `src` or
 * its children: each waits for a source (`check` looks again), and is connected without one,
 * to report `no-source`, only once the page has loaded and SOURCE_GRACE_MS have passed.
 */
const sourceless = new WeakMap(); // element → check
const SOURCE_GRACE_MS = 1000;

/** Articles given through the `article` property, as JSON text. */
const givenArticles = new WeakMap(); // element → text

/**
 * The JSON text of the article given to `element` through its `article` property, if any. The
 * module calls this without catching: it must not throw, even on a page that broke WeakMap.
 */
export function givenArticle(element) {
  try {
    return givenArticles.get(element);
  } catch {}
}

/** Whether `element` has a `src`, an article property, an inline JSON or JSON-LD child, or an `<article>`. */
const hasSource = (element) =>
  element.getAttribute("src")?.trim() ||
  givenArticles.has(element) ||
  element.querySelector(":scope>script[type$=json],article");

function waitForSource(element, connect) {
  const check = (gaveUp) => {
    if (sourceless.get(element) === check && (gaveUp || hasSource(element))) {
      sourceless.delete(element);
      connectWhenWanted(element, connect, true);
    }
  };
  sourceless.set(element, check);
  const giveUpLater = () => setTimeout(check, SOURCE_GRACE_MS, true);
  if (document.readyState == "complete") giveUpLater();
  else addEventListener("load", giveUpLater, { once: true });
}

function isLazy(element) {
  return element.getAttribute("loading")?.trim().toLowerCase() === "lazy";
}

/**
 * Whether `element` was still waiting (lazy, or for its turn); it waits no longer. True means
 * the module never heard of it, so has nothing to let go of.
 */
function stopWaiting(element) {
  const wasWaiting = waiting.delete(element) | queued.delete(element) | sourceless.delete(element);
  nearViewport?.unobserve(element);
  return Boolean(wasWaiting);
}

/**
 * Elements whose turn to be connected has not come, in order, each with its `connect`. They are
 * connected a few a task (and rendered in that task's microtasks, where Yew's scheduler runs),
 * as many as fit in about 16 ms, so that a page of many embeds never holds the main thread for
 * all of them at once: on a throttled phone, Lighthouse saw 100 snippets taken over in one
 * 2.4 s task before the turns. One a task, a fast machine spent 300 ms more on 100 embeds than in
 * one task (the browser lays the page out between turns), hence a few when they are cheap.
 */
const queue = [];
const queued = new WeakSet();
const TURN_BUDGET_MS = 16;
let perTurn = 1;
let turnScheduled = false;
const nextTask = (() => {
  // A message is a task without a timer's clamping (4 ms after five nested timeouts).
  if (typeof MessageChannel !== "function") return (callback) => setTimeout(callback);
  const channel = new MessageChannel();
  const callbacks = [];
  channel.port1.onmessage = () => callbacks.shift()?.();
  return (callback) => {
    callbacks.push(callback);
    channel.port2.postMessage(null);
  };
})();

function connectInTurn(element, connect) {
  queue.push([element, connect]);
  queued.add(element);
  scheduleTurn();
}

function scheduleTurn() {
  if (turnScheduled || !queue.length) return;
  turnScheduled = true;
  nextTask(connectTurn);
}

function connectTurn() {
  const started = performance.now();
  for (let connected = 0; queue.length && connected < perTurn; ) {
    const [element, connect] = queue.shift();
    if (queued.delete(element)) {
      connect();
      connected++;
    }
  }
  // Yew renders in a microtask queued while connecting, so this one runs after the renders.
  queueMicrotask(() => {
    const spent = performance.now() - started;
    if (spent < TURN_BUDGET_MS / 2) perTurn = Math.min(perTurn * 2, 64);
    else if (spent > TURN_BUDGET_MS) perTurn = Math.max(1, perTurn >> 1);
    // The next embeds to come may cost more (a longer article): they start with one again.
    if (!queue.length) perTurn = 1;
    turnScheduled = false;
    scheduleTurn();
  });
}

/**
 * Embeds whose new content is rendered but not shown yet, each with the events waiting for it to
 * be shown. Articles that arrive together (from the network within one frame, or inline ones
 * connected over several turns) are shown together, in the frame after the last turn: the page
 * around them moves once, not once for each embed, while the work stays in short tasks. The
 * content waits in a `hidden` mount, where it costs no layout, and a box as tall as what the
 * mount showed (a publisher's placeholder while loading, say) stands in for it meanwhile: without
 * it, ten loading embeds with placeholders collapsed while they waited (a layout shift of 1.0 on
 * a throttled phone). The page hears of the new content (ready, error) once it is on screen.
 */
const held = new Map(); // host → [mount, events to dispatch on the host, stand-in]
const SHOW_AT_LATEST_MS = 100;
let showing = null;

/**
 * Keeps what `host` renders next out of sight until the embeds arriving with it are ready. On a
 * page that broke a DOM method this needs, it is shown as it comes: nothing thrown here may reach
 * the module, which calls this without catching.
 */
export function holdUntilTogether(host) {
  try {
    const mount = host.shadowRoot?.querySelector(MOUNT_SELECTOR);
    if (!mount || stopped) return;
    if (!held.has(host)) {
      // The article the entry painted (js/first-paint.js) stays until this shows in its place.
      // Otherwise an empty box as tall as what the mount showed (a loading embed's placeholder,
      // say) keeps its room. Not a copy of the mount: with one (its slot copied too), WebKit's
      // page crashed in 2 of 5 runs of the end-to-end tests, and in none of 5 without.
      let standIn = host.shadowRoot.querySelector(FIRST_PAINT_SELECTOR);
      if (!standIn) {
        standIn = document.createElement("div");
        standIn.style.height = `${mount.getBoundingClientRect().height}px`;
        mount.before(standIn);
      }
      held.set(host, [mount, [], standIn]);
    }
    mount.hidden = true;
    scheduleShowing();
  } catch {
    // Shown at once, as far as the page lets it be.
    try {
      letGo(host);
    } catch {}
  }
}

/**
 * Dispatches `event` on `host` now, or when its held content is shown (in order); not at all once
 * `host` has left the page, whose article is no longer shown.
 */
export function dispatchWhenShown(host, event) {
  if (!host.isConnected) return;
  const waiting = held.get(host);
  if (waiting) waiting[1].push(event);
  else host.dispatchEvent(event);
}

function scheduleShowing() {
  if (showing) return;
  // A frame's callbacks run just before it is painted; the timer is for a page that paints no
  // frames (a tab in the background), whose embeds still say they are ready.
  const show = () => {
    cancelAnimationFrame(showing.frame);
    clearTimeout(showing.timer);
    showing = null;
    // Embeds still waiting for their turn are part of this arrival: wait for them.
    if (queue.length && !stopped) scheduleShowing();
    else showHeld();
  };
  showing = { frame: requestAnimationFrame(show), timer: setTimeout(show, SHOW_AT_LATEST_MS) };
}

function showHeld() {
  const shown = [...held];
  held.clear();
  // Every mount first, then the events: a listener reading the page finds them all shown.
  for (const [, [mount, , standIn]] of shown) reveal(mount, standIn);
  for (const [host, [, events]] of shown) for (const event of events) host.dispatchEvent(event);
}

function reveal(mount, standIn) {
  // Focus in the painted article (on a size step, say) moves to the same place in the app's.
  const focused = standIn.getRootNode().activeElement;
  const path = [];
  for (let node = focused; node && node !== standIn && standIn.contains(node); node = node.parentElement) {
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  mount.hidden = false;
  standIn.remove();
  if (path.length) moveFocus(focused, path.reduce((node, index) => node?.children[index], mount));
}

/** Focuses `target` as `focused` was, which has gone; where the page prevents it, nothing. */
function moveFocus(focused, target) {
  try {
    if (!target) return;
    // A skip link's target takes focus only while it has it, as the app's own skip links do.
    if (focused.getAttribute("tabindex") === "-1" && !target.hasAttribute("tabindex")) {
      target.tabIndex = -1;
      target.addEventListener("blur", () => target.removeAttribute("tabindex"), { once: true });
    }
    target.focus({ preventScroll: true });
  } catch {
    // A page that broke focus() keeps focus where the browser puts it.
  }
}

/**
 * Lets go of `host`'s held content as it leaves the page: its mount goes back to a pool, and the
 * next embed to take it must not start hidden. Its waiting events are dropped: an embed that
 * left before it was shown was never ready, and the page's listeners do not run while it is
 * being removed.
 */
function letGo(host) {
  const entry = held.get(host);
  if (!entry) return;
  held.delete(host);
  const [mount, , standIn] = entry;
  reveal(mount, standIn);
}

/**
 * Connects `element` in its turn, a lazy one once it comes within a screen of the viewport, one
 * without a source once it has one (`sourceWaited`: it has, or waited for one in vain).
 */
function connectWhenWanted(element, connect, sourceWaited) {
  if (!sourceWaited && !hasSource(element)) {
    waitForSource(element, connect);
  } else if (nearViewport && isLazy(element)) {
    waiting.set(element, () => connectInTurn(element, connect));
    nearViewport.observe(element);
  } else {
    connectInTurn(element, connect);
  }
}

export function defineReaderWidget(rust) {
  if (customElements.get("reader-widget")) {
    console.info("<reader-widget> is already defined; this copy of the script stays idle.");
    return false;
  }
  /**
   * `element`'s source may have changed (its `src`, its children, its `article` property): one
   * waiting for a source looks again, one already shown reads it again.
   */
  const sourceChanged = (element) => {
    const check = sourceless.get(element);
    if (check) check();
    else if (!waiting.has(element) && !queued.has(element)) callRust(rust, "attributeChanged", element);
  };
  // Children a framework or a script gives a connected element later are read, as its `src` is.
  const childrenChanged = new MutationObserver((records) => {
    const hosts = new Set();
    for (const { target } of records) {
      hosts.add((target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement)?.closest("reader-widget"));
    }
    for (const host of hosts) if (host) sourceChanged(host);
  });
  customElements.define(
    "reader-widget",
    class extends HTMLElement {
      static get observedAttributes() {
        return ["src", "text-size", "labels", "lang", "loading", "listen"];
      }
      connectedCallback() {
        // A property set before the element was defined is the element's own, hiding the class's
        // (frameworks set them as soon as they create the element): it goes through the class.
        for (const name of ["article", "textSize"]) {
          try {
            if (Object.hasOwn(this, name)) {
              const value = this[name];
              delete this[name];
              this[name] = value;
            }
          } catch {} // A property the page made permanent stays the page's.
        }
        const connect = () => this.isConnected && callRust(rust, "connect", this);
        childrenChanged.observe(this, { childList: true, subtree: true, characterData: true });
        // Inline JSON children are parsed after the element itself; wait for them.
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", () => connectWhenWanted(this, connect), { once: true });
        } else {
          connectWhenWanted(this, connect);
        }
      }
      disconnectedCallback() {
        letGo(this);
        if (!stopWaiting(this)) callRust(rust, "disconnect", this);
      }
      attributeChangedCallback(name, oldValue, newValue) {
        if (oldValue === newValue) return;
        if (name === "loading") {
          // No longer lazy: a waiting element starts now.
          const connect = waiting.get(this);
          if (connect && !isLazy(this)) {
            stopWaiting(this);
            connect();
          }
          return;
        }
        sourceChanged(this);
      }
      /** The text-size step in force: "xs", "sm", "md" or "lg". Setting it is a reader's choice. */
      get textSize() {
        if (stopped) return this.shadowRoot?.querySelector(CHECKED_SIZE_SELECTOR)?.value ?? DEFAULT_SIZE;
        return callRust(rust, "textSize", this);
      }
      set textSize(value) {
        callRust(rust, "setTextSize", this, String(value));
      }
      /** The article as a frozen plain object, or null until it is shown (and after a fault). */
      get article() {
        return callRust(rust, "article", this) ?? null;
      }
      /**
       * Gives the element its article, as an object in the article format or as JSON text, read
       * as inline JSON is (a `src` still comes first); null takes it back.
       */
      set article(value) {
        if (value == null) {
          givenArticles.delete(this);
        } else {
          let text = value;
          try {
            if (typeof value != "string") text = JSON.stringify(value);
          } catch {
            text = ""; // Not JSON (a cycle, a BigInt): shown as malformed.
          }
          givenArticles.set(this, String(text));
        }
        sourceChanged(this);
      }
      /** Loads the article again (fetches src again). */
      reload() {
        callRust(rust, "reload", this);
      }
    },
  );
  return true;
}
