// The browser fuzzing tier's page script (see tests/fuzz_browser/main.rs): generates and mutates
// articles from a seed, puts each into the page as one of the ways an article reaches the widget
// (inline JSON, inline JSON-LD, a src, the publisher's markup, a server-rendered snippet) beside a
// sentinel embed, and reports each case that leaves an uncaught error, a blank embed, or a
// sentinel that stops rendering or following the size steps. Everything a case is made of comes
// from `mulberry32(runSeed, index)`, so a case is reproduced by its seed and index alone.
"use strict";

const recorded = { errors: [], widgetStopped: [] };
addEventListener("error", (event) => recorded.errors.push(`error: ${event.message}`));
addEventListener("unhandledrejection", (event) => recorded.errors.push(`unhandled rejection: ${event.reason}`));
const originalConsoleError = console.error;
console.error = (...parts) => {
  const line = parts.map(String).join(" ");
  if (line.includes("the widget stopped")) recorded.widgetStopped.push(line);
  originalConsoleError.apply(console, parts);
};

/** A small seeded generator: the same (seed, index) always gives the same numbers. */
function mulberry32(seed, index) {
  let state = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed, index) {
  const next = mulberry32(seed, index);
  const random = {
    chance: (p) => next() < p,
    below: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
  return random;
}

// Odd but valid values, and some not valid: what CMSs, feeds and people produce.
const LANGUAGE_TAGS = ["en", "en_US", "en-us", "EN", "zh-Hant-TW", "de-DE-u-co-phonebk", "x-klingon", "i-default", "tlh", "fa", "ar-EG", "ur", "he", "", " ", "e", "12", "-", "a".repeat(300), "und", "sr-Latn", "en-GB-oed", "root", "\u202Een"];
const DATES = ["2013-09-24", "2013-09-24T12:00:00Z", "0000-01-01", "9999-12-31T23:59:59Z", "2013-02-29", "2024-02-29", "+275760-09-13", "-000001-01-01", "1970-01-01T00:00:00.000+14:00", "24 September 2013", "", "2013-13-45", "2013-09-24T25:61:61Z", "1e10"];
const URLS = ["a.png", "../a.svg", "/a.svg", "", " ", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:image/svg+xml,<svg/>", "//127.0.0.1/x.png", "http://127.0.0.1:9/x.png", "http://[::1]:9/x", "https://local host/", "http://127.0.0.1:9/" + "x".repeat(5000), "http://127.0.0.1:9/é?q=ü#ñ", "mailto:a@b", "blob:null/x", "?q", "#frag", "\u0000a.png", "https://127.0.0.1:9/\u202Ex"];
const NUMBERS = [0, -1, 1, 0.5, -0.5, 1e308, -1e308, 1e-308, 9007199254740993, 100000, 100001, 4294967296, 675, 1200];
const TEXTS = ["US, Russia Fail to Agree", "", " ", "\u0000", "\uD800", "\uDC00x\uD800", "\u202Eoverride", "\u2066isolate", "<script>window.__attacked=1</script>", "<img src=x onerror=window.__attacked=1>", "&amp;&lt;", "e\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "\n\n\n", "a\r\nb", "ﷺ", "\uFEFF", "x".repeat(1001), "y".repeat(100001)];
const BLOCK_TYPES = ["paragraph", "subheading", "quote", "list", "image", "", "PARAGRAPH", null, 1];

/** A text: half the time an ordinary one, else an odd one, sometimes two run together. */
function oddText(random) {
  if (random.chance(0.5)) return random.pick(["A sentence of the article.", "Kerry and Lavrov", "Résumé — “quoted”"]);
  const text = random.pick(TEXTS);
  return random.chance(0.2) ? text + random.pick(TEXTS) : text;
}

/** Any JSON value, sometimes nested as deep as JSON.parse allows. */
function anyValue(random, depth = 0) {
  switch (random.below(depth > 2 ? 5 : 8)) {
    case 0: return null;
    case 1: return random.chance(0.5);
    case 2: return random.pick(NUMBERS);
    case 3: return oddText(random);
    case 4: return random.pick([...LANGUAGE_TAGS, ...DATES, ...URLS]);
    case 5: return Array.from({ length: random.below(4) }, () => anyValue(random, depth + 1));
    case 6: return Object.fromEntries(Array.from({ length: random.below(4) }, () => [random.pick(["type", "text", "src", "name", "url", "@type", "value", "a"]), anyValue(random, depth + 1)]));
    default: return { deep: true };
  }
}

/** `value` nested `levels` deep inside arrays or objects, as JSON text. */
function nested(levels, valueText, asObject) {
  return asObject ? '{"a":'.repeat(levels) + valueText + "}".repeat(levels) : "[".repeat(levels) + valueText + "]".repeat(levels);
}

/** A value for a field that wants `kind`: usually that kind, oddly filled; sometimes anything. */
function fieldValue(random, kind) {
  if (random.chance(0.06)) return anyValue(random);
  switch (kind) {
    case "lang": return random.pick(LANGUAGE_TAGS);
    case "date": return random.pick(DATES);
    case "url": return random.pick(URLS);
    case "number": return random.chance(0.5) ? random.pick(NUMBERS) : String(random.pick(NUMBERS));
    default: return oddText(random);
  }
}

function widgetArticle(random) {
  const article = {};
  if (random.chance(0.95)) article.headline = random.chance(0.6) ? "Headline" : fieldValue(random, "text");
  for (const [field, kind] of [["standfirst", "text"], ["byline", "text"], ["published", "date"], ["lang", "lang"], ["url", "url"]]) {
    if (random.chance(0.5)) article[field] = fieldValue(random, kind);
  }
  if (random.chance(0.4)) article.source = random.chance(0.8) ? { name: fieldValue(random, "text"), url: fieldValue(random, "url") } : anyValue(random);
  if (random.chance(0.5)) {
    article.image = random.chance(0.85)
      ? { src: fieldValue(random, "url"), alt: fieldValue(random, "text"), caption: fieldValue(random, "text"), credit: fieldValue(random, "text"), width: fieldValue(random, "number"), height: fieldValue(random, "number") }
      : anyValue(random);
  }
  if (random.chance(0.3)) article.labels = Object.fromEntries([["skipToArticle", fieldValue(random, "text")], ["textSize", fieldValue(random, "text")], ["lang", fieldValue(random, "lang")]].filter(() => random.chance(0.6)));
  if (random.chance(0.95)) {
    article.body = random.chance(0.9)
      ? Array.from({ length: random.chance(0.02) ? 5001 : random.below(6) + (random.chance(0.9) ? 1 : 0) }, () => ({
          type: random.chance(0.8) ? random.pick(BLOCK_TYPES.slice(0, 4)) : random.pick(BLOCK_TYPES),
          text: random.chance(0.8) ? "Text" : fieldValue(random, "text"),
          ...(random.chance(0.3) ? { cite: fieldValue(random, "text") } : {}),
          ...(random.chance(0.3) ? { items: random.chance(0.7) ? ["a", fieldValue(random, "text")] : anyValue(random) } : {}),
          ...(random.chance(0.2) ? { ordered: anyValue(random) } : {}),
        }))
      : anyValue(random);
  }
  return article;
}

function jsonLdArticle(random) {
  const node = { "@type": random.chance(0.85) ? random.pick(["NewsArticle", "Article", "ReportageNewsArticle", ["NewsArticle", "Thing"]]) : anyValue(random) };
  if (random.chance(0.9)) node.headline = random.chance(0.6) ? "Headline" : fieldValue(random, "text");
  if (random.chance(0.9)) node.articleBody = random.chance(0.6) ? "One.\n\nTwo." : fieldValue(random, "text");
  for (const [field, kind] of [["alternativeHeadline", "text"], ["description", "text"], ["datePublished", "date"], ["dateModified", "date"], ["url", "url"]]) {
    if (random.chance(0.4)) node[field] = fieldValue(random, kind);
  }
  if (random.chance(0.4)) node.inLanguage = random.chance(0.6) ? fieldValue(random, "lang") : { "@type": "Language", alternateName: fieldValue(random, "lang") };
  if (random.chance(0.4)) node.author = random.chance(0.5) ? [{ name: fieldValue(random, "text") }, anyValue(random)] : anyValue(random);
  if (random.chance(0.4)) node.publisher = { name: fieldValue(random, "text"), url: fieldValue(random, "url") };
  if (random.chance(0.4)) node.mainEntityOfPage = random.chance(0.5) ? { "@id": fieldValue(random, "url") } : anyValue(random);
  if (random.chance(0.5)) {
    node.image = random.pick([
      fieldValue(random, "url"),
      { "@type": "ImageObject", url: fieldValue(random, "url"), width: fieldValue(random, "number"), height: { value: fieldValue(random, "number") }, caption: fieldValue(random, "text") },
      [fieldValue(random, "url")],
      anyValue(random),
    ]);
  }
  return random.chance(0.2) ? { "@context": "https://schema.org", "@graph": [{ "@type": "WebSite" }, node] } : node;
}

/** Byte-level mutations of JSON or markup text: most leave it malformed, some oddly valid. */
function mutateText(random, text) {
  let result = text;
  for (let round = random.below(4); round >= 0; round--) {
    const at = random.below(result.length + 1);
    const span = random.below(16) + 1;
    switch (random.below(6)) {
      case 0: result = result.slice(0, at) + result.slice(at + span); break;
      case 1: result = result.slice(0, at) + result.slice(at, at + span).repeat(2) + result.slice(at + span); break;
      case 2: result = result.slice(0, at) + random.pick(['"', "{", "}", "[", "]", ",", ":", "\\", "<", ">", "\u0000", "\uD800", "\u202E", " "]) + result.slice(at); break;
      case 3: result = result.slice(0, at) + JSON.stringify(oddText(random)).slice(1, -1) + result.slice(at); break;
      case 4: result = result.replace(/"(?:[^"\\]|\\.)*"/, JSON.stringify(anyValue(random))); break;
      default: result = result.slice(at) + result.slice(0, at);
    }
  }
  return result;
}

/** JSON text for the JSON kinds: generated, a corpus seed, either mutated, or deeply nested. */
function jsonText(random, seeds, jsonLd) {
  const roll = random.below(10);
  if (roll === 0) {
    // A field nested as deep as JSON.parse takes (the browser's limit, not serde_json's 128).
    const field = random.pick(jsonLd ? ["image", "author", "publisher", "inLanguage", "@graph", "@type", "mainEntityOfPage"] : ["headline", "image", "source", "labels", "body", "lang"]);
    const base = jsonLd ? '{"@type":"NewsArticle","headline":"H","articleBody":"B",' : '{"headline":"H","body":[{"type":"paragraph","text":"T"}],';
    return `${base}"${field}":${nested(random.pick([1000, 10000, 100000]), '"x"', random.chance(0.5))}}`;
  }
  const pool = seeds.filter((seed) => seed.kind === (jsonLd ? "json_ld" : "article_json"));
  const base = roll < 4 && pool.length ? random.pick(pool).text : JSON.stringify(jsonLd ? jsonLdArticle(random) : widgetArticle(random));
  return random.chance(0.3) ? mutateText(random, base) : base;
}

/** Markup for the publisher's-markup kind: generated or a corpus seed, sometimes mutated. */
function markupText(random, seeds) {
  const pool = seeds.filter((seed) => seed.kind === "markup");
  if (random.chance(0.3) && pool.length) return random.chance(0.5) ? mutateText(random, random.pick(pool).text) : random.pick(pool).text;
  const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const parts = [`<article${random.chance(0.3) ? ` lang="${escape(random.pick(LANGUAGE_TAGS))}"` : ""}>`];
  if (random.chance(0.9)) parts.push(`<h1>${escape(oddText(random))}</h1>`);
  if (random.chance(0.4)) parts.push(`<time datetime="${escape(random.pick(DATES))}">${escape(oddText(random))}</time>`);
  if (random.chance(0.4)) parts.push(`<figure><img src="${escape(random.pick(URLS))}" alt="${escape(oddText(random))}" width="${escape(random.pick(NUMBERS))}"><figcaption>${escape(oddText(random))}</figcaption></figure>`);
  for (let i = random.below(5); i >= 0; i--) parts.push(random.pick([`<p>${escape(oddText(random))}</p>`, `<h2>${escape(oddText(random))}</h2>`, `<blockquote><p>${escape(oddText(random))}</p></blockquote>`, `<ul><li>${escape(oddText(random))}</li></ul>`, "<p></p>", "<div><p>Nested</p></div>"]));
  if (random.chance(0.1)) parts.push("<div>".repeat(random.pick([70, 500, 3000])) + "<p>Deep</p>");
  const markup = parts.join("") + (random.chance(0.8) ? "</article>" : "");
  return random.chance(0.2) ? mutateText(random, markup) : markup;
}

/** A server-rendered snippet (the sentinel's, as the command wrote it), put through what HTML
 * pipelines do. */
function snippetText(random, snippet) {
  const changes = [
    (html) => html.replace(/<!--[\s\S]*?-->/g, ""),
    (html) => html.replace(/></g, ">\n  <"),
    (html) => html.replace(/> </g, "><"),
    (html) => html.replace(/ part="[^"]*"/g, ""),
    (html) => html.replace(/ data-server-rendered="[^"]*"/, ""),
    (html) => html.replace(/data-server-rendered="[^ ]*/, 'data-server-rendered="0.0.1+00000000'),
    (html) => html.replace(/(data-server-rendered="[^ ]* )[0-9a-f]{4}/, "$1ffff"),
    (html) => html.replace("</article>", "<p>Added.</p></article>"),
    (html) => html.replace(/<p>[^<]*<\/p>/, ""),
    (html) => html.replace("Skip to article text", "Skip"),
    (html) => mutateText(random, html),
    (html) => html,
  ];
  let html = snippet;
  for (let round = random.below(3); round >= 0; round--) html = random.pick(changes)(html);
  return html;
}

/** Removes what would run or load as the page's own content: the markup kind's light DOM is
 * the publisher's, and a script or handler in it is not the widget's doing. */
function inert(fragment) {
  for (const element of fragment.querySelectorAll("script, iframe, object, embed, link, style, meta, base, form")) element.remove();
  for (const element of fragment.querySelectorAll("*")) {
    for (const name of element.getAttributeNames()) if (/^on/i.test(name)) element.removeAttribute(name);
  }
  return fragment;
}

/** One case as an element ready to connect, and what it was, to report. */
function makeCase(seed, index, seeds, snippet) {
  const random = makeRandom(seed, index);
  const kind = random.pick(["json", "json-ld", "src", "markup", "snippet"]);
  const element = document.createElement("div");
  element.className = "case";
  let input;
  if (kind === "json" || kind === "json-ld" || kind === "src") {
    input = jsonText(random, seeds, kind === "json-ld" || (kind === "src" && random.chance(0.3)));
    const embed = document.createElement("reader-widget");
    if (kind === "src") {
      const type = random.pick(["application/json", "application/ld+json", "text/plain", "", "application/octet-stream", "text/html"]);
      embed.setAttribute("src", URL.createObjectURL(new Blob([input], { type })));
    } else {
      const script = document.createElement("script");
      script.type = kind === "json" ? "application/json" : "application/ld+json";
      script.textContent = input;
      embed.append(script);
    }
    if (random.chance(0.2)) embed.setAttribute("lang", random.pick(LANGUAGE_TAGS));
    if (random.chance(0.1)) embed.setAttribute("labels", random.chance(0.5) ? JSON.stringify(anyValue(random)) : "{");
    if (random.chance(0.1)) embed.setAttribute("text-size", random.pick(["xs", "lg", "XL", ""]));
    element.append(embed);
  } else if (kind === "markup") {
    input = markupText(random, seeds);
    const template = document.createElement("template");
    template.innerHTML = input;
    const embed = document.createElement("reader-widget");
    embed.append(inert(template.content));
    element.append(embed);
  } else {
    input = snippetText(random, snippet);
    element.setHTMLUnsafe(input);
    inert(element);
  }
  return { element, kind, input };
}

/** What an embed shows once settled: its headline, its error, or nothing yet. */
function shown(embed) {
  const root = embed.shadowRoot;
  if (!root) return null;
  const headline = root.querySelector(".rw-article__headline");
  if (headline) return "article";
  const status = root.querySelector(".rw-status--error");
  if (status && status.textContent.trim()) return "error";
  return null;
}

/** What a blank embed holds, to tell a module that never connected it from one stuck loading. */
function blankness(embed) {
  const root = embed.shadowRoot;
  if (!root) return "no shadow root";
  return `its shadow root holds ${JSON.stringify(root.innerHTML.slice(0, 300))}`;
}

const frame = () => new Promise((resolve) => setTimeout(resolve, 16));

/** `text` with lone surrogates replaced, so that WebDriver can carry it back. */
const wellFormed = (text) => String(text).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Whether the sentinel embed still renders and follows a size step, which it must whatever
 * happened to the cases beside it. */
async function sentinelWorks(step) {
  const sentinel = document.querySelector("#sentinel reader-widget");
  const input = sentinel?.shadowRoot?.querySelector(`.rw-sizes__input[value="${step}"]`);
  if (!input) return "the sentinel shows no size steps";
  input.closest("label").click();
  for (let i = 0; i < 60; i++) {
    await frame();
    if (sentinel.shadowRoot.querySelector(`.rw-article.rw-size-${step}`)) return null;
  }
  return `the sentinel did not follow the ${step} step`;
}

/**
 * Runs cases `first` … `first + count - 1` of `seed` together beside the sentinel; resolves to
 * the failures found, [{ index, kind, reason }] (an index of -1 for a failure of the batch), and
 * how many cases of each kind showed an article, an error or nothing: { "json article": 3, … }.
 */
window.fuzzBatch = async function fuzzBatch(seed, first, count, seeds, snippet) {
  const container = document.querySelector("#cases");
  container.replaceChildren();
  const errorsBefore = recorded.errors.length;
  const cases = [];
  for (let index = first; index < first + count; index++) {
    try {
      cases.push({ index, ...makeCase(seed, index, seeds, snippet) });
    } catch (error) {
      cases.push({ index, kind: "generator", input: "", element: document.createElement("div"), failure: `the generator failed: ${error}` });
    }
  }
  for (const item of cases) container.append(item.element);
  const failures = [];
  const outcomes = {};
  // Each embed settles within ten seconds (a src is a blob: no network). A batch usually settles
  // in 0.3–0.8 s; on a machine busy with four other processes, Firefox took 2.0 s, and a blank
  // embed is one that never settles, not a slow one.
  const deadline = performance.now() + 10_000;
  for (const item of cases) {
    if (item.failure) {
      failures.push({ index: item.index, kind: item.kind, reason: item.failure });
      continue;
    }
    const embed = item.element.querySelector("reader-widget") ?? (item.element.matches("reader-widget") ? item.element : null);
    if (!embed) continue; // A mutation that left no element: nothing to render.
    while (shown(embed) === null && performance.now() < deadline) await frame();
    const outcome = `${item.kind} ${shown(embed) ?? "blank"}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (shown(embed) === null && !recorded.widgetStopped.length) {
      failures.push({ index: item.index, kind: item.kind, reason: `the embed is blank: ${blankness(embed)}` });
    }
  }
  const stepReason = (await sentinelWorks("lg")) ?? (await sentinelWorks("md"));
  const newErrors = recorded.errors.slice(errorsBefore);
  const batchReasons = [
    ...newErrors,
    ...recorded.widgetStopped,
    ...(stepReason ? [stepReason] : []),
    ...(window.__attacked ? ["a case's text ran as script"] : []),
  ];
  if (batchReasons.length) failures.push({ index: -1, kind: "batch", reason: wellFormed(batchReasons.join("; ")) });
  for (const item of cases) {
    const src = item.element.querySelector("reader-widget[src^='blob:']")?.getAttribute("src");
    if (src) URL.revokeObjectURL(src);
  }
  container.replaceChildren();
  return { failures, outcomes };
};

/** The input of one case, to save beside a failure for reproduction: as a JSON string, which
 * keeps every code unit (lone surrogates included) in ASCII escapes. */
window.fuzzCase = function fuzzCase(seed, index, seeds, snippet) {
  const { kind, input } = makeCase(seed, index, seeds, snippet);
  return { kind, input: JSON.stringify(input) };
};
