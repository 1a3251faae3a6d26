import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_LABEL, type listLangfusePromptsQuerySchema } from "@/lib/validations/langfuse";

/**
 * GET /api/public/v2/prompts (Langfuse's "list prompts"): the project's unarchived prompts by name,
 * a page at a time, each with its version numbers and labels (environments running one of them, and
 * `latest`). As in Langfuse, the filters select versions: with `label` or `version`, a prompt lists
 * only the versions that match, and only their labels.
 */
export async function listLangfusePrompts(opts: {
  projectId: string;
  query: z.output<typeof listLangfusePromptsQuerySchema>;
}) {
  const { query } = opts;
  const latestOnly = query.label === LATEST_LABEL;
  const env = query.label && !latestOnly ? query.label : null;
  const where: Prisma.PromptWhereInput = {
    projectId: opts.projectId,
    archivedAt: null,
    // Only prompts with a saved version; with latest and a version, those whose newest is that one.
    latestVersion: latestOnly && query.version !== undefined ? query.version : { gte: query.version ?? 1 },
    ...(query.name !== undefined ? { name: query.name } : {}),
    ...(query.tag !== undefined ? { tags: { has: query.tag } } : {}),
    ...(env
      ? {
          pointers: {
            some: {
              environment: { slug: env },
              ...(query.version !== undefined ? { version: query.version } : {}),
            },
          },
        }
      : {}),
    ...(query.fromUpdatedAt || query.toUpdatedAt
      ? {
          updatedAt: {
            ...(query.fromUpdatedAt ? { gte: new Date(query.fromUpdatedAt) } : {}),
            ...(query.toUpdatedAt ? { lt: new Date(query.toUpdatedAt) } : {}),
          },
        }
      : {}),
  };
  const [prompts, totalItems] = await Promise.all([
    db.prompt.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      select: { id: true, name: true, type: true, latestVersion: true, tags: true, updatedAt: true },
    }),
    db.prompt.count({ where }),
  ]);
  const pointers = await db.environmentPrompt.findMany({
    where: { promptId: { in: prompts.map((p) => p.id) } },
    select: { promptId: true, version: true, environment: { select: { slug: true } } },
    orderBy: { environment: { position: "asc" } },
  });
  const data = prompts.map((p) => {
    const running = pointers.filter((r) => r.promptId === p.id);
    // The versions the filters select: one when a label or version names it, else all of them.
    const versions =
      query.version !== undefined
        ? [query.version]
        : latestOnly
          ? [p.latestVersion]
          : env
            ? [running.find((r) => r.environment.slug === env)!.version]
            : Array.from({ length: p.latestVersion }, (_, i) => i + 1);
    const selected = new Set(versions);
    const labels = running.filter((r) => selected.has(r.version)).map((r) => r.environment.slug);
    if (selected.has(p.latestVersion)) labels.push(LATEST_LABEL);
    return {
      name: p.name,
      type: p.type === "CHAT" ? ("chat" as const) : ("text" as const),
      versions,
      labels: [...new Set(labels)],
      tags: p.tags,
      lastUpdatedAt: p.updatedAt.toISOString(),
    };
  });
  return {
    data,
    meta: { page: query.page, limit: query.limit, totalItems, totalPages: Math.ceil(totalItems / query.limit) },
  };
}
