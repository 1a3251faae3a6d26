import type { Provider } from "@/lib/generated/prisma/client";

/** What the browser sees of a provider: never the key, only its last characters. */
export type ProviderView = {
  id: string;
  name: string;
  kind: Provider["kind"];
  baseUrl: string | null;
  apiKeyHint: string | null;
  azureApiVersion: string | null;
  defaultModel: string | null;
  fromEnvironment: boolean;
};

export const ENV_PROVIDER_ID = "environment";

export function toProviderView(p: Provider): ProviderView {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    baseUrl: p.baseUrl,
    apiKeyHint: p.apiKeyHint,
    azureApiVersion: p.azureApiVersion,
    defaultModel: p.defaultModel,
    fromEnvironment: false,
  };
}
