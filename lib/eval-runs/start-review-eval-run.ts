import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { startEvalRun } from "@/lib/eval-runs/start-eval-run";
import type { RequestContext } from "@/lib/request-context";
import type { StartReviewEvalRunInput } from "@/lib/validations/eval-run";

/**
 * "Run evaluation" on a review: the version under review against what its environment runs now,
 * over the environment's gate dataset with the gate's evaluators and pass criteria when the
 * environment has a gate (so the run is the one the gate reads), or over what the caller chose.
 */
export async function startReviewEvalRun(opts: {
  ctx: RequestContext;
  projectId: string;
  createdById: string;
  input: StartReviewEvalRunInput;
}): Promise<{ id: string; number: number }> {
  const { input, projectId } = opts;
  const review = await db.review.findUnique({
    where: { projectId_number: { projectId, number: input.reviewNumber } },
    include: { environment: { select: { id: true, slug: true } } },
  });
  if (!review) throw new AppError({ code: "not_found", message: `No review #${input.reviewNumber} in this project.` });
  const gate = await db.environmentGate.findUnique({ where: { environmentId: review.environment.id } });
  const datasetId = gate?.datasetId ?? input.datasetId;
  const evaluatorIds = gate?.evaluatorIds ?? input.evaluatorIds;
  if (!datasetId || !evaluatorIds?.length)
    throw validationError([
      ...(datasetId ? [] : [{ path: "datasetId", message: "This environment has no gate: choose a dataset." }]),
      ...(evaluatorIds?.length
        ? []
        : [{ path: "evaluatorIds", message: "This environment has no gate: choose evaluators." }]),
    ]);
  const pointer = await db.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: review.environment.id, promptId: review.promptId } },
  });
  return startEvalRun({
    ctx: opts.ctx,
    projectId,
    createdById: opts.createdById,
    source: "review",
    reviewId: review.id,
    input: {
      promptId: review.promptId,
      candidate: { version: review.version },
      baseline: pointer ? review.environment.slug : null,
      versions: [],
      datasetId,
      evaluatorIds,
      modelOverrides: input.modelOverrides,
      criteria: gate
        ? {
            minPassRate: gate.minPassRate,
            ...(gate.maxRegression === null ? {} : { maxRegression: gate.maxRegression }),
          }
        : undefined,
    },
  });
}
