import { describe, expect, it } from "vitest";

import { llmJudge } from "./llm-judge";

// The judge's calls are tested against the fake OpenAI server in tests/integration/evaluators.test.ts;
// here, what a saved config may be.
const base = { providerId: "p1", model: "gpt-4o-mini", rubric: "Is {{output}} a polite answer to {{input.question}}?" };

describe("llm-judge settings", () => {
  it("defaults to a 1–5 scale passing at 4 with temperature 0", () => {
    expect(llmJudge.configSchema.parse(base)).toEqual({ ...base, scaleMin: 1, scaleMax: 5, passAt: 4, temperature: 0 });
  });

  it("refuses a scale upside down and a passing score off the scale, naming the field", () => {
    expect(
      llmJudge.configSchema.safeParse({ ...base, scaleMin: 5, scaleMax: 1, passAt: 3 }).error!.issues[0]!.path,
    ).toEqual(["scaleMax"]);
    expect(llmJudge.configSchema.safeParse({ ...base, passAt: 9 }).error!.issues[0]!.path).toEqual(["passAt"]);
  });

  it("refuses a rubric that is not a valid template, with its line and column", () => {
    const result = llmJudge.configSchema.safeParse({ ...base, rubric: "Grade {{#output}} without closing" });
    expect(result.error!.issues[0]).toMatchObject({
      path: ["rubric"],
      message: expect.stringMatching(/^Line 1, column \d+: /),
    });
  });

  it("needs a provider, a model and a rubric", () => {
    const result = llmJudge.configSchema.safeParse({});
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["providerId", "model", "rubric"]);
  });
});
