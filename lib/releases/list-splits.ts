import { db } from "@/lib/db";
import { parseArms, type Arm } from "@/lib/releases/arms";

/**
 * For each prompt (of `promptIds`, or every prompt of `environmentId`), the split each environment
 * runs now (by environment slug), for lists that show a version per environment: where a split is
 * here, show it instead.
 */
export async function splitsByEnvironment(opts: {
  projectId: string;
  promptIds?: string[];
  environmentId?: string;
}): Promise<Map<string, Record<string, Arm[]>>> {
  const out = new Map<string, Record<string, Arm[]>>();
  if (opts.promptIds?.length === 0) return out;
  const releases = await db.release.findMany({
    where: {
      projectId: opts.projectId,
      ...(opts.promptIds ? { promptId: { in: opts.promptIds } } : {}),
      ...(opts.environmentId ? { environmentId: opts.environmentId } : {}),
      status: "active",
      pointer: { isNot: null },
    },
    select: { promptId: true, arms: true, environment: { select: { slug: true } } },
  });
  for (const r of releases)
    out.set(r.promptId, { ...(out.get(r.promptId) ?? {}), [r.environment.slug]: parseArms(r.arms) });
  return out;
}
