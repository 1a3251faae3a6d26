import "server-only";

import { db } from "@/lib/db";
import { AppError, fromZodError } from "@/lib/errors";
import { saveProvider } from "@/lib/providers/save-provider";
import type { RequestContext } from "@/lib/request-context";
import { createProviderSchema, type ProviderChanges } from "@/lib/validations/provider";

/**
 * PATCH of a provider: the fields sent laid over the stored ones, the whole checked as on create
 * (a kind needs its URL or API version), then saved. Absent fields keep their values; an absent
 * apiKey keeps the stored key.
 */
export async function updateProvider(opts: {
  ctx: RequestContext;
  projectId: string;
  providerId: string;
  changes: ProviderChanges;
}) {
  const stored = await db.provider.findFirst({ where: { id: opts.providerId, projectId: opts.projectId } });
  if (!stored) throw new AppError({ code: "not_found", message: "No such provider in this project." });
  const { changes } = opts;
  const kept = (field: "baseUrl" | "azureApiVersion" | "defaultModel") =>
    (changes[field] === undefined ? stored[field] : changes[field]) ?? undefined;
  const merged = createProviderSchema.safeParse({
    name: changes.name ?? stored.name,
    kind: changes.kind ?? stored.kind,
    baseUrl: kept("baseUrl"),
    azureApiVersion: kept("azureApiVersion"),
    defaultModel: kept("defaultModel"),
    apiKey: changes.apiKey,
  });
  if (!merged.success) throw fromZodError(merged.error);
  return saveProvider({ ctx: opts.ctx, projectId: opts.projectId, providerId: stored.id, input: merged.data });
}
