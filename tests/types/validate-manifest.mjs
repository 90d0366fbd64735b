// make test-types: custom-elements.json against the Custom Elements Manifest's own schema
// (npm custom-elements-manifest, the schema version the manifest names).
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const schema = read("../../node_modules/custom-elements-manifest/schema.json");
const manifest = read("../../js/custom-elements.json");
const { version } = read("../../node_modules/custom-elements-manifest/package.json");
if (manifest.schemaVersion !== version) {
  throw new Error(`custom-elements.json says schema ${manifest.schemaVersion}; the schema checked is ${version}`);
}
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
if (!validate(manifest)) {
  console.error(validate.errors);
  throw new Error("custom-elements.json does not follow the Custom Elements Manifest schema");
}
console.log(`custom-elements.json follows the Custom Elements Manifest schema ${version}`);
