import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { describeText } from "./describe-text";
import { ignoreCaseField, trimField } from "./shared-fields";

const configSchema = z.object({
  /** Compared against this text; when absent, against the row's expected output. */
  value: z
    .string()
    .max(100_000, "Use at most 100,000 characters.")
    .optional()
    .describe("The text to compare with; leave empty to use the row's expected output."),
  trim: trimField,
  ignoreCase: ignoreCaseField,
});

export type EqualsConfig = z.output<typeof configSchema>;

/** Unicode text is compared after NFC normalisation, so "é" typed two ways is one letter. */
export function normaliseForComparison(text: string, opts: { trim: boolean; ignoreCase: boolean }): string {
  let t = text.normalize("NFC");
  if (opts.trim) t = t.trim();
  if (opts.ignoreCase) t = t.toLocaleLowerCase("und");
  return t;
}

export const equals: EvaluatorKind<EqualsConfig> = {
  kind: "equals",
  label: "Equals",
  description: "The output is exactly a given text, or the row's expected output when none is given.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const target = config.value ?? sample.expected;
    if (target === null) return { pass: false, score: 0, reason: "The row has no expected output to compare with." };
    const pass = normaliseForComparison(sample.output, config) === normaliseForComparison(target, config);
    return {
      pass,
      score: pass ? 1 : 0,
      reason: pass
        ? "The output equals the expected text."
        : `The output ${describeText(sample.output)} differs from the expected ${describeText(target)}.`,
    };
  },
};
