import { db } from "@/lib/db";

export type EvalRunChoices = {
  prompts: Array<{ id: string; name: string; latestVersion: number; draft: unknown }>;
  environments: Array<{ slug: string; name: string }>;
  datasets: Array<{ id: string; name: string; latestVersion: number }>;
  evaluators: Array<{ id: string; name: string; kind: string }>;
  providers: Array<{ id: string; name: string; defaultModel: string | null }>;
};

// The form lists at most this many of each; a project with more finds them by typing (the selects
// are searchable by first letters) and the runs themselves are started through the API.
const LIMIT = 500;

/**
 * What the "New evaluation" form offers: live prompts (with the viewer's own draft, the "latest
 * draft" candidate), environments for the baseline, datasets with a saved version, evaluators and
 * providers for the model override.
 */
export async function listEvalRunChoices(opts: { projectId: string; userId: string }): Promise<EvalRunChoices> {
  const [prompts, environments, datasets, evaluators, providers] = await Promise.all([
    db.prompt.findMany({
      where: { projectId: opts.projectId, archivedAt: null },
      orderBy: { name: "asc" },
      take: LIMIT,
      select: {
        id: true,
        name: true,
        latestVersion: true,
        drafts: { where: { userId: opts.userId }, select: { content: true } },
      },
    }),
    db.environment.findMany({
      where: { projectId: opts.projectId },
      orderBy: { position: "asc" },
      select: { slug: true, name: true },
    }),
    db.dataset.findMany({
      where: { projectId: opts.projectId, archivedAt: null, latestVersion: { gt: 0 } },
      orderBy: { name: "asc" },
      take: LIMIT,
      select: { id: true, name: true, latestVersion: true },
    }),
    db.evaluator.findMany({
      where: { projectId: opts.projectId, archivedAt: null },
      orderBy: { name: "asc" },
      take: LIMIT,
      select: { id: true, name: true, kind: true },
    }),
    db.provider.findMany({
      where: { projectId: opts.projectId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, defaultModel: true },
    }),
  ]);
  return {
    prompts: prompts.map((p) => ({
      id: p.id,
      name: p.name,
      latestVersion: p.latestVersion,
      draft: p.drafts[0]?.content ?? null,
    })),
    environments,
    datasets,
    evaluators,
    providers,
  };
}
