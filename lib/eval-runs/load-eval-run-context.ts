import "server-only";

import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EvaluatorSnapshot, StoredModelOverrides } from "@/lib/eval-runs/start-eval-run";
import { prepareEvaluator, type PreparedEvaluator } from "@/lib/evals/registry";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { priceTableFor } from "@/lib/providers/model-prices";
import { chooseRunModel } from "@/lib/runs/choose-run-model";
import type { RunProvider } from "@/lib/runs/execute-run";
import type { ModelConfig, PromptContent } from "@/lib/validations/prompt";

export type EvalColumnPlan = { content: PromptContent; settings: ModelConfig; model: string };

/** What every item of a run needs, loaded once per run per worker (a run's columns and evaluators never change). */
export type EvalRunContext = {
  runId: string;
  projectId: string;
  promptName: string;
  /** Each with its config checked once for the whole run rather than once per row. */
  evaluators: Array<EvaluatorSnapshot & { apply: PreparedEvaluator }>;
  provider: RunProvider;
  /** Items calling the same provider share its concurrency limit. */
  providerKey: string;
  columns: Map<string, EvalColumnPlan>;
  /** The project's model prices when the run started (in this worker): rows of one run are priced alike. */
  prices: Awaited<ReturnType<typeof priceTableFor>>;
};

/** Throws an AppError when the run cannot go on at all (its provider was deleted, its model is gone from the settings). */
export async function loadEvalRunContext(opts: { runId: string; client?: Db }): Promise<EvalRunContext> {
  const run = await (opts.client ?? db).evalRun.findUnique({
    where: { id: opts.runId },
    include: { columns: true, prompt: { select: { name: true } } },
  });
  if (!run) throw new AppError({ code: "not_found", message: "The eval run was deleted." });
  const overrides = run.modelOverrides as StoredModelOverrides;
  const provider = await getProviderClient({ projectId: run.projectId, providerId: overrides.providerId });
  const columns = new Map<string, EvalColumnPlan>();
  for (const column of run.columns) {
    const content = parseStoredContent({ stored: column.content, row: `EvalColumn ${column.id}` });
    const settings: ModelConfig = { ...content.modelConfig, ...overrides.settings };
    const model = chooseRunModel({ requested: overrides.model, settings, defaultModel: provider.defaultModel });
    columns.set(column.id, { content, settings, model });
  }
  return {
    runId: run.id,
    projectId: run.projectId,
    promptName: run.prompt.name,
    evaluators: (run.evaluators as EvaluatorSnapshot[]).map((e) => ({ ...e, apply: prepareEvaluator(e) })),
    provider,
    providerKey: `${run.projectId}:${overrides.providerId}`,
    columns,
    prices: await priceTableFor({ projectId: run.projectId }),
  };
}
