// The last step of the release build (run by scripts/post-build.sh): bundles each of the two
// builds' glue, element definition and start into one module, gives it and the WebAssembly
// content-hashed names, so a CDN can cache them forever, points the stable entry
// `reader-widget.js` at them and writes their SRI hashes into it (the entry checks each file it
// loads); then writes
// `reader-widget.manifest.json` (every widget file with its size and SRI sha384 hash), copies the
// element's types and Custom Elements Manifest, and writes a `package.json` whose `files` are the
// distribution, so npm-backed CDNs can serve it as it is; last, copies the package alone into
// dist/.
import { createHash } from "node:crypto";
import { buildSync } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: node scripts/package.mjs DIST");

const digest = (algorithm, data, encoding) => createHash(algorithm).update(data).digest(encoding);
const shortHash = (data) => digest("sha256", data, "hex").slice(0, 12);
const filesUnder = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** Renames `path` to carry the hash of its contents, `name.<hash>.ext`; returns the new path. */
function hashName(path) {
  const hashed = path.replace(/(\.[a-z]+)$/, `.${shortHash(readFileSync(path))}$1`);
  renameSync(path, hashed);
  return hashed;
}

/** Replaces every `from` with `to` in the text file at `path`. */
function rewrite(path, from, to) {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not mention ${from}`);
  writeFileSync(path, text.split(from).join(to));
}

/**
 * esbuild builds the glue's `import * as` namespace with a helper that copies members with
 * `for…in`, which also walks what a page added to Object.prototype (the meddling demo page adds
 * `body`), and then fails on it; this makes the helper copy own members only. It must match once.
 */
function ownMembersOnly(path) {
  const text = readFileSync(path, "utf8");
  const helper = /for\(var (\w+) in (\w+)\)(\w+)\((\w+),\1,\{get:\2\[\1\],enumerable:!0\}\)/g;
  const found = text.match(helper)?.length ?? 0;
  if (found !== 1) throw new Error(`${path}: esbuild's namespace helper found ${found} times, not once`);
  writeFileSync(path, text.replace(helper, "for(var $1 of Object.keys($2))$3($4,$1,{get:$2[$1],enumerable:!0})"));
}

const entry = join(dir, "reader-widget.js");
const sri = (path) => `sha384-${digest("sha384", readFileSync(join(dir, path)), "base64")}`;
const integrity = {}; // build folder → { wasm, module }: their SRI hashes
// Two builds of the widget, the same files in each folder: wasm/ and, for pages with
// server-rendered snippets, wasm-hydrating/ (see scripts/hydrating-build.sh). Each build's glue,
// the element's definition it imports and js/boot.js become one module, so that the integrity
// the entry checks it with covers all of its JavaScript.
const buildDirs = ["wasm", "wasm-hydrating"].map((name) => join(dir, name));
for (const wasmDir of buildDirs) {
  const folder = relative(dir, wasmDir);
  const glue = join(wasmDir, "reader-widget.js");
  const boot = join(wasmDir, "boot.js");
  copyFileSync("js/boot.js", boot);
  // "error": wasm-bindgen's glue names the element's module once per Rust file that imports from
  // it, as keys of one object, which esbuild warns about; each is the same module.
  buildSync({ entryPoints: [boot], bundle: true, format: "esm", minify: true, outfile: glue, allowOverwrite: true, logLevel: "error" });
  rmSync(boot);
  rmSync(join(wasmDir, "snippets"), { recursive: true });
  ownMembersOnly(glue);
  const wasm = hashName(join(wasmDir, "reader-widget_bg.wasm"));
  rewrite(entry, `"./${folder}/reader-widget_bg.wasm"`, `"./${relative(dir, wasm)}"`);
  const hashedGlue = hashName(glue);
  rewrite(entry, `"./${folder}/reader-widget.js"`, `"./${relative(dir, hashedGlue)}"`);
  integrity[folder] = { wasm: sri(relative(dir, wasm)), module: sri(relative(dir, hashedGlue)) };
}

// Every widget file the entry loads, with its SRI hash, written into the entry: the entry checks
// each (see js/reader-widget.js), so the integrity a page gives the entry covers them all.
rewrite(entry, `"__READER_WIDGET_INTEGRITY__"`, JSON.stringify(JSON.stringify(integrity)));
// The stylesheet the entry paints articles with before the WebAssembly (js/first-paint.js).
rewrite(entry, `"__READER_WIDGET_STYLESHEET__"`, JSON.stringify(readFileSync(join(dir, "reader-widget.css"), "utf8")));
const loaded = buildDirs.flatMap(filesUnder).map((path) => relative(dir, path)).sort();

// The element's TypeScript types (React's JSX apart) and its Custom Elements Manifest, as written.
const described = ["reader-widget.d.ts", "react.d.ts", "custom-elements.json"];
for (const file of described) copyFileSync(join("js", file), join(dir, file));

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync("Cargo.toml", "utf8"))?.[1] ?? "0.0.0";
// The stylesheet of server-rendered snippets keeps its name too: snippets already in pages link it.
const distribution = [relative(dir, entry), "reader-widget.css", ...loaded].sort();
const manifest = {
  name: "reader-widget",
  version,
  entry: "reader-widget.js",
  files: Object.fromEntries(
    distribution.map((file) => [file, { bytes: statSync(join(dir, file)).size, integrity: sri(file) }]),
  ),
};
writeFileSync(join(dir, "reader-widget.manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
const pkg = {
  name: "reader-widget",
  version,
  description: "An accessible article embed: <reader-widget>, with skip links and a four-step text-size switcher.",
  license: "MIT OR Apache-2.0",
  type: "module",
  exports: {
    ".": { types: "./reader-widget.d.ts", default: "./reader-widget.js" },
    "./react": { types: "./react.d.ts" },
    "./custom-elements.json": "./custom-elements.json",
  },
  types: "./reader-widget.d.ts",
  customElements: "custom-elements.json",
  // Importing the entry defines the element: a bundler must keep it even when nothing is used.
  sideEffects: ["./reader-widget.js"],
  files: [...distribution, "reader-widget.manifest.json", ...described],
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);

// The release package alone, in dist/: what publishers serve or `npm pack`. The demo site keeps
// its own copy of the files, beside its pages (target/site, which `make demo` serves).
const release = "dist";
rmSync(release, { recursive: true, force: true });
for (const file of [...pkg.files, "package.json"]) {
  mkdirSync(dirname(join(release, file)), { recursive: true });
  copyFileSync(join(dir, file), join(release, file));
}
