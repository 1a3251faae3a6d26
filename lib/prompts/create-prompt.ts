import type { z } from "zod";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { createPromptSchema } from "@/lib/validations/prompt";

type CreatePromptInput = z.infer<typeof createPromptSchema>;

/** Creates an empty prompt (no version yet); its author then writes a draft and saves version 1. */
export async function createPrompt(opts: { ctx: RequestContext; projectId: string; input: CreatePromptInput }) {
  const { input } = opts;
  return db.$transaction(async (tx) => {
    const clash = await tx.prompt.findUnique({
      where: { projectId_name: { projectId: opts.projectId, name: input.name } },
    });
    const former = await tx.promptFormerName.findUnique({
      where: { projectId_name: { projectId: opts.projectId, name: input.name } },
    });
    if (clash || former) {
      const message = clash
        ? `A prompt named ${input.name} already exists.`
        : `${input.name} was the name of a renamed prompt; old links still point there. Choose another name.`;
      throw new AppError({ code: "conflict", message, details: { issues: [{ path: "name", message }] } });
    }
    const prompt = await tx.prompt.create({
      data: {
        projectId: opts.projectId,
        name: input.name,
        type: input.type,
        description: input.description,
        tags: input.tags,
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "prompt.create",
      target: { type: "prompt", id: prompt.id },
      after: { name: prompt.name, type: prompt.type, tags: prompt.tags },
    });
    return prompt;
  });
}
