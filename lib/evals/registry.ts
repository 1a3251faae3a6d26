// Every evaluator kind, by name, and the two rules every run shares: how one saved evaluator is
// applied to a sample (its config checked by its kind, negate applied here, never in a kind) and how
// a sample's verdicts combine into one. Runs, the results matrix, gates and the Evaluators page read
// this module, so a new kind is one file in kinds/ plus one line below.
import { AppError, validationError } from "@/lib/errors";

import type { EvalContext, EvalSample, EvaluatorKind, EvalVerdict } from "./evaluator-kind";
import { charCount } from "./kinds/char-count";
import { contains } from "./kinds/contains";
import { cost } from "./kinds/cost";
import { equals } from "./kinds/equals";
import { httpEvaluator } from "./kinds/http";
import { icontains } from "./kinds/icontains";
import { isJson } from "./kinds/is-json";
import { jsonPathEquals } from "./kinds/json-path-equals";
import { jsonSchema } from "./kinds/json-schema";
import { latency } from "./kinds/latency";
import { levenshtein } from "./kinds/levenshtein";
import { llmJudge } from "./kinds/llm-judge";
import { regex } from "./kinds/regex";
import { responseSchema } from "./kinds/response-schema";
import { startsWith } from "./kinds/starts-with";
import { wordCount } from "./kinds/word-count";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own config type; callers go through parseEvaluatorConfig
type AnyKind = EvaluatorKind<any>;

/** In the order the Evaluators page offers them. */
export const evaluatorKinds = {
  equals,
  contains,
  icontains,
  "starts-with": startsWith,
  regex,
  levenshtein,
  "word-count": wordCount,
  "char-count": charCount,
  "is-json": isJson,
  "json-schema": jsonSchema,
  "json-path-equals": jsonPathEquals,
  "response-schema": responseSchema,
  latency,
  cost,
  "llm-judge": llmJudge,
  http: httpEvaluator,
} satisfies Record<string, AnyKind>;

export type EvaluatorKindName = keyof typeof evaluatorKinds;

export const evaluatorKindNames = Object.keys(evaluatorKinds) as EvaluatorKindName[];

export function isEvaluatorKindName(kind: string): kind is EvaluatorKindName {
  return Object.hasOwn(evaluatorKinds, kind);
}

export function getEvaluatorKind(kind: string): AnyKind {
  if (!isEvaluatorKindName(kind))
    throw new AppError({
      code: "validation_failed",
      message: `"${kind}" is not an evaluator kind. Use one of: ${evaluatorKindNames.join(", ")}.`,
      details: { issues: [{ path: "kind", message: `Choose one of: ${evaluatorKindNames.join(", ")}.` }] },
    });
  return evaluatorKinds[kind];
}

/**
 * A config checked (and completed with its defaults) by its kind's schema. A problem is a 422 whose
 * paths start with `config.`, so a form shows it beside the field and a run names what to fix.
 */
export function parseEvaluatorConfig(opts: { kind: string; config: unknown }): unknown {
  const kind = getEvaluatorKind(opts.kind);
  const parsed = kind.configSchema.safeParse(opts.config ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: ["config", ...i.path].join("."), message: i.message }));
  throw validationError(
    issues,
    `The ${kind.label} evaluator's settings are invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
  );
}

/** What a saved evaluator carries that applying it needs. */
export type AppliedEvaluator = { kind: string; config: unknown; negate: boolean; weight: number };

/** A saved evaluator ready for many samples: what applyEvaluator does, with the kind and config checked once. */
export type PreparedEvaluator = (opts: { sample: EvalSample; ctx: EvalContext }) => Promise<EvalVerdict>;

/**
 * Looks up the kind and checks the config once, for a caller that applies one evaluator to many
 * samples (an eval run, to each of its rows). An unknown kind or an invalid config is not thrown
 * here but by every application, as applyEvaluator would, so it stays each row's error.
 */
export function prepareEvaluator(evaluator: AppliedEvaluator): PreparedEvaluator {
  let kind: AnyKind;
  let config: unknown;
  try {
    kind = getEvaluatorKind(evaluator.kind);
    config = parseEvaluatorConfig({ kind: evaluator.kind, config: evaluator.config });
  } catch (problem) {
    return async () => {
      throw problem;
    };
  }
  return async ({ sample, ctx }) => {
    const verdict = await kind.evaluate({ config, sample, ctx });
    // A kind (or a team's HTTP check) that strays outside 0–1 must not skew a weighted mean.
    const score = Number.isFinite(verdict.score) ? Math.min(1, Math.max(0, verdict.score)) : 0;
    if (!evaluator.negate) return { ...verdict, score };
    return {
      ...verdict,
      pass: !verdict.pass,
      score: 1 - score,
      reason: `negated: ${verdict.reason ?? (verdict.pass ? "the check passed" : "the check failed")}`,
    };
  };
}

/**
 * One evaluator's verdict on one sample. Throws for an unknown kind, an invalid saved config or the
 * kind's own trouble (a judge's provider down), which a run records as the row's error; a bad output
 * is a failing verdict, not an error. `negate` flips pass and turns score into 1 − score.
 */
export async function applyEvaluator(opts: {
  evaluator: AppliedEvaluator;
  sample: EvalSample;
  ctx: EvalContext;
}): Promise<EvalVerdict> {
  return prepareEvaluator(opts.evaluator)({ sample: opts.sample, ctx: opts.ctx });
}

/**
 * A sample's overall verdict: it passes when every evaluator passes; its score is the mean of the
 * scores weighted by each evaluator's weight. With no weight at all (every weight 0) the plain mean
 * is used, and no verdicts at all pass with score 1 (nothing was asked).
 */
export function combineVerdicts(verdicts: { verdict: Pick<EvalVerdict, "pass" | "score">; weight: number }[]): {
  pass: boolean;
  score: number;
} {
  if (verdicts.length === 0) return { pass: true, score: 1 };
  const pass = verdicts.every((v) => v.verdict.pass);
  const totalWeight = verdicts.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  const score =
    totalWeight > 0
      ? verdicts.reduce((sum, v) => sum + v.verdict.score * Math.max(0, v.weight), 0) / totalWeight
      : verdicts.reduce((sum, v) => sum + v.verdict.score, 0) / verdicts.length;
  return { pass, score };
}
