import { db } from "@/lib/db";
import { keysetPage, olderThan } from "@/lib/db/keyset-page";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";

export type RunView = {
  id: string;
  createdAt: string;
  user: string;
  source: string;
  versionNumber: number | null;
  providerName: string;
  model: string;
  variables: Record<string, unknown>;
  renderedMessages: Array<{ role: string; content?: unknown }>;
  output: string;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  ttftMs: number | null;
  totalMs: number | null;
  finishReason: string | null;
  error: ProviderFailure | null;
};

/** Playground runs of a prompt, newest first (`before` = the id of the last run seen), or one run by id. */
export async function listRuns(opts: {
  projectId: string;
  promptId: string;
  before?: string;
  runId?: string;
  runIds?: string[];
  limit?: number;
}): Promise<{ runs: RunView[]; nextBefore: string | null }> {
  const limit = opts.limit ?? 30;
  const cursor = opts.before
    ? await db.playgroundRun.findFirst({
        where: { id: opts.before, promptId: opts.promptId, projectId: opts.projectId },
        select: { createdAt: true, id: true },
      })
    : null;
  const rows = await db.playgroundRun.findMany({
    where: {
      projectId: opts.projectId,
      promptId: opts.promptId,
      ...(opts.runId ? { id: opts.runId } : {}),
      ...(opts.runIds ? { id: { in: opts.runIds } } : {}),
      ...olderThan(cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { user: { select: { name: true } } },
  });
  const { page, nextBefore } = keysetPage(rows, limit);
  return {
    runs: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      user: r.user.name,
      source: r.versionNumber ? `v${r.versionNumber}` : `draft ${r.draftHash ?? ""}`.trim(),
      versionNumber: r.versionNumber,
      providerName: r.providerName,
      model: r.model,
      variables: r.variables as Record<string, unknown>,
      renderedMessages: r.renderedMessages as RunView["renderedMessages"],
      output: r.output,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      costUsd: r.costUsd,
      ttftMs: r.ttftMs,
      totalMs: r.totalMs,
      finishReason: r.finishReason,
      error: r.error as ProviderFailure | null,
    })),
    nextBefore,
  };
}
