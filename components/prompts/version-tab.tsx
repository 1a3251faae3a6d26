import { notFound } from "next/navigation";

import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { VersionReadOnly } from "@/components/prompts/version-read-only";
import { can } from "@/lib/auth/permissions";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

/** One saved version, read-only (`v` is `?v=`; by default the latest), with review and deploy actions. */
export async function VersionTab({ access, prompt, here, environments, running, v }: PromptTabProps & { v?: number }) {
  const latest = prompt.latestVersion?.number ?? 0;
  const number = v ?? (latest || 1);
  const version = await getVersionOrThrow({ projectId: access.project.id, promptId: prompt.id, number }).catch(() =>
    notFound(),
  );
  return (
    <VersionReadOnly
      projectSlug={access.project.slug}
      promptId={prompt.id}
      promptType={prompt.type}
      version={version}
      editorHref={here}
      canEdit={can(access.role, "prompt.edit") && !prompt.archived}
      requestReviewHref={
        can(access.role, "review.request") && !prompt.archived
          ? `/p/${access.project.slug}/reviews/new?prompt=${prompt.id}&version=${number}`
          : null
      }
      deployTargets={
        can(access.role, "deployment.unprotected")
          ? environments.map((e) => ({
              slug: e.slug,
              name: e.name,
              protected: e.protected,
              current: running[e.slug] ?? null,
            }))
          : null
      }
    />
  );
}
