import { headers } from "next/headers";

import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { UsePrompt, type UsageSnippets } from "@/components/prompts/use-prompt";
import { CodeBlock } from "@/components/ui/code-block";
import { can } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/http/public-origin";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { buildUsageExamples } from "@/lib/serving/build-usage-examples";

/**
 * The "Use this prompt" tab: how an app reads the prompt, with the latest version's variables.
 * Nothing before version 1. The examples of every environment are highlighted here, on the server;
 * the panel only chooses which environment's to show.
 */
export async function UseTab({ access, prompt, environments, running }: PromptTabProps) {
  const latest = prompt.latestVersion?.number ?? 0;
  if (!latest) return null;
  const [requestHeaders, version] = await Promise.all([
    headers(),
    getVersionOrThrow({ projectId: access.project.id, promptId: prompt.id, number: latest }),
  ]);
  const origin = publicOrigin(requestHeaders);
  const snippets: Record<string, UsageSnippets> = Object.fromEntries(
    environments.map((e) => {
      const examples = buildUsageExamples({
        origin,
        name: prompt.name,
        environment: e.slug,
        contract: version.content.contract,
      });
      return [
        e.slug,
        {
          fetch: (
            <CodeBlock
              lang="bash"
              code={examples.fetch}
              label="Fetch it (ETag: send If-None-Match to get 304 while unchanged)"
              copyLabel="Copy the fetch example"
            />
          ),
          render: (
            <CodeBlock
              lang="bash"
              code={examples.render}
              label="Render it on the server, ready for chat.completions.create"
              copyLabel="Copy the render example"
            />
          ),
          sdk: (
            <CodeBlock
              lang="typescript"
              code={examples.sdk}
              label="TypeScript SDK (cached, falls back when Galley is unreachable)"
              copyLabel="Copy the SDK example"
            />
          ),
          python: (
            <CodeBlock
              lang="python"
              code={examples.python}
              label="Python SDK (pip install ./sdk/python; cached, thread-safe)"
              copyLabel="Copy the Python example"
            />
          ),
        },
      ];
    }),
  );
  return (
    <UsePrompt
      projectSlug={access.project.slug}
      name={prompt.name}
      environments={environments.map((e) => ({ slug: e.slug, name: e.name, version: running[e.slug] ?? null }))}
      snippets={snippets}
      canManageKeys={can(access.role, "apikey.manage")}
    />
  );
}
