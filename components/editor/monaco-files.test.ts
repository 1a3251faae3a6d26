import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { MONACO_SCRIPTS, MONACO_STYLESHEET } from "@/components/editor/monaco-files";

import { monacoFilesToServe, requiredModules } from "../../scripts/monaco-files.mjs";

const vs = path.join(process.cwd(), "node_modules", "monaco-editor", "min", "vs");

describe("Monaco files preloaded with the editor", () => {
  it("are exactly what editor.main loads (plus the loader and its nls plugin), so an upgrade cannot leave stale names", () => {
    const loaded = [...requiredModules(vs, "editor/editor.main.js"), "loader.js", "nls.messages-loader.js"].sort();
    expect([...MONACO_SCRIPTS].sort()).toEqual(loaded);
  });

  it("are served, with the editor's worker, and no language service or its worker", () => {
    const served = monacoFilesToServe(vs);
    expect(served).toEqual(expect.arrayContaining([...MONACO_SCRIPTS, MONACO_STYLESHEET]));
    expect(served.filter((f) => f.startsWith("assets/editor.worker-"))).toHaveLength(1);
    // The worker and the module it starts; nothing else runs in a worker.
    expect(served.filter((f) => f.startsWith("assets/"))).toHaveLength(2);
    expect(served.some((f) => /^(language\/|assets\/ts\.worker|python-)/.test(f))).toBe(false);
  });

  it("include the stylesheet editor.main adds", () => {
    expect(fs.readFileSync(path.join(vs, "editor", "editor.main.js"), "utf8")).toContain(`vs/${MONACO_STYLESHEET}`);
    expect(fs.existsSync(path.join(vs, MONACO_STYLESHEET))).toBe(true);
  });
});
