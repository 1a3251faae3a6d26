import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { AppError } from "@/lib/errors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { referencedNames } from "@/lib/prompts/reference-issues";
import { contentOf } from "@/lib/prompts/version-view";
import type { RequestContext } from "@/lib/request-context";

/**
 * Deletes a prompt with all its versions and drafts (the audit log and the deployment history keep
 * the record). Refused while an environment runs it, or while the latest version of another prompt
 * references it, naming those environments or prompts.
 */
export async function deletePrompt(opts: {
  ctx: RequestContext;
  projectId: string;
  promptId: string;
  confirmName: string;
}) {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  if (opts.confirmName !== prompt.name) {
    throw new AppError({
      code: "validation_failed",
      message: `Type the prompt's name (${prompt.name}) to confirm.`,
      details: { issues: [{ path: "confirmName", message: `Type ${prompt.name} to confirm.` }] },
    });
  }
  const running = await db.environmentPrompt.findMany({
    where: { promptId: prompt.id },
    include: { environment: { select: { name: true } } },
    orderBy: { environment: { position: "asc" } },
  });
  if (running.length) {
    const where = running.map((r) => `${r.environment.name} (v${r.version})`).join(", ");
    throw new AppError({
      code: "conflict",
      message: `${prompt.name} is running in ${where}. Deploy something else there first, or archive the prompt instead.`,
      details: { environments: running.map((r) => r.environment.name) },
    });
  }
  const candidates = await db.prompt.findMany({
    where: { projectId: opts.projectId, id: { not: prompt.id }, latestText: { contains: prompt.name } },
    select: { name: true, id: true, latestVersion: true },
  });
  const users: string[] = [];
  for (const c of candidates) {
    const v = await db.promptVersion.findUnique({
      where: { promptId_number: { promptId: c.id, number: c.latestVersion } },
    });
    if (v && referencedNames(contentOf(v)).includes(prompt.name)) users.push(c.name);
  }
  if (users.length) {
    throw new AppError({
      code: "conflict",
      message: `${prompt.name} is used by ${users.join(", ")} ({{> ${prompt.name}}}). Remove those references first.`,
      details: { usedBy: users },
    });
  }
  await servingTransaction(opts.projectId, async (tx) => {
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "prompt.delete",
      target: { type: "prompt", id: prompt.id },
      before: { name: prompt.name, type: prompt.type, latestVersion: prompt.latestVersion },
    });
    await tx.prompt.delete({ where: { id: prompt.id } });
  });
}
