import "server-only";

import { secretHint } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ENV_PROVIDER_ID, toProviderView, type ProviderView } from "@/lib/providers/provider-view";

/** The project's providers, plus the one from OPENAI_API_KEY / OPENAI_BASE_URL when set (read-only). */
export async function listProviders(opts: { projectId: string }): Promise<ProviderView[]> {
  const rows = await db.provider.findMany({ where: { projectId: opts.projectId }, orderBy: { name: "asc" } });
  const env = getEnv();
  const fromEnv: ProviderView[] = env.OPENAI_API_KEY
    ? [
        {
          id: ENV_PROVIDER_ID,
          name: "Server default (OPENAI_API_KEY)",
          kind: env.OPENAI_BASE_URL ? "OPENAI_COMPATIBLE" : "OPENAI",
          baseUrl: env.OPENAI_BASE_URL ?? null,
          apiKeyHint: secretHint(env.OPENAI_API_KEY),
          azureApiVersion: null,
          defaultModel: null,
          fromEnvironment: true,
        },
      ]
    : [];
  return [...fromEnv, ...rows.map(toProviderView)];
}
