import { headers } from "next/headers";

import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { UsePrompt } from "@/components/prompts/use-prompt";
import { can } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/http/public-origin";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

/** The "Use this prompt" tab: how an app reads the prompt, with the latest version's variables. Nothing before version 1. */
export async function UseTab({ access, prompt, environments, running }: PromptTabProps) {
  const latest = prompt.latestVersion?.number ?? 0;
  if (!latest) return null;
  const [requestHeaders, version] = await Promise.all([
    headers(),
    getVersionOrThrow({ projectId: access.project.id, promptId: prompt.id, number: latest }),
  ]);
  return (
    <UsePrompt
      origin={publicOrigin(requestHeaders)}
      projectSlug={access.project.slug}
      name={prompt.name}
      contract={version.content.contract}
      environments={environments.map((e) => ({ slug: e.slug, name: e.name, version: running[e.slug] ?? null }))}
      canManageKeys={can(access.role, "apikey.manage")}
    />
  );
}
