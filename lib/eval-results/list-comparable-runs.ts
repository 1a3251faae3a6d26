import { db } from "@/lib/db";

/** Finished runs over the same dataset version as run #`number`, newest first: what "Compare with…" offers. */
export async function listComparableRuns(opts: {
  projectId: string;
  datasetVersionId: string;
  number: number;
}): Promise<Array<{ number: number; promptName: string; label: string }>> {
  const runs = await db.evalRun.findMany({
    where: {
      projectId: opts.projectId,
      datasetVersionId: opts.datasetVersionId,
      status: "finished",
      number: { not: opts.number },
    },
    orderBy: { number: "desc" },
    take: 50,
    select: {
      number: true,
      prompt: { select: { name: true } },
      columns: { where: { role: "candidate" }, orderBy: { position: "asc" }, take: 1, select: { label: true } },
    },
  });
  return runs.map((r) => ({ number: r.number, promptName: r.prompt.name, label: r.columns[0]?.label ?? "" }));
}
