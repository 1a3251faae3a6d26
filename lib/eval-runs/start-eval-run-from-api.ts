import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { getCiEvalStatus } from "@/lib/eval-runs/get-ci-eval-status";
import { startEvalRun } from "@/lib/eval-runs/start-eval-run";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import type { RequestContext } from "@/lib/request-context";
import type { CiEvalRequest, CiEvalStatus } from "@/lib/validations/eval-run";

const POLL_MS = 500;

/**
 * POST /api/evals: CI names the prompt, dataset and evaluators as people do; the run is an
 * ordinary one (source "api"). With `wait`, answers once the run ends or the wait is over,
 * whichever comes first; CI then polls GET /api/evals/{number}.
 */
export async function startEvalRunFromApi(opts: {
  ctx: RequestContext;
  project: { id: string; slug: string };
  createdById: string;
  input: CiEvalRequest;
  /** The client went away: stop waiting (the run goes on). */
  signal?: AbortSignal;
}): Promise<CiEvalStatus> {
  const { input, project } = opts;
  const found = await findPromptByName({ projectId: project.id, name: input.prompt });
  if (!found) throw validationError([{ path: "prompt", message: `No prompt named ${input.prompt} in this project.` }]);
  const dataset = await db.dataset.findFirst({
    where: { projectId: project.id, name: input.dataset, archivedAt: null },
    select: { id: true },
  });
  if (!dataset)
    throw validationError([{ path: "dataset", message: `No dataset named ${input.dataset} in this project.` }]);
  const evaluators = await db.evaluator.findMany({
    where: { projectId: project.id, name: { in: input.evaluators }, archivedAt: null },
    select: { id: true, name: true },
  });
  const byName = new Map(evaluators.map((e) => [e.name, e.id]));
  const unknown = input.evaluators.filter((name) => !byName.has(name));
  if (unknown.length)
    throw validationError([
      { path: "evaluators", message: `No evaluator named ${unknown.join(", ")} in this project.` },
    ]);
  const run = await startEvalRun({
    ctx: opts.ctx,
    projectId: project.id,
    createdById: opts.createdById,
    source: "api",
    input: {
      promptId: found.prompt.id,
      candidate: input.content ? { content: input.content } : { version: input.version! },
      baseline: input.baseline,
      versions: [],
      datasetId: dataset.id,
      evaluatorIds: [...new Set(input.evaluators)].map((name) => byName.get(name)!),
      criteria: {
        minPassRate: input.minPassRate,
        ...(input.maxRegression === undefined ? {} : { maxRegression: input.maxRegression }),
      },
    },
  });
  const read = () => getCiEvalStatus({ projectId: project.id, projectSlug: project.slug, number: run.number });
  const deadline = Date.now() + input.wait * 1000;
  let status = await read();
  while (
    (status.status === "queued" || status.status === "running") &&
    Date.now() < deadline &&
    !opts.signal?.aborted
  ) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    status = await read();
  }
  return status;
}
