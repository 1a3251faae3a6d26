import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { describeText } from "./describe-text";
import { normaliseForComparison } from "./equals";
import { ignoreCaseField, trimField } from "./shared-fields";

/**
 * The edit distance is O(n·m) time (O(m) memory) on the server's one thread: 25 million steps took
 * 0.4 s on a busy 2-core machine, so the bound is 10 million (two 3,000-character texts, under
 * 0.2 s), the most one sample may take. Longer pairs fail
 * with a reason rather than stall a run; compare long answers with contains or an LLM judge.
 */
export const MAX_LEVENSHTEIN_CELLS = 10_000_000;

/** Edits (insert, delete, substitute one code point) that turn a into b. */
export function levenshteinDistance(a: string, b: string): number {
  // Numbers compare faster than one-character strings (twice as fast on 25 million steps).
  const codePoints = (t: string) => Uint32Array.from(t, (c) => c.codePointAt(0)!);
  let x = codePoints(a);
  let y = codePoints(b);
  if (x.length < y.length) [x, y] = [y, x];
  let previous = new Uint32Array(y.length + 1).map((_, j) => j);
  let current = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const substitute = previous[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      const insertOrDelete = Math.min(previous[j]!, current[j - 1]!) + 1;
      current[j] = substitute < insertOrDelete ? substitute : insertOrDelete;
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

const configSchema = z.object({
  value: z
    .string()
    .max(10_000, "Use at most 10,000 characters.")
    .optional()
    .describe("The text to compare with; leave empty to use the row's expected output."),
  threshold: z
    .number({ message: "Enter a number between 0 and 1." })
    .min(0, "Use a number between 0 and 1.")
    .max(1, "Use a number between 0 and 1.")
    .default(0.8)
    .describe("The least similarity that passes: 1 is identical, 0 shares nothing."),
  trim: trimField,
  ignoreCase: ignoreCaseField,
});

export type LevenshteinConfig = z.output<typeof configSchema>;

export const levenshtein: EvaluatorKind<LevenshteinConfig> = {
  kind: "levenshtein",
  label: "Similar to (Levenshtein)",
  description:
    "The output is close to a text: similarity = 1 − edits ÷ length of the longer text, at least a threshold.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const target = config.value ?? sample.expected;
    if (target === null) return { pass: false, score: 0, reason: "The row has no expected output to compare with." };
    const a = normaliseForComparison(sample.output, config);
    const b = normaliseForComparison(target, config);
    const lengthA = [...a].length;
    const lengthB = [...b].length;
    if (lengthA * lengthB > MAX_LEVENSHTEIN_CELLS)
      return {
        pass: false,
        score: 0,
        reason: `Too long to compare: ${lengthA.toLocaleString("en")} × ${lengthB.toLocaleString("en")} characters is over the bound of ${MAX_LEVENSHTEIN_CELLS.toLocaleString("en")}.`,
      };
    const longer = Math.max(lengthA, lengthB);
    const similarity = longer === 0 ? 1 : 1 - levenshteinDistance(a, b) / longer;
    const pass = similarity >= config.threshold;
    return {
      pass,
      score: similarity,
      reason: `Similarity ${similarity.toFixed(3)} ${pass ? "≥" : "<"} ${config.threshold} to ${describeText(target)}.`,
    };
  },
};
