import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";

const configSchema = z.object({
  maxUsd: z
    .number({ message: "Enter an amount in US dollars." })
    .min(0, "Use 0 or more.")
    .max(1000, "Use at most 1,000 USD.")
    .describe("The most one answer may cost, in US dollars."),
});

export type CostConfig = z.output<typeof configSchema>;

const usd = (n: number) => `$${n.toFixed(6).replace(/0+$/, "").replace(/\.$/, "")}`;

export const cost: EvaluatorKind<CostConfig> = {
  kind: "cost",
  label: "Cost at most",
  description: "The answer cost at most a given amount (at the project's model prices).",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    // Unknown cost (no price for the model) fails: a budget check that cannot be made is not met.
    if (sample.costUsd === null)
      return { pass: false, score: 0, reason: "The cost is unknown: the model has no price in Settings → Providers." };
    const pass = sample.costUsd <= config.maxUsd;
    return { pass, score: pass ? 1 : 0, reason: `${usd(sample.costUsd)} ${pass ? "≤" : ">"} ${usd(config.maxUsd)}.` };
  },
};
