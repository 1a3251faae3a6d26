import { db } from "@/lib/db";

export type EnvironmentView = {
  id: string;
  name: string;
  slug: string;
  protected: boolean;
  requiredApprovals: number;
  prompts: number;
};

export async function listEnvironments(opts: { projectId: string }): Promise<EnvironmentView[]> {
  const rows = await db.environment.findMany({
    where: { projectId: opts.projectId },
    orderBy: { position: "asc" },
    include: { _count: { select: { pointers: true } } },
  });
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    slug: e.slug,
    protected: e.protected,
    requiredApprovals: e.requiredApprovals,
    prompts: e._count.pointers,
  }));
}

/** For each of the given prompts, the version each environment runs now (by environment slug). */
export async function versionsByEnvironment(opts: {
  projectId: string;
  promptIds: string[];
}): Promise<Map<string, Record<string, number>>> {
  const pointers = await db.environmentPrompt.findMany({
    where: { promptId: { in: opts.promptIds }, environment: { projectId: opts.projectId } },
    include: { environment: { select: { slug: true } } },
  });
  const out = new Map<string, Record<string, number>>();
  for (const p of pointers) out.set(p.promptId, { ...(out.get(p.promptId) ?? {}), [p.environment.slug]: p.version });
  return out;
}
