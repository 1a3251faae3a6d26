import "server-only";

import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { contentOf } from "@/lib/prompts/version-view";
import type { RequestContext } from "@/lib/request-context";
import { createVersionFromApi } from "@/lib/serving/create-version-from-api";
import { toLangfusePrompt, type LangfusePrompt } from "@/lib/serving/get-langfuse-prompt";
import { loadServedVersion } from "@/lib/serving/load-served-version";
import { LATEST_LABEL, type CreateLangfusePromptInput } from "@/lib/validations/langfuse";
import type { PromptContent } from "@/lib/validations/prompt";

/** The version message when Langfuse's optional commitMessage is left out (a Galley version always has one). */
export const DEFAULT_COMMIT_MESSAGE = "Saved through the Langfuse-compatible API.";

/**
 * POST /api/public/v2/prompts (Langfuse's "create prompt"): saves the next version of a prompt,
 * creating the prompt first when it is new, through createVersionFromApi, so every rule of
 * POST /api/prompts/{name}/versions holds: archived prompts are read-only (409), labels deploy to
 * unprotected environments only (a protected one is 403, a gated one 409, before anything is
 * written). `latest` needs no deploy: a new version is the latest. The contract is the latest
 * version's, reconciled with the new text as every save does; `tags` replace the prompt's tags (as in
 * Langfuse, they belong to the prompt). Answers the new version in Langfuse's shape.
 */
export async function createLangfusePrompt(opts: {
  ctx: RequestContext;
  access: { project: { id: string; slug: string }; actor: Actor };
  input: CreateLangfusePromptInput;
}): Promise<LangfusePrompt> {
  const { input } = opts;
  const projectId = opts.access.project.id;
  const existing = await db.prompt.findUnique({
    where: { projectId_name: { projectId, name: input.name } },
    select: { id: true, type: true, latestVersion: true, tags: true },
  });
  if (existing && (existing.type === "CHAT") !== (input.type === "chat"))
    throw new AppError({
      code: "validation_failed",
      message: `${input.name} is a ${existing.type === "CHAT" ? "chat" : "text"} prompt: send "type": "${existing.type === "CHAT" ? "chat" : "text"}" with ${existing.type === "CHAT" ? "a list of messages" : "a string"} as "prompt".`,
      details: { issues: [{ path: "type", message: `Expected ${existing.type === "CHAT" ? "chat" : "text"}.` }] },
    });
  const latest = existing?.latestVersion
    ? await db.promptVersion.findUnique({
        where: { promptId_number: { promptId: existing.id, number: existing.latestVersion } },
      })
    : null;
  const content: PromptContent = {
    ...(input.type === "chat"
      ? {
          messages: input.prompt.map((m) =>
            m.type === "placeholder"
              ? { role: "placeholder" as const, name: m.name }
              : { role: m.role, content: m.content },
          ),
        }
      : { template: input.prompt }),
    contract: latest ? contentOf(latest).contract : { variables: [] },
    modelConfig: input.config ?? {},
  };
  const labels = new Set(input.isActive ? [...input.labels, "production"] : input.labels);
  labels.delete(LATEST_LABEL);
  const saved = await createVersionFromApi({
    ctx: opts.ctx,
    access: opts.access,
    name: input.name,
    input: {
      content,
      message: input.commitMessage || DEFAULT_COMMIT_MESSAGE,
      baseVersion: existing?.latestVersion,
      type: input.type,
      tags: input.tags,
      deploy: [...labels],
    },
  });
  if (existing && input.tags && input.tags.join("\n") !== existing.tags.join("\n"))
    await updatePrompt({ ctx: opts.ctx, projectId, promptId: existing.id, changes: { tags: input.tags } });
  const found = await loadServedVersion({ projectId, name: saved.name, selector: { version: saved.version } });
  if (found.kind !== "found") throw new Error(`${saved.name} v${saved.version} vanished after it was saved.`);
  return toLangfusePrompt({ projectId, served: found.served, latest: false });
}
