// first-paint.js: an embed's article from a JSON `src`, painted by the entry as static markup as
// soon as its response arrives, before the WebAssembly (and without it, if it never comes). The
// WebAssembly takes the painted embed over when it starts (src/browser/element.rs).
// The markup is the Yew view's for a ready article with English labels (src/components/), and
// tests/first_paint.rs proves the two equal over every fixture article, the fuzz corpus and a
// table of hostile strings, so a change to either alone fails. What the painter cannot paint as
// the view would (another language, Listen, a publisher's labels, JSON-LD, an article
// the widget refuses) it declines, and the WebAssembly paints it, as it always has.
// Built with createElement and textContent only: nothing is parsed as HTML, so a page enforcing
// Trusted Types has nothing to refuse. The size steps work before the WebAssembly by the
// stylesheet's `:has()` rules alone, as a server-rendered snippet's do.
// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by
// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):
const FIRST_PAINT_ATTRIBUTE = "data-first-paint";
const STORAGE_KEY = "reader-widget:text-size";
const SIZE_CLASSES = { xs: "rw-size-xs", sm: "rw-size-sm", md: "rw-size-md", lg: "rw-size-lg" };
const SIZE_LABELS = { xs: "XS", sm: "SM", md: "MD", lg: "LG" };
const DEFAULT_SIZE = "md";
const ENGLISH_LABELS = { lang: "en", skipToArticle: "Skip to article text", skipPastArticle: "Skip past this article", textSize: "Text size", sizeDescriptions: ["extra small text", "small text", "medium text", "large text"], separator: ", ", imageCredit: "Image:" };
const MAX_ARTICLE_BYTES = 2097152;
const MAX_BLOCKS = 5000;
const MAX_HEADLINE_CHARS = 1000;
const MAX_TEXT_CHARS = 100000;
// End of the names shared with the Rust.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_MS = 86_400_000;
// Rust's `str::trim`: Unicode White_Space, which is not JavaScript's (that adds U+FEFF and lacks
// U+0085).
const EDGE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

const trim = (text) => text.replace(EDGE_SPACE, "");
const isBlank = (text) => trim(text) === "";
/** An optional text trimmed, or undefined where it is absent or blank. */
const trimmedText = (text) => (text === undefined || isBlank(text) ? undefined : trim(text));
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
// `null` reads as absent, as a missing member does (src/json.rs).
const present = (object, key) => hasOwn(object, key) && object[key] !== null;
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const asciiLower = (text) => text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
const utf8Length = (text) => new TextEncoder().encode(text).length;

/** Thrown inside the reader for anything it declines; never escapes it. */
const DECLINE = Symbol("declined");
const decline = () => {
  throw DECLINE;
};

/** The string member `key` of `object`, `fallback` when absent; declines on any other type. */
function text(object, key, fallback) {
  if (!present(object, key)) return fallback;
  const value = object[key];
  if (typeof value !== "string" || LONE_SURROGATE.test(value)) decline();
  return value;
}

/** The characters of `value` (Rust's `chars().count()`), over `limit` or not. */
function tooLong(value, limit) {
  if (value === undefined || value.length <= limit) return false;
  let pairs = 0;
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    if (unit >= 0xd800 && unit < 0xdc00) pairs++;
  }
  return value.length - pairs > limit;
}

/** A number of pixels from article data (`pixels` in src/article.rs). */
function pixels(value) {
  return Number.isFinite(value) && value >= 1 && value <= 100_000 ? String(Math.round(value)) : undefined;
}

/** The article as src/read/mod.rs reads it, then checked as src/article.rs checks it. */
function readArticle(root) {
  if (!isObject(root) || ["@context", "@graph", "@type", "labels"].some((key) => present(root, key))) decline();
  const member = (object, key) => {
    if (!present(object, key)) return undefined;
    if (!isObject(object[key])) decline();
    return object[key];
  };
  const source = member(root, "source");
  const image = member(root, "image");
  const number = (key) => {
    if (!present(image, key)) return undefined;
    if (typeof image[key] !== "number") decline();
    return pixels(image[key]);
  };
  if (present(root, "body") && !Array.isArray(root.body)) decline();
  const article = {
    headline: text(root, "headline", ""),
    standfirst: text(root, "standfirst"),
    byline: text(root, "byline"),
    source: source && { name: text(source, "name", ""), url: text(source, "url") },
    published: text(root, "published"),
    lang: text(root, "lang"),
    url: text(root, "url"),
    image: image && {
      src: text(image, "src", ""),
      alt: text(image, "alt", ""),
      caption: text(image, "caption"),
      credit: text(image, "credit"),
      width: number("width"),
      height: number("height"),
    },
    body: (present(root, "body") ? root.body : []).map(readBlock),
  };
  if (isBlank(article.headline) || tooLong(article.headline, MAX_HEADLINE_CHARS)) decline();
  if (article.body.length > MAX_BLOCKS) decline();
  const texts = [
    article.standfirst,
    article.byline,
    article.image?.caption,
    article.image?.alt,
    article.image?.credit,
    article.source?.name,
    ...article.body.flatMap((block) => block.texts),
  ];
  if (texts.some((value) => tooLong(value, MAX_TEXT_CHARS))) decline();
  article.body = article.body.filter((block) => block.renderable);
  if (!article.body.length) decline();
  return article;
}

/** One body block, with the texts its check counts and whether it shows anything. */
function readBlock(block) {
  if (!isObject(block)) decline();
  const type = text(block, "type", "");
  if (type === "paragraph" || type === "subheading" || type === "quote") {
    const value = text(block, "text", "");
    const cite = type === "quote" ? text(block, "cite") : undefined;
    return { type, text: value, cite, texts: [value, cite], renderable: !isBlank(value) };
  }
  if (type === "list") {
    if (present(block, "ordered") && typeof block.ordered !== "boolean") decline();
    if (present(block, "items") && !Array.isArray(block.items)) decline();
    const items = block.items ?? [];
    if (items.some((item) => typeof item !== "string" || LONE_SURROGATE.test(item))) decline();
    return { type, ordered: block.ordered === true, items, texts: items, renderable: items.some((item) => !isBlank(item)) };
  }
  return { type: "unknown", texts: [], renderable: false };
}

/** Whether `url` may become a link (`is_safe_link` in src/article.rs). */
function isSafeLink(url) {
  const trimmed = trim(url);
  if (!trimmed) return false;
  const at = trimmed.search(/[:/?#]/);
  if (at < 0 || trimmed[at] !== ":") return true;
  const scheme = asciiLower(trimmed.slice(0, at));
  return scheme === "https" || scheme === "http";
}

/** `url` resolved against `base`, or undefined where it may not be a link or does not parse. */
function resolve(url, base) {
  if (url === undefined || !isSafeLink(url)) return undefined;
  try {
    return new URL(trim(url), base).href;
  } catch {
    return undefined;
  }
}

/** `value`'s calendar date (`CalendarDate::parse` in src/article.rs), or undefined. */
function calendarDate(value) {
  const date = trim(value).slice(0, 10);
  if (date.length < 10 || /[^\x00-\x7f]/.test(date)) return undefined;
  const [year, month, day] = date.split("-");
  // Rust's integer parse takes one leading `+`.
  const whole = (part, length) => (part?.length === length && /^\+?[0-9]+$/.test(part) ? Number(part) : NaN);
  const [y, m, d] = [whole(year, 4), whole(month, 2), whole(day, 2)];
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1)) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days ? { year: y, month: m, day: d } : undefined;
}

/**
 * `date` in `lang`'s long style as the browser's `Intl` writes it (the widget's
 * `throwing::long_date`), or undefined where `Intl` refuses the tag.
 */
export function longDate(date, lang) {
  try {
    const utc = Date.UTC(date.year, date.month - 1) + (date.day - 1) * DAY_MS;
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(utc));
  } catch {
    return undefined;
  }
}

/**
 * Whether a language tag is English: its primary subtag absent, blank or `en`. The painter has
 * only English labels, and paints nothing else, not even a language the widget does not speak
 * (for which the widget's labels are English too), to keep its rules few.
 */
function speaksEnglish(tag) {
  const primary = trim(tag ?? "").split(/[-_]/)[0];
  return primary === "" || asciiLower(primary) === "en";
}

/**
 * The view of the article in `json` as a tree, `[tag, [[name, value]…], ...children]` (a string
 * child is text; `true` is an attribute without a value), or null where the painter declines. `options`: `base`, the URL relative links
 * resolve against; `contextLang`, the element's or page's language; `size`, the checked step's
 * code; `prefix`, what the embed's ids start with; `longDate(date, lang)`, the platform's dates
 * (undefined for English day-month-year).
 */
export function articleTree(json, { base, contextLang, size, prefix, longDate: dates }) {
  try {
    const unmarked = json.startsWith("\ufeff") ? json.slice(1) : json;
    if (unmarked.length > MAX_ARTICLE_BYTES || utf8Length(unmarked) > MAX_ARTICLE_BYTES) return null;
    let root;
    try {
      root = JSON.parse(unmarked);
    } catch {
      return null;
    }
    const article = readArticle(root);
    if (!speaksEnglish(article.lang ?? contextLang)) return null;
    const lang = trimmedText(article.lang);
    // Only an English tag reaches here: a script subtag is all that could make it right-to-left.
    const script = lang?.split(/[-_]/)[1];
    if (script !== undefined && utf8Length(script) === 4 && asciiLower(script) !== "latn") return null;
    return view(article, { base, size, prefix, dates, lang });
  } catch (error) {
    if (error === DECLINE) return null;
    throw error;
  }
}

function view(article, { base, size, prefix, dates, lang }) {
  const labels = ENGLISH_LABELS;
  const bodyId = `${prefix}-body`;
  const endId = `${prefix}-end`;
  const skipLinks = [
    "div",
    [["part", "skip-links"], ["class", "rw-skip-links"]],
    ["a", [["part", "skip-link"], ["href", `#${bodyId}`], ["class", "rw-skip-link"]], labels.skipToArticle],
    ["a", [["part", "skip-link"], ["href", `#${endId}`], ["class", "rw-skip-link"]], labels.skipPastArticle],
  ];
  const steps = Object.keys(SIZE_CLASSES).map((code, index) => [
    "label",
    [["class", "rw-sizes__step"]],
    [
      "input",
      [
        ["value", code],
        ...(code === size ? [["checked", true]] : []),
        ["type", "radio"],
        ["name", `${prefix}-size`],
        ["class", "rw-sizes__input"],
      ],
    ],
    [
      "span",
      [["part", "size-step"], ["class", "rw-sizes__label"]],
      SIZE_LABELS[code],
      ["span", [["class", "rw-visually-hidden"]], labels.separator, labels.sizeDescriptions[index]],
    ],
  ]);
  const sizes = [
    "fieldset",
    [["part", "size-control"], ["class", "rw-sizes"]],
    ["legend", [["class", "rw-sizes__legend"]], labels.textSize],
    ["div", [["class", "rw-sizes__steps"]], ...steps],
  ];
  const header = [
    "header",
    [["part", "header"], ["class", "rw-article__header"]],
    ["h2", [["part", "headline"], ["class", "rw-article__headline"]], article.headline],
    ...(trimmedText(article.standfirst) !== undefined
      ? [["p", [["class", "rw-article__standfirst"]], article.standfirst]]
      : []),
    ...metaLine(article, labels, dates, base),
  ];
  const src = article.image && resolve(article.image.src, base);
  const articleAttributes = [
    ["class", `rw-article ${SIZE_CLASSES[size]}`],
    ["part", "article"],
    ...(lang === undefined ? [] : [["lang", lang], ["dir", "ltr"]]),
  ];
  const body = ["div", [["part", "body"], ["id", bodyId], ["class", "rw-article__body"]], ...article.body.map(block)];
  return [
    "div",
    [["lang", labels.lang], ["dir", "ltr"], ["class", "rw"]],
    skipLinks,
    sizes,
    ["article", articleAttributes, header, ...(src ? [figure(article.image, src, labels)] : []), body],
    ["div", [["id", endId], ["class", "rw-end"]]],
  ];
}

/** Byline, source and date, as `meta_line` in src/components/article_view.rs: a list of none or one. */
function metaLine(article, labels, dates, base) {
  const byline = trimmedText(article.byline);
  const source =
    article.source && !isBlank(article.source.name) && byline !== trim(article.source.name) ? article.source : undefined;
  const date = article.published === undefined ? undefined : calendarDate(article.published);
  if (byline === undefined && !source && !date) return [];
  const parts = [];
  if (byline !== undefined) parts.push(["span", [["class", "rw-article__byline"]], byline]);
  if (source) {
    const url = resolve(source.url, base);
    const name = url ? ["a", [["href", url], ["rel", "noopener noreferrer"]], source.name] : source.name;
    parts.push(["span", [["class", "rw-article__source"]], name]);
  }
  if (date) {
    const written = dates?.(date, article.lang ?? labels.lang) ?? `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
    parts.push(["time", [["datetime", trim(article.published)], ["class", "rw-article__date"]], written]);
  }
  return [["p", [["part", "byline"], ["class", "rw-article__meta"]], ...parts]];
}

/** The lead figure, its `src` resolved. */
function figure(image, src, labels) {
  const caption = trimmedText(image.caption);
  const credit = trimmedText(image.credit);
  const sized = image.width !== undefined && image.height !== undefined;
  const img = [
    "img",
    [
      ["src", src],
      ["alt", image.alt],
      ...(sized ? [["width", image.width], ["height", image.height]] : []),
      ["decoding", "async"],
      ["class", "rw-article__image"],
    ],
  ];
  const captionParts = [
    ...(caption === undefined ? [] : [["bdi", [], caption], " "]),
    ...(credit === undefined ? [] : [["span", [["class", "rw-article__credit"]], labels.imageCredit, " ", ["bdi", [], credit]]]),
  ];
  const figcaption = captionParts.length
    ? [["figcaption", [["part", "caption"], ["class", "rw-article__caption"]], ...captionParts]]
    : [];
  return ["figure", [["part", "figure"], ["class", "rw-article__figure"]], img, ...figcaption];
}

function block(block) {
  switch (block.type) {
    case "paragraph":
      return ["p", [["class", "rw-article__paragraph"]], block.text];
    case "subheading":
      return ["h3", [["class", "rw-article__subheading"]], block.text];
    case "quote":
      return [
        "blockquote",
        [["class", "rw-article__quote"]],
        ["p", [], block.text],
        ...(trimmedText(block.cite) === undefined
          ? []
          : [["p", [["class", "rw-article__quote-source"]], "— ", block.cite]]),
      ];
    default:
      return [
        block.ordered ? "ol" : "ul",
        [["class", "rw-article__list"]],
        ...block.items.filter((item) => !isBlank(item)).map((item) => ["li", [], item]),
      ];
  }
}

/** The step an embed first shows: the reader's stored choice, else its `text-size`, else MD. */
function initialSize(element) {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (a sandboxed frame, a privacy mode): no stored choice.
  }
  const asked = element.getAttribute("text-size")?.trim().toLowerCase();
  return [stored, asked].find((code) => hasOwn(SIZE_CLASSES, code ?? "")) ?? DEFAULT_SIZE;
}

/** The DOM of a tree from `articleTree`. (Attributes come in the order Yew writes them.) */
function build(document, tree) {
  if (typeof tree === "string") return document.createTextNode(tree);
  const [tag, attributes, ...children] = tree;
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value === true ? "" : value);
  element.append(...children.map((child) => build(document, child)));
  return element;
}

let painted = 0;

/**
 * Paints `element`'s article from `json` in a new shadow root styled by `sheet`, a constructed
 * stylesheet: `url` is the URL the element asks for (the WebAssembly takes the painted article
 * over only if it asks for the same), `base` the one the answer came from. Nothing where the
 * painter declines or the element is no longer waiting for it. Returns whether it painted.
 */
export function paintFirst(element, json, { url, base, sheet }) {
  if (element.shadowRoot || !element.isConnected || element.hasAttribute("listen") || element.hasAttribute("labels")) {
    return false;
  }
  const contextLang = element.closest("[lang]")?.getAttribute("lang") ?? undefined;
  const size = initialSize(element);
  const tree = articleTree(json, { base, contextLang, size, prefix: `rw-p${++painted}`, longDate });
  if (!tree) return false;
  const shadow = element.attachShadow({ mode: "open" });
  shadow.adoptedStyleSheets = [sheet];
  // Not the app's mount (no class): what looks for that never finds this one.
  const mount = element.ownerDocument.createElement("div");
  mount.setAttribute(FIRST_PAINT_ATTRIBUTE, url);
  mount.append(build(element.ownerDocument, tree));
  shadow.append(mount);
  // Fragment links do not cross a shadow root: until the WebAssembly's own handlers take over,
  // a skip link moves focus to its target here.
  shadow.addEventListener("click", (event) => {
    const link = !event.defaultPrevented && event.target.closest?.("a[href^='#']");
    const target = link && mount.isConnected && shadow.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    // Focusable only while it has focus, so that it never becomes a stop of its own.
    target.tabIndex = -1;
    target.addEventListener("blur", () => target.removeAttribute("tabindex"), { once: true });
    target.focus();
  });
  return true;
}
