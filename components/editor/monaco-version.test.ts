import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { MONACO_VERSION } from "@/components/editor/monaco-version";

describe("MONACO_VERSION", () => {
  it("names the installed monaco-editor, so the immutable /monaco/<version>/ URLs change when it does", () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(process.cwd(), "node_modules", "monaco-editor", "package.json"), "utf8"),
    ).version;
    expect(MONACO_VERSION).toBe(installed);
    const declared = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")).dependencies[
      "monaco-editor"
    ];
    expect(declared).toBe(installed);
  });
});
