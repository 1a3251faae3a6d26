import { PromptSettingsForm } from "@/components/prompts/prompt-settings-form";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { can } from "@/lib/auth/permissions";

/** The Details tab: name, tags, archive and delete (the description is edited in the editor). */
export function SettingsTab({ access, prompt }: PromptTabProps) {
  return (
    <PromptSettingsForm
      projectSlug={access.project.slug}
      promptId={prompt.id}
      name={prompt.name}
      tags={prompt.tags}
      archived={prompt.archived}
      canEdit={can(access.role, "prompt.edit")}
      canDelete={can(access.role, "prompt.delete")}
    />
  );
}
