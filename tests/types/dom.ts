// The element in plain TypeScript: found, created, its members and its events' details typed.
import "reader-widget";
import type { Article, ErrorKind, ReaderWidgetElement, TextSize } from "reader-widget";

const found = document.querySelector("reader-widget");
if (found) {
  const size: TextSize = found.textSize;
  found.textSize = size === "md" ? "lg" : "md";
  // @ts-expect-error: not a step
  found.textSize = "xl";
  const article: Article | null = found.article;
  const firstBlock = article?.body[0];
  if (firstBlock?.type === "list") firstBlock.items.forEach((item: string) => item.trim());
  found.article = { headline: "Given", body: [{ type: "paragraph", text: "As an object" }] };
  found.article = '{"headline": "Given", "body": []}';
  found.article = null;
  // @ts-expect-error: neither an article nor its JSON text
  found.article = 42;
  found.reload();
}

const created: ReaderWidgetElement = document.createElement("reader-widget");
created.setAttribute("src", "/articles/syria-resolution.json");
document.body.append(created);

document.addEventListener("reader-widget-ready", (event) => {
  const format: "json" | "json-ld" | "html" = event.detail.format;
  const headline: string = event.detail.headline;
  return [format, headline];
});
window.addEventListener("reader-widget-error", (event) => {
  const kind: ErrorKind = event.detail.kind;
  // @ts-expect-error: not a kind the widget reports
  return kind === "timeout";
});
created.addEventListener("reader-widget-textsizechange", (event) => {
  const to: TextSize = event.detail.to;
  // @ts-expect-error: the detail has no such member
  return [to, event.detail.size];
});
