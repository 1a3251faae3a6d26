// Which of Monaco's files (its AMD build, node_modules/monaco-editor/min/vs) Galley serves: what
// `vs/editor/editor.main` loads, found by following its define() dependencies, the loader, the
// stylesheet, and the editor's own web worker (diffs, links). Not served: the ~80 syntax
// highlighters, the CSS/HTML/JSON/TypeScript language services and their workers (≈ 9 MB), which
// load only for models in those languages, and Galley's editors use its template language alone.
import fs from "node:fs";
import path from "node:path";

const languageWorker = /^assets\/(css|html|json|ts)\.worker-/;

/** The AMD modules `file` (relative to `vs`) requires, transitively, itself included. */
export function requiredModules(vs, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const head = fs.readFileSync(path.join(vs, file), "utf8").slice(0, 4000);
  const deps = /^define\("[^"]*",\s*\[([^\]]*)\]/.exec(head)?.[1] ?? "";
  for (const dep of deps.split(",").map((d) => d.trim().replace(/^"|"$/g, ""))) {
    if (dep.startsWith("."))
      requiredModules(vs, path.posix.normalize(path.posix.join(path.posix.dirname(file), `${dep}.js`)), seen);
  }
  return seen;
}

/** Every file to serve, relative to `vs`. */
export function monacoFilesToServe(vs) {
  const modules = [...requiredModules(vs, "editor/editor.main.js")];
  const workers = new Set();
  for (const file of modules) {
    for (const [asset] of fs.readFileSync(path.join(vs, file), "utf8").matchAll(/assets\/[\w.-]+\.js/g)) {
      if (!languageWorker.test(asset)) workers.add(asset);
    }
  }
  return [...modules, "loader.js", "nls.messages-loader.js", "editor/editor.main.css", ...workers].sort();
}
