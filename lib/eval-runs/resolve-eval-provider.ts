import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ENV_PROVIDER_ID } from "@/lib/providers/provider-view";

/**
 * The provider an eval run calls, chosen once at start: the one asked for, else the one the
 * candidate's model settings name (by id or name), else the project's first, else the server
 * default. Runs started from CI or a review have nobody to ask, so a sensible default matters.
 */
export async function resolveEvalProvider(opts: {
  projectId: string;
  requested?: string;
  named?: string;
}): Promise<{ providerId: string; defaultModel: string | null }> {
  const providers = await db.provider.findMany({
    where: { projectId: opts.projectId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, defaultModel: true },
  });
  const serverDefault = getEnv().OPENAI_API_KEY ? { providerId: ENV_PROVIDER_ID, defaultModel: null } : null;
  if (opts.requested) {
    if (opts.requested === ENV_PROVIDER_ID && serverDefault) return serverDefault;
    const found = providers.find((p) => p.id === opts.requested);
    if (!found)
      throw new AppError({
        code: "validation_failed",
        message: "No such provider in this project.",
        details: { issues: [{ path: "modelOverrides.providerId", message: "Choose one of the project's providers." }] },
      });
    return { providerId: found.id, defaultModel: found.defaultModel };
  }
  const named = opts.named ? providers.find((p) => p.id === opts.named || p.name === opts.named) : undefined;
  const chosen = named ?? providers[0];
  if (chosen) return { providerId: chosen.id, defaultModel: chosen.defaultModel };
  if (serverDefault) return serverDefault;
  throw new AppError({
    code: "validation_failed",
    message: "This project has no provider to run the evaluation with. Add one in Settings → Providers.",
    details: { issues: [{ path: "modelOverrides.providerId", message: "Add a provider in Settings → Providers." }] },
  });
}
