import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { getCiEvalStatus } from "@/lib/eval-runs/get-ci-eval-status";
import { startEvalRun } from "@/lib/eval-runs/start-eval-run";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import type { RequestContext } from "@/lib/request-context";
import type { CiEvalRequest, CiEvalStatus } from "@/lib/validations/eval-run";

const POLL_MS = 500;

/** The dataset and evaluators CI named, by name. */
async function namedChoices(opts: { projectId: string; dataset: string; evaluators: string[] }) {
  const dataset = await db.dataset.findFirst({
    where: { projectId: opts.projectId, name: opts.dataset, archivedAt: null },
    select: { id: true },
  });
  if (!dataset)
    throw validationError([{ path: "dataset", message: `No dataset named ${opts.dataset} in this project.` }]);
  const evaluators = await db.evaluator.findMany({
    where: { projectId: opts.projectId, name: { in: opts.evaluators }, archivedAt: null },
    select: { id: true, name: true },
  });
  const byName = new Map(evaluators.map((e) => [e.name, e.id]));
  const unknown = opts.evaluators.filter((name) => !byName.has(name));
  if (unknown.length)
    throw validationError([
      { path: "evaluators", message: `No evaluator named ${unknown.join(", ")} in this project.` },
    ]);
  return {
    datasetId: dataset.id,
    evaluatorIds: [...new Set(opts.evaluators)].map((name) => byName.get(name)!),
    criteria: null,
  };
}

/** An environment's gate: its dataset, evaluators and criteria, so the verdict is the gate's. */
async function gateChoices(opts: { projectId: string; slug: string }) {
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: opts.projectId, slug: opts.slug } },
    select: { id: true, name: true, gate: true },
  });
  if (!env) throw validationError([{ path: "gate", message: `No environment "${opts.slug}" in this project.` }]);
  if (!env.gate)
    throw validationError([
      { path: "gate", message: `${env.name} has no evaluation gate; name a dataset and evaluators instead.` },
    ]);
  return {
    datasetId: env.gate.datasetId,
    evaluatorIds: env.gate.evaluatorIds,
    criteria: {
      minPassRate: env.gate.minPassRate,
      ...(env.gate.maxRegression === null ? {} : { maxRegression: env.gate.maxRegression }),
    },
  };
}

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
  const chosen = input.gate
    ? await gateChoices({ projectId: project.id, slug: input.gate })
    : await namedChoices({ projectId: project.id, dataset: input.dataset!, evaluators: input.evaluators! });
  const run = await startEvalRun({
    ctx: opts.ctx,
    projectId: project.id,
    createdById: opts.createdById,
    source: "api",
    input: {
      promptId: found.prompt.id,
      candidate: input.content ? { content: input.content } : { version: input.version! },
      baseline: input.baseline === undefined && input.gate ? input.gate : input.baseline,
      versions: [],
      datasetId: chosen.datasetId,
      evaluatorIds: chosen.evaluatorIds,
      criteria: chosen.criteria ?? {
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
