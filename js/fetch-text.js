// fetch-text.js: reading an article's response within the widget's limits, shared by the entry's
// first paint (js/first-paint.js) and the WebAssembly's fetch (src/browser/fetch.rs), so both
// take the same answers as articles and refuse the same ones.

/**
 * Whether a Content-Type may carry an article: any JSON type (`application/json`,
 * `application/ld+json`, `…+json`), and the types servers give files they know nothing about
 * (`text/plain`, `application/octet-stream`: a `.jsonld` file or a raw file host). Anything else
 * (an HTML sign-in page, an image) says the answer is not the article.
 */
export function mayCarryArticle(contentType) {
  const essence = contentType.split(";")[0].trim().replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return (
    essence.endsWith("/json") ||
    essence.endsWith("+json") ||
    essence === "text/plain" ||
    essence === "application/octet-stream"
  );
}

const TOO_LARGE = Symbol("too large");

/**
 * The body of `response` as text (UTF-8, as `response.text()` reads it), or what `isTooLarge`
 * recognises once it is over `limit` bytes: at once when its Content-Length says so, before any
 * of the body is read, and otherwise as soon as that many bytes have arrived. Either way the
 * download stops there.
 */
export async function textWithin(response, limit) {
  const declared = Number(response.headers.get("content-length"));
  if (declared > limit) {
    response.body?.cancel().catch(() => {});
    return TOO_LARGE;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export function isTooLarge(value) {
  return value === TOO_LARGE;
}
