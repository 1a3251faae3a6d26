import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { refuseDeepJson } from "@/lib/http/refuse-deep-json";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";

const problem = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, message: (error as AppError).message };
  }
  return null;
};

describe("refuseUnsafeInput", () => {
  it("names the path of a string holding a NUL byte", () => {
    const body = {
      messages: [
        { role: "system", content: "ok" },
        { role: "user", content: "ok" },
        { role: "user", content: "a\u0000b" },
      ],
    };
    expect(problem(() => refuseUnsafeInput({ value: body }))).toEqual({
      code: "validation_failed",
      message: "messages.2.content: contains a NUL character",
    });
  });

  it("names unpaired surrogates (high or low) but accepts real pairs", () => {
    expect(problem(() => refuseUnsafeInput({ value: { message: "v2 \uD83D" } }))?.message).toBe(
      "message: contains an unpaired surrogate, which is not valid Unicode",
    );
    expect(problem(() => refuseUnsafeInput({ value: { message: "\uDE00 v2" } }))?.message).toMatch(
      /^message: contains an unpaired surrogate/,
    );
    expect(problem(() => refuseUnsafeInput({ value: { message: "v2 \uD83D\uDE00 ✓" } }))).toBeNull();
  });

  it("checks object keys too (jsonb refuses them as well)", () => {
    expect(problem(() => refuseUnsafeInput({ value: { values: { "a\u0000": 1 } } }))?.message).toBe(
      "values: has a key that contains a NUL character",
    );
  });

  it("names a query parameter through the prefix", () => {
    expect(problem(() => refuseUnsafeInput({ value: "x\u0000", prefix: "q" }))?.message).toBe(
      "q: contains a NUL character",
    );
  });

  it("refuses nesting deeper than the bound, without overflowing its own stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problem(() => refuseUnsafeInput({ value: deep }))?.message).toMatch(/is nested deeper than 64 levels$/);
    let ok: unknown = 1;
    for (let i = 0; i < 64; i++) ok = { a: ok };
    expect(problem(() => refuseUnsafeInput({ value: ok }))).toBeNull();
  });
});

describe("refuseDeepJson", () => {
  it("refuses text nested deeper than 64 levels and accepts 64", () => {
    expect(problem(() => refuseDeepJson({ text: "[".repeat(65) + "]".repeat(65) }))?.message).toBe(
      "The request body is nested deeper than 64 levels.",
    );
    expect(problem(() => refuseDeepJson({ text: "[".repeat(64) + "]".repeat(64) }))).toBeNull();
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(
      problem(() =>
        refuseDeepJson({ text: JSON.stringify({ template: "{{#a}}".repeat(100) + '\\"[[[[' + "[".repeat(100) }) }),
      ),
    ).toBeNull();
  });
});
