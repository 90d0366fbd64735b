// The JavaScript half of tests/first_paint.rs: reads a JSON array of cases from stdin, each
// `{ json, base, contextLang }`, paints each with js/first-paint.js as the entry does (with
// English day-month-year dates, text size MD, the ids of Yew's embed 1) and writes, for each, the
// tree serialised as Yew's server renderer writes markup, or null where the painter declined.
import { articleTree } from "../../js/first-paint.js";

const VOID = new Set(["img", "input"]);
// Yew's escaping (html_escape's `encode_text` and `encode_double_quoted_attribute`).
const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text) => escapeText(text).replace(/"/g, "&quot;");

function serialise(tree) {
  if (typeof tree === "string") return escapeText(tree);
  const [tag, attributes, ...children] = tree;
  const written = attributes
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join("");
  if (VOID.has(tag)) return `<${tag}${written}>`;
  return `<${tag}${written}>${children.map(serialise).join("")}</${tag}>`;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const painted = cases.map(({ json, base, contextLang }) => {
  const tree = articleTree(json, { base, contextLang: contextLang ?? undefined, size: "md", prefix: "rw-1" });
  return tree && serialise(tree);
});
process.stdout.write(JSON.stringify(painted));
