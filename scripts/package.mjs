// The last step of the release build (run by scripts/post-build.sh): gives the WebAssembly, the
// glue and its snippets of both builds content-hashed names, so a CDN can cache them forever,
// and points the stable entry `reader-widget.js` at them; then writes
// `reader-widget.manifest.json` (every widget file with its size and SRI sha384 hash) and a
// `package.json` whose `files` are the distribution, so npm-backed CDNs can serve it as it is.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

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

/** Points the glue's `import … from "<from>"` at `to`. Only the import specifier changes: the
 * same path is also the name the WebAssembly imports the snippet under, which must stay. */
function rewriteImport(path, from, to) {
  const text = readFileSync(path, "utf8");
  const pattern = new RegExp(`(from\\s*)(["'])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\2`, "g");
  if (!pattern.test(text)) throw new Error(`${path} does not import ${from}`);
  writeFileSync(path, text.replace(pattern, `$1$2${to}$2`));
}

const entry = join(dir, "reader-widget.js");
// Two builds of the widget, the same files in each folder: wasm/ and, for pages with
// server-rendered snippets, wasm-hydrating/ (see scripts/hydrating-build.sh).
const buildDirs = ["wasm", "wasm-hydrating"].map((name) => join(dir, name));
for (const wasmDir of buildDirs) {
  const folder = relative(dir, wasmDir);
  const glue = join(wasmDir, "reader-widget.js");
  for (const snippet of filesUnder(join(wasmDir, "snippets"))) {
    const hashed = hashName(snippet);
    rewriteImport(glue, `./${relative(wasmDir, snippet)}`, `./${relative(wasmDir, hashed)}`);
  }
  const wasm = hashName(join(wasmDir, "reader-widget_bg.wasm"));
  rewrite(entry, `"${folder}/reader-widget_bg.wasm"`, `"${relative(dir, wasm)}"`);
  const hashedGlue = hashName(glue);
  rewrite(entry, `"./${folder}/reader-widget.js"`, `"./${relative(dir, hashedGlue)}"`);
}

const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync("Cargo.toml", "utf8"))?.[1] ?? "0.0.0";
// The stylesheet of server-rendered snippets keeps its name too: snippets already in pages link it.
const distribution = [entry, join(dir, "reader-widget.css"), ...buildDirs.flatMap(filesUnder)]
  .map((path) => relative(dir, path))
  .sort();
const manifest = {
  name: "reader-widget",
  version,
  entry: "reader-widget.js",
  files: Object.fromEntries(
    distribution.map((file) => {
      const data = readFileSync(join(dir, file));
      return [file, { bytes: data.length, integrity: `sha384-${digest("sha384", data, "base64")}` }];
    }),
  ),
};
writeFileSync(join(dir, "reader-widget.manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
const pkg = {
  name: "reader-widget",
  version,
  description: "An accessible article embed: <reader-widget>, with skip links and a four-step text-size switcher.",
  license: "MIT OR Apache-2.0",
  type: "module",
  exports: "./reader-widget.js",
  files: [...distribution, "reader-widget.manifest.json"],
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
