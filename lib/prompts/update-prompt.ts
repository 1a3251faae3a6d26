import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { AppError } from "@/lib/errors";
import { assertPromptWritable } from "@/lib/prompts/assert-prompt-writable";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import type { RequestContext } from "@/lib/request-context";

/**
 * Renames / moves (history stays; the old name is kept so old links redirect), edits description
 * and tags, archives or restores.
 */
export async function updatePrompt(opts: {
  ctx: RequestContext;
  projectId: string;
  promptId: string;
  changes: { name?: string; description?: string; tags?: string[]; archived?: boolean };
}) {
  const { changes } = opts;
  return servingTransaction(opts.projectId, async (tx) => {
    const before = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, tx });
    // An archived prompt takes only its restore (with or without other changes in the same request).
    const edits = changes.name !== undefined || changes.description !== undefined || changes.tags !== undefined;
    if (edits && changes.archived !== false) assertPromptWritable({ prompt: before });
    if (changes.name && changes.name !== before.name) {
      const clash = await tx.prompt.findUnique({
        where: { projectId_name: { projectId: opts.projectId, name: changes.name } },
      });
      if (clash) {
        const message = `A prompt named ${changes.name} already exists.`;
        throw new AppError({ code: "conflict", message, details: { issues: [{ path: "name", message }] } });
      }
      // Taking back a former name of this same prompt is fine; a former name of another prompt is not.
      const former = await tx.promptFormerName.findUnique({
        where: { projectId_name: { projectId: opts.projectId, name: changes.name } },
      });
      if (former && former.promptId !== before.id) {
        const message = `${changes.name} was the name of another prompt; old links still point there. Choose another name.`;
        throw new AppError({ code: "conflict", message, details: { issues: [{ path: "name", message }] } });
      }
      if (former) await tx.promptFormerName.delete({ where: { id: former.id } });
      await tx.promptFormerName.create({ data: { projectId: opts.projectId, name: before.name, promptId: before.id } });
    }
    const after = await tx.prompt.update({
      where: { id: before.id },
      data: {
        ...(changes.name ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.tags ? { tags: changes.tags } : {}),
        ...(changes.archived !== undefined
          ? { archivedAt: changes.archived ? (before.archivedAt ?? new Date()) : null }
          : {}),
      },
    });
    const action =
      changes.archived !== undefined && changes.archived !== (before.archivedAt !== null)
        ? changes.archived
          ? "prompt.archive"
          : "prompt.restore"
        : changes.name && changes.name !== before.name
          ? "prompt.rename"
          : "prompt.update";
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action,
      target: { type: "prompt", id: before.id },
      before: {
        name: before.name,
        description: before.description,
        tags: before.tags,
        archived: before.archivedAt !== null,
      },
      after: {
        name: after.name,
        description: after.description,
        tags: after.tags,
        archived: after.archivedAt !== null,
      },
    });
    return {
      id: after.id,
      name: after.name,
      description: after.description,
      tags: after.tags,
      archived: after.archivedAt !== null,
    };
  });
}
