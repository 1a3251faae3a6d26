import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";

const configSchema = z.object({
  maxMs: z
    .number({ message: "Enter a number of milliseconds." })
    .int("Use whole milliseconds.")
    .min(1, "Use at least 1 ms.")
    .max(3_600_000, "Use at most 3,600,000 ms (an hour).")
    .describe("The slowest acceptable answer, in milliseconds."),
});

export type LatencyConfig = z.output<typeof configSchema>;

export const latency: EvaluatorKind<LatencyConfig> = {
  kind: "latency",
  label: "Latency at most",
  description: "The answer took at most a given number of milliseconds.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    // Unmeasured is not fast: failing says so instead of passing a check that did not happen.
    if (sample.latencyMs === null) return { pass: false, score: 0, reason: "No latency was measured for this output." };
    const pass = sample.latencyMs <= config.maxMs;
    return {
      pass,
      score: pass ? 1 : 0,
      reason: `${sample.latencyMs.toLocaleString("en")} ms ${pass ? "≤" : ">"} ${config.maxMs.toLocaleString("en")} ms.`,
    };
  },
};
