import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { describeText } from "./describe-text";
import { normaliseForComparison } from "./equals";
import { ignoreCaseField } from "./shared-fields";

const configSchema = z.object({
  value: z
    .string()
    .min(1, "Enter the text the output must start with, or leave the field out.")
    .max(10_000, "Use at most 10,000 characters.")
    .optional()
    .describe("The text the output must start with; leave empty to use the row's expected output."),
  trim: z.boolean().default(true).describe("Ignore spaces and line breaks before the output's first word."),
  ignoreCase: ignoreCaseField,
});

export type StartsWithConfig = z.output<typeof configSchema>;

export const startsWith: EvaluatorKind<StartsWithConfig> = {
  kind: "starts-with",
  label: "Starts with",
  description: "The output begins with a given text, or with the row's expected output.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const prefix = config.value ?? sample.expected;
    if (!prefix)
      return {
        pass: false,
        score: 0,
        reason: "Nothing to compare with: no text is configured and the row has no expected output.",
      };
    const rule = { trim: false, ignoreCase: config.ignoreCase };
    const output = normaliseForComparison(config.trim ? sample.output.trimStart() : sample.output, rule);
    const pass = output.startsWith(normaliseForComparison(prefix, rule));
    return {
      pass,
      score: pass ? 1 : 0,
      reason: pass
        ? `The output starts with ${describeText(prefix)}.`
        : `The output ${describeText(sample.output)} does not start with ${describeText(prefix)}.`,
    };
  },
};
