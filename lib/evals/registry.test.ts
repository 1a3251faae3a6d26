import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { sampleForTest, testContext } from "./kinds/sample-for-test";
import { applyEvaluator, combineVerdicts, evaluatorKinds, parseEvaluatorConfig, prepareEvaluator } from "./registry";

const apply = (evaluator: { kind: string; config: unknown; negate?: boolean }, output: string) =>
  applyEvaluator({
    evaluator: { negate: false, weight: 1, ...evaluator },
    sample: sampleForTest({ output }),
    ctx: testContext,
  });

describe("the evaluator registry", () => {
  it("lists each kind under its own name", () => {
    for (const [name, kind] of Object.entries(evaluatorKinds)) expect(kind.kind).toBe(name);
  });

  it("applies a kind with its config's defaults filled in", async () => {
    expect(await apply({ kind: "equals", config: { value: "yes" } }, " yes ")).toMatchObject({ pass: true, score: 1 });
  });

  it("negates: pass flips, score becomes 1 − score, the reason says negated", async () => {
    const verdict = await apply(
      { kind: "contains", config: { values: ["a", "b", "c", "d"], mode: "all" }, negate: true },
      "a",
    );
    expect(verdict.pass).toBe(true);
    expect(verdict.score).toBe(0.75);
    expect(verdict.reason).toMatch(/^negated: Missing/);
    const passed = await apply({ kind: "equals", config: { value: "x" }, negate: true }, "x");
    expect(passed).toMatchObject({ pass: false, score: 0 });
  });

  it("refuses an invalid saved config with an error naming config.<field>", async () => {
    const error = await apply({ kind: "contains", config: { values: "not a list" } }, "a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).message).toMatch(/Contains evaluator's settings are invalid: config\.values:/);
    expect((error as AppError).details).toEqual({ issues: [expect.objectContaining({ path: "config.values" })] });
  });

  it("refuses an unknown kind, naming the known ones", async () => {
    const error = await apply({ kind: "telepathy", config: {} }, "a").catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/"telepathy" is not an evaluator kind.*equals/);
    // Object.prototype names are not kinds either.
    expect(() => parseEvaluatorConfig({ kind: "toString", config: {} })).toThrow(/not an evaluator kind/);
  });
});

describe("prepareEvaluator", () => {
  it("checks the config once, when prepared: later changes to the saved object do not reach it", async () => {
    const config = { value: "yes" };
    const prepared = prepareEvaluator({ kind: "equals", config, negate: true, weight: 1 });
    config.value = "no";
    const verdict = await prepared({ sample: sampleForTest({ output: "yes" }), ctx: testContext });
    expect(verdict).toMatchObject({ pass: false, score: 0, reason: expect.stringMatching(/^negated: /) });
    expect(await prepared({ sample: sampleForTest({ output: "no" }), ctx: testContext })).toMatchObject({ pass: true });
  });

  it("leaves an invalid config or an unknown kind to fail each application, as applyEvaluator does", async () => {
    const invalid = prepareEvaluator({ kind: "contains", config: { values: "not a list" }, negate: false, weight: 1 });
    const unknown = prepareEvaluator({ kind: "telepathy", config: {}, negate: false, weight: 1 });
    for (const prepared of [invalid, invalid, unknown]) {
      const error = await prepared({ sample: sampleForTest({ output: "a" }), ctx: testContext }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
    }
  });
});

describe("combineVerdicts", () => {
  const v = (pass: boolean, score: number, weight = 1) => ({ verdict: { pass, score }, weight });

  it("passes only when every evaluator passes", () => {
    expect(combineVerdicts([v(true, 1), v(true, 0.8)]).pass).toBe(true);
    expect(combineVerdicts([v(true, 1), v(false, 0.9)]).pass).toBe(false);
  });

  it("scores the weighted mean", () => {
    expect(combineVerdicts([v(true, 1, 3), v(false, 0, 1)]).score).toBe(0.75);
    expect(combineVerdicts([v(true, 1, 0), v(false, 0.5, 2)]).score).toBe(0.5);
  });

  it("falls back to the plain mean when every weight is 0, and passes an empty list with score 1", () => {
    expect(combineVerdicts([v(true, 1, 0), v(false, 0, 0)]).score).toBe(0.5);
    expect(combineVerdicts([])).toEqual({ pass: true, score: 1 });
  });
});
