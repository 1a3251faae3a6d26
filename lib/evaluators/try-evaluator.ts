import { AppError } from "@/lib/errors";
import type { EvalSample, EvalVerdict } from "@/lib/evals/evaluator-kind";
import { applyEvaluator, type AppliedEvaluator } from "@/lib/evals/registry";
import { getEvaluatorOrThrow } from "@/lib/evaluators/get-evaluator-or-throw";
import { abortAfter } from "@/lib/net/abort-after";

const withoutSecret = (config: unknown) => {
  const { secretEncrypted: _secret, ...rest } = (config ?? {}) as Record<string, unknown>;
  void _secret;
  return rest;
};

/** A "try it" gives up after this long, so a slow judge or endpoint cannot hold a request open. */
export const TRY_TIMEOUT_MS = 120_000;

/**
 * Scores one sample on the spot with the same applyEvaluator as runs, for a saved evaluator (by id)
 * or one being written. LLM judges and HTTP evaluators really call out. Their trouble (a provider or
 * endpoint down, an unreadable answer) is the answer here, `{ verdict: null, error }`, not a 5xx:
 * it is what the person trying wants to see, and no fault of this server. Invalid settings stay 422s.
 */
export async function tryEvaluator(opts: {
  projectId: string;
  evaluator: { id: string } | AppliedEvaluator;
  sample: EvalSample;
  signal?: AbortSignal;
}): Promise<{ verdict: EvalVerdict; error: null } | { verdict: null; error: string }> {
  const evaluator =
    "id" in opts.evaluator
      ? await getEvaluatorOrThrow({ projectId: opts.projectId, evaluatorId: opts.evaluator.id })
      : // A client cannot borrow a saved evaluator's sealed secret by pasting it into an unsaved config.
        { ...opts.evaluator, config: withoutSecret(opts.evaluator.config) };
  const timeout = abortAfter(TRY_TIMEOUT_MS, opts.signal);
  try {
    const verdict = await applyEvaluator({
      evaluator: { kind: evaluator.kind, config: evaluator.config, negate: evaluator.negate, weight: evaluator.weight },
      sample: opts.sample,
      ctx: { projectId: opts.projectId, signal: timeout.signal },
    });
    return { verdict, error: null };
  } catch (error) {
    if (error instanceof AppError && (error.code === "unavailable" || error.code === "rate_limited"))
      return { verdict: null, error: error.message };
    throw error;
  } finally {
    timeout.clear();
  }
}
