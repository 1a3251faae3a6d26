import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { nudgeEvalWorker } from "@/lib/eval-runs/eval-worker-hooks";
import { resolveEvalProvider } from "@/lib/eval-runs/resolve-eval-provider";
import { parseEvaluatorConfig } from "@/lib/evals/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkContent } from "@/lib/prompts/check-content";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import type { RequestContext } from "@/lib/request-context";
import { chooseRunModel } from "@/lib/runs/choose-run-model";
import { EVAL_RUN_LIMITS, type EvalCriteria, type StartEvalRunInput } from "@/lib/validations/eval-run";
import type { PromptContent } from "@/lib/validations/prompt";

/** An evaluator as the run snapshots it: later edits to the saved evaluator do not change the run's meaning. */
export type EvaluatorSnapshot = {
  id: string;
  name: string;
  kind: string;
  config: unknown;
  negate: boolean;
  weight: number;
};

/** What EvalRun.modelOverrides holds: the provider chosen at start, and what was laid over each column's settings. */
export type StoredModelOverrides = {
  providerId: string;
  model?: string;
  settings?: NonNullable<StartEvalRunInput["modelOverrides"]>["settings"];
};

type Column = {
  role: "candidate" | "baseline";
  label: string;
  version: number | null;
  environmentSlug: string | null;
  content: PromptContent;
};

export type StartEvalRunOptions = {
  ctx: RequestContext;
  projectId: string;
  /** Who started it: the member, or the user who created the API key. */
  createdById: string;
  input: StartEvalRunInput;
  source: "studio" | "review" | "api";
  reviewId?: string;
};

const issue = (path: string, message: string) => validationError([{ path, message }]);

async function baselineColumn(opts: {
  projectId: string;
  promptId: string;
  slug: string;
  explicit: boolean;
}): Promise<Column | null> {
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: opts.projectId, slug: opts.slug } },
  });
  if (!env) {
    if (!opts.explicit) return null;
    throw issue("baseline", `No environment "${opts.slug}" in this project.`);
  }
  const pointer = await db.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: env.id, promptId: opts.promptId } },
  });
  if (!pointer) {
    if (!opts.explicit) return null;
    throw issue("baseline", `${env.name} runs no version of this prompt yet; choose another baseline or none.`);
  }
  const version = await getVersionOrThrow({
    projectId: opts.projectId,
    promptId: opts.promptId,
    number: pointer.version,
  });
  return {
    role: "baseline",
    label: `${env.name} (v${version.number})`,
    version: version.number,
    environmentSlug: env.slug,
    content: version.content,
  };
}

/**
 * Starts an eval run: the candidate (a version or a draft's content), the baseline (what an
 * environment runs now) and any further versions become columns with their content frozen; the
 * dataset version's rows × the columns become one pending result each, the work items the eval
 * worker claims. Everything is checked first (a missing model or variable-free dataset is a 422
 * here, not 20,000 row errors later), then written in one transaction with its audit entry.
 */
export async function startEvalRun(opts: StartEvalRunOptions): Promise<{ id: string; number: number }> {
  const { input, projectId } = opts;
  const prompt = await getPromptOrThrow({ projectId, promptId: input.promptId });

  const columns: Column[] = [];
  if ("version" in input.candidate) {
    const version = await getVersionOrThrow({ projectId, promptId: prompt.id, number: input.candidate.version });
    columns.push({
      role: "candidate",
      label: `v${version.number}`,
      version: version.number,
      environmentSlug: null,
      content: version.content,
    });
  } else {
    const content = checkContent({ type: prompt.type, content: input.candidate.content, forVersion: false });
    columns.push({ role: "candidate", label: "Draft", version: null, environmentSlug: null, content });
  }
  if (input.baseline !== null) {
    const baseline = await baselineColumn({
      projectId,
      promptId: prompt.id,
      slug: input.baseline ?? "production",
      explicit: input.baseline !== undefined,
    });
    if (baseline) columns.push(baseline);
  }
  for (const number of new Set(input.versions)) {
    if (columns.some((c) => c.role === "candidate" && c.version === number)) continue;
    const version = await getVersionOrThrow({ projectId, promptId: prompt.id, number });
    columns.push({
      role: "candidate",
      label: `v${number}`,
      version: number,
      environmentSlug: null,
      content: version.content,
    });
  }
  if (columns.length > EVAL_RUN_LIMITS.columns)
    throw issue("versions", `A run compares at most ${EVAL_RUN_LIMITS.columns} columns; choose fewer versions.`);

  const dataset = await db.dataset.findFirst({ where: { id: input.datasetId, projectId, archivedAt: null } });
  if (!dataset) throw new AppError({ code: "not_found", message: "No such dataset in this project." });
  const datasetVersionNumber = input.datasetVersion ?? dataset.latestVersion;
  if (datasetVersionNumber === 0) throw issue("datasetId", `${dataset.name} has no rows yet; add some first.`);
  const datasetVersion = await db.datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: dataset.id, number: datasetVersionNumber } },
  });
  if (!datasetVersion)
    throw issue(
      "datasetVersion",
      `${dataset.name} has no version ${datasetVersionNumber} (latest is ${dataset.latestVersion}).`,
    );
  if (datasetVersion.rowCount === 0)
    throw issue("datasetVersion", `Version ${datasetVersion.number} of ${dataset.name} has no rows.`);
  const totalItems = datasetVersion.rowCount * columns.length;
  if (totalItems > EVAL_RUN_LIMITS.items)
    throw issue(
      "datasetId",
      `${datasetVersion.rowCount} rows × ${columns.length} columns is ${totalItems} items; a run may have at most ${EVAL_RUN_LIMITS.items.toLocaleString("en")}.`,
    );

  const saved = await db.evaluator.findMany({
    where: { projectId, id: { in: input.evaluatorIds }, archivedAt: null },
  });
  const byId = new Map(saved.map((e) => [e.id, e]));
  const missing = input.evaluatorIds.filter((id) => !byId.has(id));
  if (missing.length)
    throw issue("evaluatorIds", `${missing.length} of the chosen evaluators no longer exist in this project.`);
  const evaluators: EvaluatorSnapshot[] = input.evaluatorIds.map((id) => {
    const e = byId.get(id)!;
    try {
      return {
        id: e.id,
        name: e.name,
        kind: e.kind,
        config: parseEvaluatorConfig({ kind: e.kind, config: e.config }),
        negate: e.negate,
        weight: e.weight,
      };
    } catch (error) {
      throw issue("evaluatorIds", `${e.name}: ${(error as Error).message}`);
    }
  });

  const provider = await resolveEvalProvider({
    projectId,
    requested: input.modelOverrides?.providerId,
    named: columns[0]!.content.modelConfig.provider,
  });
  const overrides: StoredModelOverrides = {
    providerId: provider.providerId,
    ...(input.modelOverrides?.model ? { model: input.modelOverrides.model } : {}),
    ...(input.modelOverrides?.settings ? { settings: input.modelOverrides.settings } : {}),
  };
  // Each column must know its model now: asking 20,000 times to find out it does not is no answer.
  for (const column of columns) {
    try {
      chooseRunModel({
        requested: overrides.model,
        settings: { ...column.content.modelConfig, ...overrides.settings },
        defaultModel: provider.defaultModel,
      });
    } catch {
      throw issue(
        "modelOverrides.model",
        `${column.label} has no model: choose one for the run, or set one in its model settings.`,
      );
    }
  }
  const criteria: EvalCriteria | null = input.criteria ?? null;

  for (let attempt = 0; ; attempt++) {
    try {
      const run = await db.$transaction(async (tx) => {
        const last = await tx.evalRun.findFirst({
          where: { projectId },
          orderBy: { number: "desc" },
          select: { number: true },
        });
        const number = (last?.number ?? 0) + 1;
        const run = await tx.evalRun.create({
          data: {
            projectId,
            number,
            promptId: prompt.id,
            datasetId: dataset.id,
            datasetVersionId: datasetVersion.id,
            evaluators: evaluators as unknown as Prisma.InputJsonValue,
            modelOverrides: overrides as unknown as Prisma.InputJsonValue,
            criteria: (criteria ?? undefined) as Prisma.InputJsonValue | undefined,
            source: opts.source,
            reviewId: opts.reviewId ?? null,
            createdById: opts.createdById,
            totalItems,
            columns: {
              create: columns.map((c, position) => ({
                position,
                role: c.role,
                label: c.label,
                version: c.version,
                environmentSlug: c.environmentSlug,
                content: c.content as unknown as Prisma.InputJsonValue,
              })),
            },
          },
          select: { id: true, number: true },
        });
        // The work items, written by the database from the version's rows: one statement however
        // many rows, with nothing to send over the wire and no bind-parameter limit to split around.
        const inserted = await tx.$executeRaw`
          INSERT INTO "EvalResult" ("id", "runId", "columnId", "rowId", "position", "status", "nextAttemptAt")
          SELECT gen_random_uuid()::text, ${run.id}, c."id", r."rowId", r."position", 'pending', now()
          FROM "DatasetVersionRow" r CROSS JOIN "EvalColumn" c
          WHERE r."versionId" = ${datasetVersion.id} AND c."runId" = ${run.id}`;
        if (inserted !== totalItems)
          throw new AppError({
            code: "conflict",
            message: "The dataset version changed while the run started; try again.",
          });
        await writeAuditEntry({
          tx,
          ctx: opts.ctx,
          projectId,
          action: "eval-run.start",
          target: { type: "eval-run", id: run.id },
          after: {
            number,
            prompt: prompt.name,
            columns: columns.map((c) => c.label),
            dataset: dataset.name,
            datasetVersion: datasetVersion.number,
            evaluators: evaluators.map((e) => e.name),
            source: opts.source,
          },
        });
        return run;
      });
      nudgeEvalWorker();
      return run;
    } catch (error) {
      // Two runs started at once may pick the same number; the unique index refuses one, which retries.
      if ((error as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw error;
    }
  }
}
