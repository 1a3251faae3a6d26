import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evalVerdict, type ColumnStatus } from "@/lib/eval-runs/eval-verdict";
import type { CiEvalStatus, EvalCriteria } from "@/lib/validations/eval-run";

/** An eval run as CI reads it (GET /api/evals/{number}): status, progress, per-column rates and the verdict. */
export async function getCiEvalStatus(opts: {
  projectId: string;
  projectSlug: string;
  number: number;
}): Promise<CiEvalStatus> {
  const run = await db.evalRun.findUnique({
    where: { projectId_number: { projectId: opts.projectId, number: opts.number } },
    include: { columns: { orderBy: { position: "asc" } } },
  });
  if (!run) throw new AppError({ code: "not_found", message: `No eval run #${opts.number} in this project.` });
  // Counted live, so a running run shows its rates so far; over scored rows, as the finished columns store them.
  const counts = await db.$queryRaw<
    Array<{ columnId: string; scored: number; passed: number; errors: number; meanScore: number | null }>
  >`
    SELECT "columnId", count(*) FILTER (WHERE "status" = 'done')::int AS "scored",
      count(*) FILTER (WHERE "status" = 'done' AND "pass")::int AS "passed",
      count(*) FILTER (WHERE "status" = 'error')::int AS "errors",
      avg("score") FILTER (WHERE "status" = 'done')::double precision AS "meanScore"
    FROM "EvalResult" WHERE "runId" = ${run.id} GROUP BY "columnId"`;
  const byColumn = new Map(counts.map((c) => [c.columnId, c]));
  const columns: ColumnStatus[] = run.columns.map((column) => {
    const c = byColumn.get(column.id);
    return {
      label: column.label,
      role: column.role as ColumnStatus["role"],
      version: column.version,
      passRate: c && c.scored > 0 ? c.passed / c.scored : null,
      meanScore: c?.meanScore ?? null,
      errors: c?.errors ?? 0,
    };
  });
  const candidateColumn = run.columns.find((c) => c.role === "candidate");
  const baselineColumn = run.columns.find((c) => c.role === "baseline");
  // Row by row: what the baseline got right and the candidate does not (a failed call counts as not passed).
  const regressed =
    candidateColumn && baselineColumn
      ? await db.$queryRaw<Array<{ position: number }>>`
          SELECT c."position" FROM "EvalResult" c
          JOIN "EvalResult" b ON b."runId" = c."runId" AND b."position" = c."position" AND b."columnId" = ${baselineColumn.id}
          WHERE c."columnId" = ${candidateColumn.id} AND b."status" = 'done' AND b."pass"
            AND (c."status" = 'error' OR (c."status" = 'done' AND NOT c."pass"))
          ORDER BY c."position"`
      : null;
  const status = run.status as CiEvalStatus["status"];
  const stored = (run.criteria ?? {}) as Partial<EvalCriteria>;
  const criteria: EvalCriteria = { minPassRate: stored.minPassRate ?? 1, maxRegression: stored.maxRegression };
  return {
    number: run.number,
    status,
    progress: { total: run.totalItems, done: run.doneItems, failed: run.failedItems },
    columns,
    regressions: regressed
      ? { rows: regressed.length, positions: regressed.slice(0, 50).map((r) => r.position) }
      : null,
    verdict: evalVerdict({
      status,
      candidate: columns.find((c) => c.role === "candidate"),
      baseline: columns.find((c) => c.role === "baseline"),
      criteria,
    }),
    url: `/p/${opts.projectSlug}/evals/${run.number}`,
  };
}
