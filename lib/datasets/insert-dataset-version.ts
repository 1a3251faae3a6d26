import type { AuditAction } from "@/lib/audit/audit-actions";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { MAX_DATASET_ROWS } from "@/lib/datasets/dataset-limits";
import type { Tx } from "@/lib/db";
import { lockInTransaction } from "@/lib/db/lock-in-transaction";
import { AppError, validationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { DatasetRowContent } from "@/lib/validations/dataset";

/** A row of the new version: an existing row by id, or content for a new row. */
export type VersionEntry = { id: string } | DatasetRowContent;

const isKept = (entry: VersionEntry): entry is { id: string } => !("values" in entry) || entry.values === undefined;
const jsonText = (value: unknown) => (value == null ? null : JSON.stringify(value));

/**
 * Writes the next version of a dataset inside `tx`: new rows for new content, then the version and
 * its ordered row list. Set-based on purpose (one INSERT … SELECT FROM unnest per table, whatever
 * the row count): 10,000 rows are a handful of statements, not 20,000 round trips.
 * - `baseVersion`: the version the caller's edits started from; a newer latest is a 409.
 * - `appendToLatest`: the new version starts with the latest version's rows (copied in SQL), then `entries`.
 * Concurrent writers of one dataset take turns on an advisory lock, so version numbers never collide.
 */
export async function insertDatasetVersion(opts: {
  tx: Tx;
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
  createdById: string;
  message: string;
  entries: VersionEntry[];
  baseVersion?: number;
  appendToLatest?: boolean;
  action: Extract<AuditAction, `dataset.${string}`>;
}): Promise<{ number: number; rowCount: number; added: number }> {
  const { tx } = opts;
  await lockInTransaction(tx, `dataset:${opts.datasetId}`);
  const dataset = await tx.dataset.findUniqueOrThrow({ where: { id: opts.datasetId } });
  if (opts.baseVersion !== undefined && opts.baseVersion !== dataset.latestVersion)
    throw new AppError({
      code: "conflict",
      message: `${dataset.name} changed since you opened it: version ${dataset.latestVersion} is the latest, your edits start from version ${opts.baseVersion}. Reload to see it; your edits are kept on this page.`,
      details: { latestVersion: dataset.latestVersion },
    });
  const previous =
    opts.appendToLatest && dataset.latestVersion > 0
      ? await tx.datasetVersion.findUniqueOrThrow({
          where: { datasetId_number: { datasetId: dataset.id, number: dataset.latestVersion } },
        })
      : null;
  const offset = previous?.rowCount ?? 0;
  const rowCount = offset + opts.entries.length;
  if (rowCount > MAX_DATASET_ROWS)
    throw validationError([
      {
        path: "rows",
        message: `A version holds at most ${MAX_DATASET_ROWS.toLocaleString("en")} rows; this one would have ${rowCount.toLocaleString("en")}.`,
      },
    ]);

  const kept = [...new Set(opts.entries.filter(isKept).map((e) => e.id))];
  if (kept.length > 0) {
    const [{ found }] = await tx.$queryRaw<[{ found: number }]>`
      SELECT count(*)::int AS found FROM "DatasetRow" WHERE "datasetId" = ${dataset.id} AND id = ANY(${kept}::text[])`;
    if (found !== kept.length)
      throw validationError([
        { path: "rows", message: "Some kept rows are not rows of this dataset. Reload the page." },
      ]);
  }

  const ids = opts.entries.map((e) => (isKept(e) ? e.id : crypto.randomUUID()));
  const fresh = opts.entries.flatMap((e, i) => (isKept(e) ? [] : [{ id: ids[i]!, row: e }]));
  if (fresh.length > 0)
    await tx.$executeRaw`
      INSERT INTO "DatasetRow" ("id", "datasetId", "values", "expected", "metadata")
      SELECT t.id, ${dataset.id}, t.v::jsonb, t.e, t.m::jsonb
      FROM unnest(${fresh.map((f) => f.id)}::text[], ${fresh.map((f) => JSON.stringify(f.row.values))}::text[],
                  ${fresh.map((f) => f.row.expected ?? null)}::text[], ${fresh.map((f) => jsonText(f.row.metadata))}::text[])
        AS t(id, v, e, m)`;

  const number = dataset.latestVersion + 1;
  const version = await tx.datasetVersion.create({
    data: { datasetId: dataset.id, number, rowCount, message: opts.message, createdById: opts.createdById },
  });
  if (previous)
    await tx.$executeRaw`
      INSERT INTO "DatasetVersionRow" ("versionId", "position", "rowId")
      SELECT ${version.id}, "position", "rowId" FROM "DatasetVersionRow" WHERE "versionId" = ${previous.id}`;
  if (ids.length > 0)
    await tx.$executeRaw`
      INSERT INTO "DatasetVersionRow" ("versionId", "position", "rowId")
      SELECT ${version.id}, (t.ord - 1 + ${offset})::int, t.id FROM unnest(${ids}::text[]) WITH ORDINALITY AS t(id, ord)`;
  await tx.dataset.update({ where: { id: dataset.id }, data: { latestVersion: number } });
  await writeAuditEntry({
    tx,
    ctx: opts.ctx,
    projectId: opts.projectId,
    action: opts.action,
    target: { type: "dataset", id: dataset.id },
    after: { version: number, rowCount, added: fresh.length, message: opts.message },
  });
  return { number, rowCount, added: fresh.length };
}
