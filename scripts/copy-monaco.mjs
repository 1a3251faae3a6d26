// Copies Monaco's AMD build into public/monaco/vs so the editor is served from our own origin
// (no CDN; works air-gapped). Runs after npm install; timestamps are kept so `npm start` does not
// mistake the copy for a source change.
import fs from "node:fs";
import path from "node:path";

const from = path.join(process.cwd(), "node_modules", "monaco-editor", "min", "vs");
const to = path.join(process.cwd(), "public", "monaco", "vs");
const stamp = path.join(to, ".version");
const version = JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", "monaco-editor", "package.json"), "utf8")).version;

if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === version) process.exit(0);
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
fs.writeFileSync(stamp, version);
fs.utimesSync(stamp, new Date(0), new Date(0));
console.log(`Monaco ${version} copied to public/monaco/vs`);
