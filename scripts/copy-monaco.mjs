// Copies the part of Monaco's AMD build Galley uses (scripts/monaco-files.mjs) into
// public/monaco/<version>/vs so the editor is served from our own origin (no CDN; works
// air-gapped). The version is in the path so browsers may cache the files forever (next.config.js
// sends `immutable`): a new Monaco is a new URL. Runs after npm install; copies of other versions
// (and a copy made by an older rule) are removed, and timestamps are kept so `npm start` does not
// mistake the copy for a source change.
import fs from "node:fs";
import path from "node:path";

import { monacoFilesToServe } from "./monaco-files.mjs";

// Changed when the rule for what is copied changes, so an existing copy is redone.
const RULE = "editor-main-only";

const root = path.join(process.cwd(), "public", "monaco");
const from = path.join(process.cwd(), "node_modules", "monaco-editor", "min", "vs");
const version = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "node_modules", "monaco-editor", "package.json"), "utf8"),
).version;
const to = path.join(root, version, "vs");
const stamp = path.join(root, version, ".complete");

const stale = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => name !== version) : [];
for (const name of stale) fs.rmSync(path.join(root, name), { recursive: true, force: true });
if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === `${version} ${RULE}`) process.exit(0);
fs.rmSync(to, { recursive: true, force: true });
const files = monacoFilesToServe(from);
for (const file of files) {
  fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
  fs.cpSync(path.join(from, file), path.join(to, file), { preserveTimestamps: true });
}
fs.writeFileSync(stamp, `${version} ${RULE}`);
fs.utimesSync(stamp, new Date(0), new Date(0));
console.log(`Monaco ${version}: ${files.length} files copied to public/monaco/${version}/vs`);
