/** A dataset as lists and pages show it (browser-safe type). */
export type DatasetView = {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  rowCount: number;
  archived: boolean;
  updatedAt: string;
};

/** One row of a version, at its position. */
export type DatasetRowView = {
  position: number;
  id: string;
  values: Record<string, unknown>;
  expected: string | null;
  metadata: Record<string, unknown> | null;
};

export type DatasetVersionView = { number: number; rowCount: number; message: string; createdAt: string };

export const toDatasetView = (
  d: { id: string; name: string; description: string; latestVersion: number; archivedAt: Date | null; updatedAt: Date },
  rowCount: number,
): DatasetView => ({
  id: d.id,
  name: d.name,
  description: d.description,
  latestVersion: d.latestVersion,
  rowCount,
  archived: d.archivedAt !== null,
  updatedAt: d.updatedAt.toISOString(),
});
