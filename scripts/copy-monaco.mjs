// Copies Monaco's AMD build into public/monaco/<version>/vs so the editor is served from our own
// origin (no CDN; works air-gapped). The version is in the path so browsers may cache the files
// forever (next.config.js sends `immutable`): a new Monaco is a new URL. Runs after npm install;
// copies of other versions are removed, and timestamps are kept so `npm start` does not mistake
// the copy for a source change.
import fs from "node:fs";
import path from "node:path";

const root = path.join(process.cwd(), "public", "monaco");
const from = path.join(process.cwd(), "node_modules", "monaco-editor", "min", "vs");
const version = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "node_modules", "monaco-editor", "package.json"), "utf8"),
).version;
const to = path.join(root, version, "vs");
const stamp = path.join(root, version, ".complete");

const stale = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => name !== version) : [];
for (const name of stale) fs.rmSync(path.join(root, name), { recursive: true, force: true });
if (fs.existsSync(stamp)) process.exit(0);
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
fs.writeFileSync(stamp, version);
fs.utimesSync(stamp, new Date(0), new Date(0));
console.log(`Monaco ${version} copied to public/monaco/${version}/vs`);
