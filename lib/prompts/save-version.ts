import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db, type Tx } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { AppError, validationError } from "@/lib/errors";
import { checkContent } from "@/lib/prompts/check-content";
import { checkResolvedSize } from "@/lib/prompts/check-resolved-size";
import { findCoAuthors } from "@/lib/prompts/find-co-authors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { insertVersion } from "@/lib/prompts/insert-version";
import { referencedNames, referenceIssues } from "@/lib/prompts/reference-issues";
import { contentOf, toVersionSummary } from "@/lib/prompts/version-view";
import type { RequestContext } from "@/lib/request-context";
import type { PromptContent } from "@/lib/validations/prompt";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

/**
 * Saves the next immutable version. `baseVersion` is the version the author's draft started
 * from: if someone saved a newer one meanwhile, nothing is written and the answer is 409 with
 * that version, so the editor can show it and a diff instead of overwriting it.
 */
export async function saveVersion(opts: {
  ctx: RequestContext;
  projectId: string;
  promptId: string;
  authorId: string;
  baseVersion: number;
  message: string;
  content: PromptContent;
  /** Others whose edits went into the content (saving the shared working copy); not the author. */
  coAuthorIds?: string[];
  /** Runs in the version's transaction once it is inserted (the working copy's bookkeeping). */
  onSaved?: (opts: { tx: Tx; number: number }) => Promise<void>;
}) {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  const content = checkContent({ type: prompt.type, content: opts.content, forVersion: true });

  // References must name prompts of this project (and, when pinned, versions that exist).
  const names = referencedNames(content);
  if (names.length) {
    const targets = await db.prompt.findMany({
      where: { projectId: opts.projectId, name: { in: names } },
      select: { name: true, latestVersion: true },
    });
    const issues = referenceIssues({
      content,
      selfName: prompt.name,
      latest: new Map(targets.map((t) => [t.name, t.latestVersion])),
      prefix: "content.",
    });
    if (issues.length) throw validationError(issues);
    // A fan-out of references is refused here, naming the chain, not first by the apps that fetch it.
    await checkResolvedSize({ projectId: opts.projectId, promptName: prompt.name, content });
  }

  // A serving transaction: a new version changes what `latest` (Langfuse's label) and references
  // resolved at their latest version serve.
  return servingTransaction(opts.projectId, async (tx) => {
    const number = opts.baseVersion + 1;
    const claimed = await tx.prompt.updateMany({
      where: { id: prompt.id, latestVersion: opts.baseVersion },
      data: { latestVersion: number },
    });
    if (claimed.count === 0) {
      const current = await tx.prompt.findUniqueOrThrow({ where: { id: prompt.id } });
      const newer = await tx.promptVersion.findUnique({
        where: { promptId_number: { promptId: prompt.id, number: current.latestVersion } },
        include: { author: true },
      });
      throw new AppError({
        code: "conflict",
        message: newer
          ? `${newer.author.name} saved version ${newer.number} after your draft was started. Review their change before saving yours.`
          : "This prompt changed after your draft was started. Reload it before saving.",
        details: {
          latestVersion: current.latestVersion,
          version: newer ? toVersionSummary(newer, await findCoAuthors({ versions: [newer], tx })) : null,
        },
      });
    }
    const parent = opts.baseVersion
      ? await tx.promptVersion.findUnique({
          where: { promptId_number: { promptId: prompt.id, number: opts.baseVersion } },
        })
      : null;
    const version = await insertVersion({
      tx,
      promptId: prompt.id,
      number,
      content,
      parent: parent ? contentOf(parent) : null,
      message: opts.message,
      authorId: opts.authorId,
      coAuthorIds: (opts.coAuthorIds ?? []).filter((id) => id !== opts.authorId),
    });
    await opts.onSaved?.({ tx, number });
    const summary = toVersionSummary(version, await findCoAuthors({ versions: [version], tx }));
    const coAuthors = summary.coAuthors.map((p) => p.name);
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "prompt.version-create",
      target: { type: "prompt", id: prompt.id },
      after: {
        name: prompt.name,
        version: number,
        message: opts.message,
        linesAdded: version.linesAdded,
        linesRemoved: version.linesRemoved,
        coAuthors,
      },
    });
    await enqueueWebhookEvent({
      tx,
      projectId: opts.projectId,
      event: "prompt.version.created",
      data: {
        prompt: prompt.name,
        version: number,
        message: opts.message,
        author: summary.author,
        coAuthors,
        linesAdded: version.linesAdded,
        linesRemoved: version.linesRemoved,
      },
    });
    return summary;
  });
}
