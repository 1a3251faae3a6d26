import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { normaliseForComparison } from "./equals";
import { ignoreCaseField } from "./shared-fields";

/** The list and its rule, shared with icontains. */
export const containsFields = {
  /** The texts to look for; when empty, the row's expected output is the one text. */
  values: z
    .array(z.string().min(1, "Leave out empty texts.").max(10_000, "Use at most 10,000 characters."))
    .max(100, "Use at most 100 texts.")
    .default([])
    .describe("The texts to look for; leave empty to look for the row's expected output."),
  mode: z.enum(["any", "all"]).default("any").describe("Pass when any of the texts is found, or only when all are."),
};

const configSchema = z.object({
  ...containsFields,
  ignoreCase: ignoreCaseField,
});

export type ContainsConfig = z.output<typeof configSchema>;

/** Shared by contains and icontains, which differ only in their case rule. */
export async function evaluateContains(opts: {
  config: ContainsConfig;
  output: string;
  expected: string | null;
}): ReturnType<EvaluatorKind<ContainsConfig>["evaluate"]> {
  const { config } = opts;
  const wanted = config.values.length > 0 ? config.values : opts.expected ? [opts.expected] : [];
  if (wanted.length === 0)
    return {
      pass: false,
      score: 0,
      reason: "Nothing to look for: no texts are configured and the row has no expected output.",
    };
  const rule = { trim: false, ignoreCase: config.ignoreCase };
  const haystack = normaliseForComparison(opts.output, rule);
  const found = wanted.filter((w) => haystack.includes(normaliseForComparison(w, rule)));
  const missing = wanted.filter((w) => !found.includes(w));
  const pass = config.mode === "all" ? missing.length === 0 : found.length > 0;
  const score = config.mode === "all" ? found.length / wanted.length : pass ? 1 : 0;
  const list = (items: string[]) =>
    items.map((i) => JSON.stringify(i.length > 60 ? `${i.slice(0, 60)}…` : i)).join(", ");
  return {
    pass,
    score,
    reason: pass
      ? `Found ${list(found)}.`
      : config.mode === "all"
        ? `Missing ${list(missing)}.`
        : `None of ${list(wanted)} was found.`,
  };
}

export const contains: EvaluatorKind<ContainsConfig> = {
  kind: "contains",
  label: "Contains",
  description: "The output contains any (or all) of a list of texts, or the row's expected output.",
  group: "deterministic",
  configSchema,
  evaluate: ({ config, sample }) => evaluateContains({ config, output: sample.output, expected: sample.expected }),
};
