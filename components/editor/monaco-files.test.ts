import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { MONACO_SCRIPTS, MONACO_STYLESHEET } from "@/components/editor/monaco-files";

const vs = path.join(process.cwd(), "node_modules", "monaco-editor", "min", "vs");

/** Every file `define()` pulls in, following relative dependencies from `file`. */
function reachable(file: string, seen = new Set<string>()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const head = fs.readFileSync(path.join(vs, file), "utf8").slice(0, 4000);
  const deps = /^define\("[^"]*",\s*\[([^\]]*)\]/.exec(head)?.[1] ?? "";
  for (const dep of deps.split(",").map((d) => d.trim().replace(/^"|"$/g, ""))) {
    if (dep.startsWith("."))
      reachable(path.posix.normalize(path.posix.join(path.posix.dirname(file), `${dep}.js`)), seen);
  }
  return seen;
}

describe("Monaco files preloaded with the editor", () => {
  it("are exactly what editor.main loads (plus the loader and its nls plugin), so an upgrade cannot leave stale names", () => {
    const loaded = [...reachable("editor/editor.main.js"), "loader.js", "nls.messages-loader.js"].sort();
    expect([...MONACO_SCRIPTS].sort()).toEqual(loaded);
  });

  it("include the stylesheet editor.main adds", () => {
    expect(fs.readFileSync(path.join(vs, "editor", "editor.main.js"), "utf8")).toContain(`vs/${MONACO_STYLESHEET}`);
    expect(fs.existsSync(path.join(vs, MONACO_STYLESHEET))).toBe(true);
  });
});
