import { z } from "zod";

/** A range with either bound optional, shared by word-count and char-count. */
export function countRangeSchema(unit: string) {
  const bound = (which: string) =>
    z
      .number({ message: `Enter a number of ${unit}.` })
      .int(`Use a whole number of ${unit}.`)
      .min(0, "Use 0 or more.")
      .max(10_000_000)
      .optional()
      .describe(`The ${which} number of ${unit}; leave empty for no ${which === "least" ? "minimum" : "maximum"}.`);
  return z
    .object({ min: bound("least"), max: bound("most") })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      message: "Enter a minimum, a maximum or both.",
      path: ["min"],
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: "The minimum is larger than the maximum.",
      path: ["max"],
    });
}

export type CountRange = { min?: number; max?: number };

export function checkCountRange(opts: { count: number; range: CountRange; unit: string }) {
  const { count, range, unit } = opts;
  const tooFew = range.min !== undefined && count < range.min;
  const tooMany = range.max !== undefined && count > range.max;
  const pass = !tooFew && !tooMany;
  const wanted =
    range.min !== undefined && range.max !== undefined
      ? `${range.min.toLocaleString("en")}–${range.max.toLocaleString("en")}`
      : range.min !== undefined
        ? `at least ${range.min.toLocaleString("en")}`
        : `at most ${range.max!.toLocaleString("en")}`;
  return { pass, score: pass ? 1 : 0, reason: `${count.toLocaleString("en")} ${unit}; wanted ${wanted}.` };
}
