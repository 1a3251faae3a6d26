import "server-only";

import * as Y from "yjs";

import { docParts, readWorkingCopy } from "@/lib/collab/prompt-doc";
import { changeLiveDocument } from "@/lib/collab/storage/change-live-document";
import { compactLiveDocument } from "@/lib/collab/storage/compact-live-document";
import { ensureLiveDocument } from "@/lib/collab/storage/ensure-live-document";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { saveVersion } from "@/lib/prompts/save-version";
import type { VersionSummary } from "@/lib/prompts/version-view";
import type { RequestContext } from "@/lib/request-context";

/**
 * Saves the shared working copy as the next version: the saver is its author, everyone else whose
 * edits went into the copy since the last version its co-authors. The copy's stored edits are
 * compacted first and the version is exactly the compacted state (an edit arriving meanwhile goes
 * into the next version, and so does its author). Same checks as any save: 422 for content issues,
 * 409 when `baseVersion` is no longer the latest. Then everyone editing hears of it: the copy's
 * baseVersion moves to the new version and lastSave names it.
 */
export async function saveLiveVersion(opts: {
  ctx: RequestContext;
  projectId: string;
  promptId: string;
  authorId: string;
  message: string;
  baseVersion: number;
}): Promise<VersionSummary> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  await ensureLiveDocument({ promptId: prompt.id });
  const compacted = await compactLiveDocument({ promptId: prompt.id });
  if (!compacted) throw new Error(`the working copy of prompt ${prompt.id} disappeared while saving`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, compacted.state);
  const copy = readWorkingCopy(doc);
  doc.destroy();
  // Those counted now are in this version; anyone who edits after compaction is counted again.
  const counted = new Set([...compacted.editorIds, opts.authorId]);
  const summary = await saveVersion({
    ctx: opts.ctx,
    projectId: opts.projectId,
    promptId: prompt.id,
    authorId: opts.authorId,
    baseVersion: opts.baseVersion,
    message: opts.message,
    content: copy.content,
    coAuthorIds: compacted.editorIds,
    onSaved: async ({ tx }) => {
      await tx.$queryRaw`SELECT 1 FROM "PromptLiveDocument" WHERE "promptId" = ${prompt.id} FOR UPDATE`;
      const current = await tx.promptLiveDocument.findUniqueOrThrow({ where: { promptId: prompt.id } });
      await tx.promptLiveDocument.update({
        where: { promptId: prompt.id },
        data: { editorIds: current.editorIds.filter((id) => !counted.has(id)) },
      });
    },
  });
  const lastSave = { version: summary.number, by: summary.author, at: summary.createdAt };
  await changeLiveDocument({
    promptId: prompt.id,
    userId: null,
    change: (live) =>
      live.transact(() => {
        docParts(live).meta.set("baseVersion", summary.number);
        docParts(live).meta.set("lastSave", lastSave);
      }),
  });
  return summary;
}
