import { db } from "@/lib/db";
import type { EvaluatorSnapshot } from "@/lib/eval-results/get-eval-run-or-throw";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixFilter } from "@/lib/validations/eval-results";

export type EvaluatorVerdictCell = {
  evaluatorId: string;
  name: string;
  pass: boolean | null;
  score: number | null;
  reason: string | null;
};

export type MatrixCell = {
  /** pending, done, error, cancelled (not run) */
  status: string;
  output: string | null;
  error: string | null;
  pass: boolean | null;
  score: number | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  evaluators: EvaluatorVerdictCell[];
};

export type MatrixRow = {
  position: number;
  rowId: string;
  values: unknown;
  expected: string | null;
  /** One cell per column, in the columns' order; null where the column has no result for the row yet. */
  cells: Array<MatrixCell | null>;
};

export type MatrixPage = { rows: MatrixRow[]; nextAfter: number | null };

export const MATRIX_PAGE = 100;

// LIKE treats % and _ as wildcards and \ as its escape: a search for "50%" means the text "50%".
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const storedVerdicts = (scores: unknown): Array<Record<string, unknown>> =>
  Array.isArray(scores) ? scores.filter((s): s is Record<string, unknown> => !!s && typeof s === "object") : [];

/**
 * One page of a results matrix: the dataset version's rows in position order (after `after`), each
 * with its cell in every given column. Filters run in the database so a page of "regressions only"
 * over 10,000 rows still reads 100 rows:
 * - failures: some cell failed or errored;
 * - differences: two answered cells (done or error) of the row differ in verdict or output;
 * - regressions: the reference column passes and another column fails or errors (none without one).
 * `q` matches the row's values or expected output, or any cell's output (case-insensitive).
 */
export async function readMatrixPage(opts: {
  datasetVersionId: string;
  columnIds: string[];
  referenceColumnId: string | null;
  evaluators: EvaluatorSnapshot[];
  filter?: MatrixFilter;
  q?: string;
  after?: number;
  limit?: number;
}): Promise<MatrixPage> {
  const limit = opts.limit ?? MATRIX_PAGE;
  if (opts.columnIds.length === 0) return { rows: [], nextAfter: null };
  const columns = Prisma.join(opts.columnIds);
  const where: Prisma.Sql[] = [Prisma.sql`v."versionId" = ${opts.datasetVersionId}`];
  if (opts.after !== undefined) where.push(Prisma.sql`v.position > ${opts.after}`);
  if (opts.q) {
    const pattern = likePattern(opts.q);
    where.push(Prisma.sql`(d."values"::text ILIKE ${pattern} OR d.expected ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM "EvalResult" e WHERE e."columnId" IN (${columns}) AND e.position = v.position AND e.output ILIKE ${pattern}))`);
  }
  if (opts.filter === "failures") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "EvalResult" e WHERE e."columnId" IN (${columns})
      AND e.position = v.position AND (e.status = 'error' OR e.pass = false))`);
  } else if (opts.filter === "differences") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "EvalResult" x JOIN "EvalResult" y
      ON y.position = x.position AND y."columnId" IN (${columns}) AND y."columnId" > x."columnId"
      WHERE x."columnId" IN (${columns}) AND x.position = v.position
      AND x.status IN ('done', 'error') AND y.status IN ('done', 'error')
      AND (x.status <> y.status OR x.pass IS DISTINCT FROM y.pass OR x.output IS DISTINCT FROM y.output))`);
  } else if (opts.filter === "regressions") {
    const reference = opts.referenceColumnId;
    where.push(
      reference
        ? Prisma.sql`EXISTS (SELECT 1 FROM "EvalResult" b JOIN "EvalResult" c
            ON c.position = b.position AND c."columnId" IN (${columns}) AND c."columnId" <> b."columnId"
            WHERE b."columnId" = ${reference} AND b.position = v.position AND b.pass = true
            AND (c.pass = false OR c.status = 'error'))`
        : Prisma.sql`FALSE`,
    );
  }
  const found = await db.$queryRaw<Array<{ position: number }>>`
    SELECT v.position FROM "DatasetVersionRow" v JOIN "DatasetRow" d ON d.id = v."rowId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY v.position LIMIT ${limit + 1}`;
  const positions = found.slice(0, limit).map((f) => Number(f.position));
  if (positions.length === 0) return { rows: [], nextAfter: null };
  const [items, results] = await Promise.all([
    db.datasetVersionRow.findMany({
      where: { versionId: opts.datasetVersionId, position: { in: positions } },
      orderBy: { position: "asc" },
      select: { position: true, row: { select: { id: true, values: true, expected: true } } },
    }),
    db.evalResult.findMany({
      where: { columnId: { in: opts.columnIds }, position: { in: positions } },
      select: {
        columnId: true,
        position: true,
        status: true,
        output: true,
        error: true,
        pass: true,
        score: true,
        latencyMs: true,
        inputTokens: true,
        outputTokens: true,
        costUsd: true,
        scores: true,
      },
    }),
  ]);
  const names = new Map(opts.evaluators.map((e) => [e.id, e.name]));
  const byKey = new Map(results.map((r) => [`${r.columnId}:${r.position}`, r]));
  const rows = items.map((item): MatrixRow => ({
    position: item.position,
    rowId: item.row.id,
    values: item.row.values,
    expected: item.row.expected,
    cells: opts.columnIds.map((columnId) => {
      const r = byKey.get(`${columnId}:${item.position}`);
      if (!r) return null;
      return {
        status: r.status,
        output: r.output,
        error: r.error,
        pass: r.pass,
        score: r.score,
        latencyMs: r.latencyMs,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        costUsd: r.costUsd,
        evaluators: storedVerdicts(r.scores).map((s) => {
          const id = typeof s.evaluatorId === "string" ? s.evaluatorId : "";
          return {
            evaluatorId: id,
            // The run's snapshot names its evaluators; the engine also writes the name beside each verdict.
            name: names.get(id) ?? (typeof s.name === "string" ? s.name : id),
            pass: typeof s.pass === "boolean" ? s.pass : null,
            score: typeof s.score === "number" ? s.score : null,
            reason: typeof s.reason === "string" ? s.reason : null,
          };
        }),
      };
    }),
  }));
  return { rows, nextAfter: found.length > limit ? positions[positions.length - 1]! : null };
}
