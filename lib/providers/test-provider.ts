import "server-only";

import { describeProviderError, type ProviderFailure } from "@/lib/providers/describe-provider-error";
import { getProviderClient } from "@/lib/providers/get-provider-client";

/** "Test connection": the models the provider lists, or its error and what to do. */
export async function testProvider(opts: {
  projectId: string;
  providerId: string;
}): Promise<{ ok: true; models: string[] } | { ok: false; failure: ProviderFailure }> {
  const { client, timeoutMs } = await getProviderClient(opts);
  try {
    const models: string[] = [];
    for await (const model of client.models.list()) {
      models.push(model.id);
      if (models.length >= 500) break;
    }
    return { ok: true, models: models.sort() };
  } catch (error) {
    return { ok: false, failure: describeProviderError(error, { timeoutMs }) };
  }
}
