import { db } from "@/lib/db";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { contentOf } from "@/lib/prompts/version-view";
import type { VariableSpec } from "@/lib/templates/contract";

/** The variables of a prompt's latest version (none before its first version), for typing imported values. */
export async function loadPromptVariables(opts: { projectId: string; promptId: string }): Promise<VariableSpec[]> {
  const prompt = await getPromptOrThrow(opts);
  const version = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: prompt.id, number: prompt.latestVersion } },
  });
  return version ? contentOf(version).contract.variables : [];
}
