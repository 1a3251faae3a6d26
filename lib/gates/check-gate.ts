import "server-only";

import { db, type Tx } from "@/lib/db";

export type GateState = "none" | "not-run" | "running" | "passed" | "failed";

/** How one version stands against an environment's gate; `reason` is the sentence shown and sent with a 409. */
export type GateCheck = {
  state: GateState;
  reason: string;
  gate?: {
    datasetId: string;
    datasetName: string | null;
    /** The dataset version a run must have used: the dataset's latest. */
    datasetVersion: number | null;
    evaluatorIds: string[];
    minPassRate: number;
    maxRegression: number | null;
    /** What the environment runs now, the baseline a regression is measured against. */
    baselineVersion: number | null;
  };
  run?: {
    number: number;
    status: string;
    doneItems: number;
    failedItems: number;
    totalItems: number;
    /** Rows of the candidate that passed every gate evaluator, of all its rows (null while running). */
    passed: number | null;
    total: number | null;
    passRate: number | null;
    baselinePassRate: number | null;
    /** Baseline − candidate pass rate (positive: the candidate does worse); null without a baseline. */
    regression: number | null;
  };
};

export type CheckGateOptions = {
  projectId: string;
  environmentId: string;
  promptId: string;
  version: number;
  /** The deploy's transaction, so the check and the move see the same runs and pointer. */
  tx?: Tx;
};

// Rates are fractions of row counts: compare with a little slack so 9/10 meets a 0.9 minimum.
const EPSILON = 1e-9;
const LIVE = ["queued", "running"];
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const points = (rate: number) => `${Math.round(rate * 1000) / 10} point${Math.round(rate * 1000) === 10 ? "" : "s"}`;

type StoredScore = { evaluatorId?: unknown; pass?: unknown };

/** Rows of one column that passed every one of `evaluatorIds` (errored rows count as not passed). */
async function countPasses(client: Tx | typeof db, columnId: string, evaluatorIds: string[]) {
  const results = await client.evalResult.findMany({ where: { columnId }, select: { status: true, scores: true } });
  const passed = results.filter((r) => {
    if (r.status !== "done" || !Array.isArray(r.scores)) return false;
    const scores = r.scores as StoredScore[];
    return evaluatorIds.every((id) => scores.some((s) => s?.evaluatorId === id && s.pass === true));
  }).length;
  return { passed, total: results.length, rate: results.length ? passed / results.length : 0 };
}

/**
 * Whether `version` of a prompt may enter an environment under its gate. The evidence is the newest
 * finished or unfinished eval run whose candidate column is exactly that version, over the gate's
 * dataset at its latest version (a pass over rows that were edited since proves nothing about the
 * rows the team now calls golden), scored by at least the gate's evaluators, and, when the gate
 * limits regression and the environment runs a version, with that version as a baseline column.
 * Only the gate's evaluators decide a row; a row whose call failed counts as not passed, so a run
 * cannot pass by erroring on its hard rows.
 */
export async function checkGate(opts: CheckGateOptions): Promise<GateCheck> {
  const client = opts.tx ?? db;
  const environment = await client.environment.findFirst({
    where: { id: opts.environmentId, projectId: opts.projectId },
    select: { name: true },
  });
  const envName = environment?.name ?? "This environment";
  const gate = await client.environmentGate.findFirst({
    where: { environmentId: opts.environmentId, projectId: opts.projectId },
  });
  if (!gate) return { state: "none", reason: `${envName} has no evaluation gate.` };
  const title = `${envName}'s evaluation gate`;
  // One query after another: inside a deploy's transaction they share one connection.
  const dataset = await client.dataset.findFirst({
    where: { id: gate.datasetId, projectId: opts.projectId },
    select: { name: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } } },
  });
  const pointer = await client.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: opts.environmentId, promptId: opts.promptId } },
  });
  const baselineVersion = pointer && pointer.version !== opts.version ? pointer.version : null;
  const datasetVersion = dataset?.versions[0] ?? null;
  const gateView: NonNullable<GateCheck["gate"]> = {
    datasetId: gate.datasetId,
    datasetName: dataset?.name ?? null,
    datasetVersion: datasetVersion?.number ?? null,
    evaluatorIds: gate.evaluatorIds,
    minPassRate: gate.minPassRate,
    maxRegression: gate.maxRegression,
    baselineVersion,
  };
  if (!dataset || !datasetVersion)
    return {
      state: "failed",
      gate: gateView,
      reason: `${title}: its dataset ${dataset ? "has no rows" : "was deleted"}, so no run can pass it. An admin can change or remove the gate in Settings → Environments.`,
    };

  const needsBaseline = gate.maxRegression !== null && baselineVersion !== null;
  const runs = await client.evalRun.findMany({
    where: {
      projectId: opts.projectId,
      promptId: opts.promptId,
      datasetVersionId: datasetVersion.id,
      status: { in: [...LIVE, "finished"] },
      AND: [
        { columns: { some: { role: "candidate", version: opts.version } } },
        ...(needsBaseline ? [{ columns: { some: { role: "baseline", version: baselineVersion } } }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: 50,
    select: {
      number: true,
      status: true,
      evaluators: true,
      totalItems: true,
      doneItems: true,
      failedItems: true,
      columns: { select: { id: true, role: true, version: true } },
    },
  });
  const run = runs.find((r) => {
    const ids = Array.isArray(r.evaluators) ? (r.evaluators as Array<{ id?: unknown }>).map((e) => e?.id) : [];
    return gate.evaluatorIds.every((id) => ids.includes(id));
  });
  const over = `"${dataset.name}" v${datasetVersion.number}`;
  if (!run)
    return {
      state: "not-run",
      gate: gateView,
      reason: `${title}: v${opts.version} has no evaluation over ${over} (the dataset's latest version) with the gate's evaluators${needsBaseline ? ` and v${baselineVersion}, which ${envName} runs now, as baseline` : ""}. Run one; the version can go to ${envName} once it passes.`,
    };
  const progress = {
    number: run.number,
    status: run.status,
    doneItems: run.doneItems,
    failedItems: run.failedItems,
    totalItems: run.totalItems,
  };
  if (LIVE.includes(run.status))
    return {
      state: "running",
      gate: gateView,
      run: { ...progress, passed: null, total: null, passRate: null, baselinePassRate: null, regression: null },
      reason: `${title}: run #${run.number} of v${opts.version} is still running (${run.doneItems + run.failedItems} of ${run.totalItems} results done).`,
    };

  const candidateColumn = run.columns.find((c) => c.role === "candidate" && c.version === opts.version)!;
  const candidate = await countPasses(client, candidateColumn.id, gate.evaluatorIds);
  const baselineColumn = needsBaseline
    ? run.columns.find((c) => c.role === "baseline" && c.version === baselineVersion)!
    : null;
  const baseline = baselineColumn ? await countPasses(client, baselineColumn.id, gate.evaluatorIds) : null;
  const regression = baseline ? baseline.rate - candidate.rate : null;
  const numbers = {
    ...progress,
    passed: candidate.passed,
    total: candidate.total,
    passRate: candidate.rate,
    baselinePassRate: baseline?.rate ?? null,
    regression,
  };
  const result = `v${opts.version} passed ${candidate.passed} of ${candidate.total} rows (${percent(candidate.rate)})`;
  if (candidate.rate + EPSILON < gate.minPassRate)
    return {
      state: "failed",
      gate: gateView,
      run: numbers,
      reason: `${title}: ${result}, below the required ${percent(gate.minPassRate)} (run #${run.number}).`,
    };
  if (baseline && regression !== null && gate.maxRegression !== null && regression > gate.maxRegression + EPSILON)
    return {
      state: "failed",
      gate: gateView,
      run: numbers,
      reason: `${title}: ${result}, ${points(regression)} below v${baselineVersion} (${percent(baseline.rate)}), which ${envName} runs now; at most ${points(gate.maxRegression)} allowed (run #${run.number}).`,
    };
  return {
    state: "passed",
    gate: gateView,
    run: numbers,
    reason: `${title}: ${result}, meeting the required ${percent(gate.minPassRate)}${baseline ? ` against ${percent(baseline.rate)} for v${baselineVersion}` : ""} (run #${run.number}).`,
  };
}
