import type { z } from "zod";

/** What an evaluator sees of one dataset row run through one column (a version, a draft, a baseline). */
export type EvalSample = {
  /** The row's variable values. */
  input: Record<string, unknown>;
  /** The model's answer (text; tool calls as their JSON). */
  output: string;
  expected: string | null;
  metadata: Record<string, unknown> | null;
  latencyMs: number | null;
  costUsd: number | null;
  /** The evaluated content's response JSON schema, when it declares one. */
  responseSchema: Record<string, unknown> | null;
};

/** One evaluator's judgement of one sample. `score` is 0–1; a judge's own usage counts toward the run. */
export type EvalVerdict = {
  pass: boolean;
  score: number;
  reason?: string;
  costUsd?: number;
  inputTokens?: number;
  outputTokens?: number;
};

export type EvalContext = { projectId: string; signal: AbortSignal };

/**
 * An evaluator kind: one file in lib/evals/kinds/ exporting one of these, listed in the registry.
 * The config schema validates what a user saves (and tells the form what to ask); `evaluate` must
 * not throw for a bad output (that is a failing verdict with a reason), only for its own trouble
 * (a judge's provider down), which the run records as that row's error and may retry.
 */
export type EvaluatorKind<C> = {
  kind: string;
  label: string;
  description: string;
  group: "deterministic" | "llm" | "http";
  configSchema: z.ZodType<C>;
  evaluate: (opts: { config: C; sample: EvalSample; ctx: EvalContext }) => Promise<EvalVerdict>;
};
