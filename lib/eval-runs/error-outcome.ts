import type { EvalOutcome } from "@/lib/eval-runs/commit-eval-results";

/** A row given up on: its error, with whatever of the answer is worth keeping (an output that failed its evaluators' own checks). */
export function errorOutcome(error: string, partial: Partial<EvalOutcome> = {}): EvalOutcome {
  return {
    status: "error",
    output: null,
    error,
    latencyMs: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    scores: null,
    pass: null,
    score: null,
    ...partial,
  };
}
