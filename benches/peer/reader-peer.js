// The benchmark's reference peer, never shipped: a small hand-written JavaScript embed with the
// widget's reading aids (skip links, four text sizes remembered in localStorage and shared by
// every embed, an open shadow root) reading the same article JSON from `src` or an inline
// <script type="application/json">. It is what the widget is measured against, so it is kept
// plain: no framework, no build step, and no more features than the comparison needs.

const SIZES = [
  ["xs", "XS", "extra small text", 0.8],
  ["sm", "SM", "small text", 0.9],
  ["md", "MD", "medium text", 1],
  ["lg", "LG", "large text", 1.25],
];
const STORAGE_KEY = "reader-peer:text-size";

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block; }
.peer { font: 1rem/1.5 system-ui, sans-serif; color: #0b0c0c; background: #fff; padding: 1rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { position: static; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; display: flex; gap: .5rem; align-items: center; }
label { display: inline-block; min-width: 2.5rem; min-height: 2.5rem; border: 2px solid #505a5f; text-align: center; line-height: 2.25rem; }
input { position: absolute; opacity: 0; }
input:checked + span { font-weight: bold; }
${SIZES.map(([code, , , scale]) => `.size-${code} { font-size: ${scale}em; }`).join("\n")}
img { max-width: 100%; height: auto; }
`);

let chosen = null;
const embeds = new Set();

function readChoice() {
  if (chosen === null) {
    try {
      chosen = localStorage.getItem(STORAGE_KEY);
    } catch {
      chosen = null;
    }
  }
  return chosen;
}

function choose(code) {
  chosen = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage blocked: the choice lasts for the page.
  }
  for (const embed of embeds) embed.applySize();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let instances = 0;

class ReaderPeer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.instance = ++instances;
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet];
    embeds.add(this);
    const src = this.getAttribute("src");
    if (src) {
      fetch(src)
        .then((response) => response.json())
        .then((article) => this.render(article))
        .catch(() => (root.textContent = "Sorry, this article could not be loaded."));
    } else {
      const inline = this.querySelector('script[type="application/json"]');
      this.render(JSON.parse(inline ? inline.textContent : "{}"));
    }
  }

  disconnectedCallback() {
    embeds.delete(this);
  }

  render(article) {
    const bodyId = `peer-${this.instance}-body`;
    const skipTo = element("a", { class: "skip", href: `#${bodyId}` }, "Skip to article text");
    const skipPast = element("a", { class: "skip", href: "#" }, "Skip past this article");
    skipTo.addEventListener("click", (event) => {
      event.preventDefault();
      this.body.tabIndex = -1;
      this.body.focus();
    });
    skipPast.addEventListener("click", (event) => {
      event.preventDefault();
      const next = this.nextElementSibling;
      if (next) {
        next.tabIndex = next.tabIndex < 0 ? -1 : next.tabIndex;
        next.focus();
      }
    });
    const sizes = element("fieldset", {}, element("legend", {}, "Text size"));
    for (const [code, label, description] of SIZES) {
      const input = element("input", { type: "radio", name: `peer-${this.instance}-size`, value: code });
      input.addEventListener("change", () => choose(code));
      const name = element("span", {}, label, element("span", { class: "skip" }, `, ${description}`));
      sizes.append(element("label", {}, input, name));
    }
    const header = element("header", {}, element("h2", {}, article.headline ?? ""));
    if (article.standfirst) header.append(element("p", {}, article.standfirst));
    if (article.byline) header.append(element("p", {}, article.byline));
    this.article = element("article", { class: "peer-article", lang: article.lang ?? "" }, header);
    if (article.image?.src) {
      const url = new URL(article.image.src, new URL(this.getAttribute("src") ?? "", document.baseURI));
      const img = element("img", { src: url.href, alt: article.image.alt ?? "" });
      if (article.image.width && article.image.height) {
        img.width = article.image.width;
        img.height = article.image.height;
      }
      const figure = element("figure", {}, img);
      if (article.image.caption) figure.append(element("figcaption", {}, article.image.caption));
      this.article.append(figure);
    }
    this.body = element("div", { id: bodyId });
    for (const block of article.body ?? []) {
      if (block.type === "paragraph") this.body.append(element("p", {}, block.text));
      else if (block.type === "subheading") this.body.append(element("h3", {}, block.text));
    }
    this.article.append(this.body);
    this.sizes = sizes;
    this.shadowRoot.replaceChildren(element("div", { class: "peer" }, skipTo, skipPast, sizes, this.article));
    this.applySize();
    this.dispatchEvent(new CustomEvent("reader-peer-ready", { bubbles: true, composed: true }));
  }

  applySize() {
    if (!this.article) return;
    const code = readChoice() ?? this.getAttribute("text-size") ?? "md";
    this.article.className = `peer-article size-${code}`;
    for (const input of this.sizes.querySelectorAll("input")) input.checked = input.value === code;
  }
}

customElements.define("reader-peer", ReaderPeer);
