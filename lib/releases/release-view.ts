// Browser-safe: a release as the API and the studio show it.
import { parseArms, type Arm } from "@/lib/releases/arms";

/** A release (split) with its arms checked and dates as ISO strings. */
export type ReleaseView = {
  id: string;
  environmentId: string;
  promptId: string;
  baseVersion: number;
  arms: Arm[];
  status: "active" | "promoted" | "aborted";
  endVersion: number | null;
  createdByName: string;
  createdAt: string;
  endedAt: string | null;
};

/** A Release row as the API answers it. */
export function releaseView(row: {
  id: string;
  environmentId: string;
  promptId: string;
  baseVersion: number;
  arms: unknown;
  status: string;
  endVersion: number | null;
  createdByName: string;
  createdAt: Date;
  endedAt: Date | null;
}): ReleaseView {
  return {
    id: row.id,
    environmentId: row.environmentId,
    promptId: row.promptId,
    baseVersion: row.baseVersion,
    arms: parseArms(row.arms),
    status: row.status as ReleaseView["status"],
    endVersion: row.endVersion,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}
