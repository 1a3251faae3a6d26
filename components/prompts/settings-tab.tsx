import { PromptSettingsForm } from "@/components/prompts/prompt-settings-form";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { can } from "@/lib/auth/permissions";

/** The Details tab: name, description, tags, archive and delete. */
export function SettingsTab({ access, prompt }: PromptTabProps) {
  return (
    <PromptSettingsForm
      projectSlug={access.project.slug}
      promptId={prompt.id}
      name={prompt.name}
      description={prompt.description}
      tags={prompt.tags}
      archived={prompt.archived}
      canEdit={can(access.role, "prompt.edit")}
      canDelete={can(access.role, "prompt.delete")}
    />
  );
}
