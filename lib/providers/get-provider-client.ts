import "server-only";

import OpenAI, { AzureOpenAI } from "openai";

import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getOutboundDispatcher } from "@/lib/net/get-outbound-dispatcher";
import { ENV_PROVIDER_ID } from "@/lib/providers/provider-view";

/**
 * An `openai` SDK client for a provider of the project (or the server default from
 * OPENAI_API_KEY). No automatic retries: the playground shows failures as they are. Requests go
 * through the outbound destination policy, so a base URL cannot point the key at cloud metadata.
 */
export async function getProviderClient(opts: {
  projectId: string;
  providerId: string;
}): Promise<{ client: OpenAI; name: string; timeoutMs: number; defaultModel: string | null }> {
  const env = getEnv();
  const timeoutMs = env.GALLEY_LLM_TIMEOUT_MS;
  const common = { timeout: timeoutMs, maxRetries: 0, fetchOptions: { dispatcher: getOutboundDispatcher() } };
  if (opts.providerId === ENV_PROVIDER_ID) {
    if (!env.OPENAI_API_KEY)
      throw new AppError({ code: "not_found", message: "OPENAI_API_KEY is not set on this server." });
    return {
      client: new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, ...common }),
      name: "Server default",
      timeoutMs,
      defaultModel: null,
    };
  }
  const provider = await db.provider.findFirst({ where: { id: opts.providerId, projectId: opts.projectId } });
  if (!provider)
    throw new AppError({
      code: "not_found",
      message: "No such provider in this project. Add one in Settings → Providers.",
    });
  // Local servers (Ollama, LM Studio) need no key, but the SDK insists on one.
  const apiKey = provider.apiKeyEncrypted ? decryptSecret(provider.apiKeyEncrypted) : "not-needed";
  const client =
    provider.kind === "AZURE_OPENAI"
      ? new AzureOpenAI({
          endpoint: provider.baseUrl ?? undefined,
          apiKey,
          apiVersion: provider.azureApiVersion ?? undefined,
          ...common,
        })
      : new OpenAI({ apiKey, baseURL: provider.baseUrl ?? undefined, ...common });
  return { client, name: provider.name, timeoutMs, defaultModel: provider.defaultModel };
}
