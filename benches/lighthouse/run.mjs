// Lighthouse for `make bench`: loads each given page of the bench's news site the way a publisher
// checks one, Lighthouse 12's mobile preset with devtools throttling (4x CPU, slow 4G), in
// Debian's Chromium, and prints one JSON line a load with the Core Web Vitals and the bytes that
// arrived before the largest paint. The pages come from one origin and the widget's files from a
// second, as from a CDN, both brotli-compressed as a CDN sends them.
//
// node run.mjs --site DIR --dist DIR --runs N page.html...
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const site = option("--site");
const dist = option("--dist");
const runs = Number(option("--runs") ?? 3);
const pages = args;
if (!site || !dist || !pages.length || !(runs > 0)) {
  console.error("usage: node run.mjs --site DIR --dist DIR --runs N page.html...");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** Serves `root`, brotli at the highest quality when asked for (each file compressed once). */
function serve(root, { cors, rewrite }) {
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    if (path.includes("..")) return response.writeHead(404).end();
    let body;
    try {
      body = await readFile(join(root, path));
    } catch {
      return response.writeHead(404).end();
    }
    if (rewrite && path.endsWith(".html")) body = Buffer.from(rewrite(body.toString()));
    const headers = { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Cache-Control": "no-cache" };
    if (cors) headers["Access-Control-Allow-Origin"] = "*";
    if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
      const key = `${path}\n${body.length}`;
      if (!compressed.has(key)) {
        compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(key);
      headers["Content-Encoding"] = "br";
    }
    headers["Content-Length"] = body.length;
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const origin = (server) => `http://127.0.0.1:${server.address().port}`;
const assets = await serve(dist, { cors: true });
const assetOrigin = origin(assets);
const pageServer = await serve(site, { rewrite: (html) => html.replaceAll("__ASSETS__", assetOrigin) });
const pageOrigin = origin(pageServer);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const config = {
  extends: "lighthouse:default",
  settings: { onlyCategories: ["performance"], throttlingMethod: "devtools", output: "json" },
};

try {
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      const result = await lighthouse(`${pageOrigin}/${page}`, { port: chrome.port, logLevel: "error" }, config);
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) {
        throw new Error(`${page}: ${lhr?.runtimeError?.message ?? "no result"}`);
      }
      const value = (id) => lhr.audits[id]?.numericValue ?? null;
      console.log(
        JSON.stringify({
          page,
          run,
          score: Math.round((lhr.categories.performance.score ?? 0) * 100),
          fcp: value("first-contentful-paint"),
          lcp: value("largest-contentful-paint"),
          tbt: value("total-blocking-time"),
          cls: value("cumulative-layout-shift"),
          si: value("speed-index"),
          bytesBeforeLcp: bytesBeforeLcp(lhr),
          fetchedBeforeLoad: fetchedBeforeLoad(lhr),
          longestTask: longestTask(lhr),
          warnings: lhr.runWarnings,
        }),
      );
    }
  }
} finally {
  await chrome.kill();
  assets.close();
  pageServer.close();
}

/** The bytes on the wire of every request that ended before the largest contentful paint. */
function bytesBeforeLcp(lhr) {
  const { requests, at, observed } = timeline(lhr);
  const lcpTs = observed.observedLargestContentfulPaintTs;
  if (!Number.isFinite(lcpTs) || !requests) return null;
  return requests
    .filter((item) => at(item.networkEndTime) <= lcpTs)
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
}

/** The path of every request that started before the page's load event. */
function fetchedBeforeLoad(lhr) {
  const { requests, at, observed } = timeline(lhr);
  const loadTs = observed.observedLoadTs;
  if (!Number.isFinite(loadTs) || !requests) return null;
  return requests.filter((item) => at(item.networkRequestTime) <= loadTs).map((item) => new URL(item.url).pathname);
}

/**
 * The load's requests, the trace timestamp (µs) of a request time (ms from the first request,
 * as the network-requests audit gives it; Infinity when missing), and the observed metrics'
 * timestamps.
 */
function timeline(lhr) {
  const details = lhr.audits["network-requests"]?.details;
  const startTs = details?.debugData?.networkStartTimeTs;
  return {
    requests: Number.isFinite(startTs) ? details.items : null,
    at: (ms) => (Number.isFinite(ms) ? startTs + ms * 1000 : Infinity),
    observed: lhr.audits.metrics?.details?.items?.[0] ?? {},
  };
}

/** The longest main-thread task Lighthouse saw, in milliseconds (throttled). */
function longestTask(lhr) {
  const tasks = lhr.audits["long-tasks"]?.details?.items ?? [];
  return tasks.reduce((longest, task) => Math.max(longest, task.duration ?? 0), 0);
}
