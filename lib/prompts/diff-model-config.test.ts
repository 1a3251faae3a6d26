import { describe, expect, it } from "vitest";

import { diffModelConfig } from "@/lib/prompts/diff-model-config";
import { lineChanges, promptText } from "@/lib/prompts/prompt-text";

describe("diffModelConfig", () => {
  it("lists changed settings in words", () => {
    expect(
      diffModelConfig(
        { model: "gpt-4o", temperature: 0.7, stop: ["END"], responseFormat: { type: "text" } },
        { model: "gpt-4o", temperature: 0.2, maxTokens: 400, responseFormat: { type: "json_object" } },
      ),
    ).toEqual([
      { setting: "temperature", before: "0.7", after: "0.2" },
      { setting: "max tokens", before: "default", after: "400" },
      { setting: "stop sequences", before: '"END"', after: "default" },
      { setting: "response format", before: "text", after: "json_object" },
    ]);
    expect(diffModelConfig({ temperature: 1 }, { temperature: 1 })).toEqual([]);
  });
});

describe("promptText and lineChanges", () => {
  it("gives chat prompts one block per message and counts changed lines", () => {
    const before = promptText({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "placeholder", name: "history" },
      ],
    });
    expect(before).toBe("### system\nBe brief.\n\n### placeholder: history");
    const after = promptText({
      messages: [
        { role: "system", content: "Be brief.\nBe kind." },
        { role: "placeholder", name: "history" },
      ],
    });
    expect(lineChanges(before, after)).toEqual({ added: 1, removed: 0 });
  });
});
