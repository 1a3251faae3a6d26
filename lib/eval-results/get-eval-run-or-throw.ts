import { z } from "zod";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The evaluators as the run froze them when it started; only what reading needs is checked, so a
// snapshot written by an older engine still shows.
const evaluatorSnapshotSchema = z.array(
  z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), weight: z.number().optional() }),
);

export type EvaluatorSnapshot = { id: string; name: string; kind: string };

/** A project's eval run by its number (#12), with its columns in order. Tenant scoping is in the where clause. */
export async function getEvalRunOrThrow(opts: { projectId: string; number: number }) {
  const run = await db.evalRun.findUnique({
    where: { projectId_number: { projectId: opts.projectId, number: opts.number } },
    include: {
      prompt: { select: { id: true, name: true } },
      datasetVersion: {
        select: { id: true, number: true, rowCount: true, dataset: { select: { id: true, name: true } } },
      },
      columns: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          role: true,
          label: true,
          version: true,
          environmentSlug: true,
          passRate: true,
          meanScore: true,
        },
      },
    },
  });
  if (!run) throw new AppError({ code: "not_found", message: `No eval run #${opts.number} in this project.` });
  const parsed = evaluatorSnapshotSchema.safeParse(run.evaluators);
  const evaluators: EvaluatorSnapshot[] = parsed.success
    ? parsed.data.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))
    : [];
  return { ...run, evaluators };
}

export type EvalRunRow = Awaited<ReturnType<typeof getEvalRunOrThrow>>;
export type EvalRunColumn = EvalRunRow["columns"][number];
