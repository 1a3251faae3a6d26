import { describe, expect, it } from "vitest";

import { defaultEditorPrefs, parseEditorPrefs, serializeEditorPrefs } from "@/components/prompts/editor-prefs";

describe("editor prefs cookie", () => {
  it("reads back what was saved", () => {
    const prefs = { panes: { prompt: 61.5, run: 38.5 }, closed: ["model" as const] };
    expect(parseEditorPrefs(serializeEditorPrefs(prefs))).toEqual(prefs);
  });

  it("gives the defaults for a missing or malformed cookie", () => {
    for (const raw of [undefined, "", "%E0%A4%A", "not json", "null", "42", '"x"'])
      expect(parseEditorPrefs(raw)).toEqual(defaultEditorPrefs);
  });

  it("drops sizes and sections it does not know, so a tampered cookie cannot break the layout", () => {
    const raw = encodeURIComponent(
      JSON.stringify({ panes: { prompt: 150, run: "40", __proto__x: 1, ok: 30 }, closed: ["model", "nope", 3] }),
    );
    expect(parseEditorPrefs(raw)).toEqual({ panes: { ok: 30 }, closed: ["model"] });
  });
});
