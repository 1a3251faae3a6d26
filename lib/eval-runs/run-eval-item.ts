import "server-only";

import { AppError } from "@/lib/errors";
import type { EvalOutcome } from "@/lib/eval-runs/commit-eval-results";
import { errorOutcome } from "@/lib/eval-runs/error-outcome";
import type { EvalColumnPlan, EvalRunContext } from "@/lib/eval-runs/load-eval-run-context";
import type { EvalSample, EvalVerdict } from "@/lib/evals/evaluator-kind";
import { combineVerdicts } from "@/lib/evals/registry";
import type { Limiter } from "@/lib/jobs/create-limiter";
import { parseRetryAfter } from "@/lib/jobs/parse-retry-after";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";
import { executeRun, type RunResult } from "@/lib/runs/execute-run";

/** What to do with a claimed row once it has been tried. */
export type EvalItemDecision =
  | { kind: "commit"; outcome: EvalOutcome }
  /** Worth another attempt (rate limit, provider trouble, a timeout); retryAfterMs: what the provider asked for. */
  | { kind: "retry"; error: string; retryAfterMs: number | null }
  /** The run was cancelled meanwhile: nothing to write. */
  | { kind: "abandoned" };

export type EvalRow = { values: unknown; expected: string | null; metadata: unknown };

const RETRYABLE = new Set(["rate_limited", "network", "timeout"]);

function isRetryable(failure: ProviderFailure): boolean {
  return RETRYABLE.has(failure.code) || (failure.code === "provider_error" && (failure.status ?? 0) >= 500);
}

const giveUp = (error: string, partial?: Partial<EvalOutcome>): EvalItemDecision => ({
  kind: "commit",
  outcome: errorOutcome(error, partial),
});

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * One dataset row through one column: render its values into the column's content, call the model
 * once (non-streamed, within the provider's concurrency limit and the row timeout), then score the
 * answer with every evaluator of the run. A row whose values break the contract is that row's error
 * (retrying cannot fix it); provider trouble worth waiting out comes back as a retry.
 */
export async function runEvalItem(opts: {
  context: EvalRunContext;
  column: EvalColumnPlan;
  row: EvalRow;
  /** Aborted when the run is cancelled. */
  cancel: AbortSignal;
  rowTimeoutMs: number;
  limiter: Limiter;
}): Promise<EvalItemDecision> {
  const { context, column, row } = opts;
  const values = asRecord(row.values) ?? {};
  // The row's time starts when its call may start, not while it waits for a slot.
  let timeout: AbortSignal | undefined;
  let result: RunResult;
  try {
    result = await opts.limiter.run(() => {
      timeout = AbortSignal.timeout(opts.rowTimeoutMs);
      return executeRun({
        projectId: context.projectId,
        provider: context.provider,
        model: column.model,
        settings: column.settings,
        signal: AbortSignal.any([opts.cancel, timeout]),
        prices: context.prices,
        promptName: context.promptName,
        content: column.content,
        values,
      });
    });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return giveUp(error.message);
    return { kind: "retry", error: (error as Error)?.message ?? String(error), retryAfterMs: null };
  }
  if (opts.cancel.aborted) return { kind: "abandoned" };
  if (result.failure) {
    if (timeout?.aborted)
      return {
        kind: "retry",
        error: `No answer within ${Math.round(opts.rowTimeoutMs / 1000)} s (GALLEY_EVAL_ROW_TIMEOUT_MS).`,
        retryAfterMs: null,
      };
    const message = [result.failure.message, result.failure.hint].filter(Boolean).join(" ");
    if (isRetryable(result.failure))
      return {
        kind: "retry",
        error: message,
        retryAfterMs: result.failure.retryAfterSeconds ? Math.round(result.failure.retryAfterSeconds * 1000) : null,
      };
    return giveUp(message, { latencyMs: result.totalMs });
  }

  const output = result.output || (result.toolCalls.length ? JSON.stringify(result.toolCalls) : "");
  const format = column.settings.responseFormat;
  const sample: EvalSample = {
    input: values,
    output,
    expected: row.expected,
    metadata: asRecord(row.metadata),
    latencyMs: result.totalMs,
    costUsd: result.costUsd,
    responseSchema: format?.type === "json_schema" ? format.schema : null,
  };
  const settled = await Promise.allSettled(
    context.evaluators.map((evaluator) =>
      evaluator.apply({ sample, ctx: { projectId: context.projectId, signal: opts.cancel } }),
    ),
  );
  const failed = settled.findIndex((s) => s.status === "rejected");
  if (failed >= 0) {
    if (opts.cancel.aborted) return { kind: "abandoned" };
    const reason = (settled[failed] as PromiseRejectedResult).reason as unknown;
    const message = `${context.evaluators[failed]!.name}: ${(reason as Error)?.message ?? String(reason)}`;
    // A config the kind refuses will not pass on a retry; a judge's provider down or rate limited may.
    if (reason instanceof AppError && reason.status < 500 && reason.code !== "rate_limited")
      return giveUp(message, { output, latencyMs: result.totalMs });
    return {
      kind: "retry",
      error: message,
      retryAfterMs: reason instanceof AppError ? parseRetryAfter({ headers: reason.headers }) : null,
    };
  }
  const verdicts = settled.map((s) => (s as PromiseFulfilledResult<EvalVerdict>).value);
  const combined = combineVerdicts(verdicts.map((verdict, i) => ({ verdict, weight: context.evaluators[i]!.weight })));
  const judgeCost = verdicts.reduce((sum, v) => sum + (v.costUsd ?? 0), 0);
  return {
    kind: "commit",
    outcome: {
      status: "done",
      output,
      error: null,
      latencyMs: result.totalMs,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      // The judges' cost counts toward the row's: evaluating is part of what the run spent.
      costUsd: result.costUsd === null && judgeCost === 0 ? null : (result.costUsd ?? 0) + judgeCost,
      scores: verdicts.map((v, i) => ({
        evaluatorId: context.evaluators[i]!.id,
        name: context.evaluators[i]!.name,
        ...v,
      })),
      pass: combined.pass,
      score: combined.score,
    },
  };
}
