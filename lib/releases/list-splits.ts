import { db } from "@/lib/db";
import { parseArms, type Arm } from "@/lib/releases/arms";

/**
 * For each of the given prompts, the split each environment runs now (by environment slug), for
 * lists that show a version per environment: where a split is here, show it instead.
 */
export async function splitsByEnvironment(opts: {
  projectId: string;
  promptIds: string[];
}): Promise<Map<string, Record<string, Arm[]>>> {
  const out = new Map<string, Record<string, Arm[]>>();
  if (opts.promptIds.length === 0) return out;
  const releases = await db.release.findMany({
    where: {
      projectId: opts.projectId,
      promptId: { in: opts.promptIds },
      status: "active",
      pointer: { isNot: null },
    },
    select: { promptId: true, arms: true, environment: { select: { slug: true } } },
  });
  for (const r of releases)
    out.set(r.promptId, { ...(out.get(r.promptId) ?? {}), [r.environment.slug]: parseArms(r.arms) });
  return out;
}
