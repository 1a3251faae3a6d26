import "server-only";

import * as Y from "yjs";

import { readWorkingCopy } from "@/lib/collab/prompt-doc";
import { readLiveState } from "@/lib/collab/storage/read-live-state";
import { db } from "@/lib/db";
import { findCoAuthors } from "@/lib/prompts/find-co-authors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { toVersionSummary, type VersionSummary } from "@/lib/prompts/version-view";
import type { PromptContent } from "@/lib/templates/prompt-content";

export type PromptDetail = {
  id: string;
  name: string;
  type: "TEXT" | "CHAT";
  description: string;
  tags: string[];
  archived: boolean;
  latestVersion: VersionSummary | null;
  /** The shared working copy the editor opens (created on first open), and the caller's own draft from before it. */
  working: {
    baseVersion: number;
    content: PromptContent;
    description: string;
    /** Y.encodeStateAsUpdate of the live document, base64: the editor starts from it before connecting. */
    state: string;
    /** The caller's private draft from before live editing, if one is left (GET/DELETE …/draft). */
    earlierDraft: { savedAt: string; baseVersion: number } | null;
  };
};

export async function getPromptDetail(opts: {
  projectId: string;
  promptId: string;
  userId: string;
}): Promise<PromptDetail> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  // The working copy first: creating it may take (and delete) this person's draft.
  const { updates } = await readLiveState({ promptId: prompt.id });
  const [latest, draft] = await Promise.all([
    prompt.latestVersion
      ? db.promptVersion.findUnique({
          where: { promptId_number: { promptId: prompt.id, number: prompt.latestVersion } },
          include: { author: true },
        })
      : null,
    db.promptDraft.findUnique({
      where: { promptId_userId: { promptId: prompt.id, userId: opts.userId } },
      select: { updatedAt: true, baseVersion: true },
    }),
  ]);
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const copy = readWorkingCopy(doc);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
  doc.destroy();
  return {
    id: prompt.id,
    name: prompt.name,
    type: prompt.type,
    description: prompt.description,
    tags: prompt.tags,
    archived: prompt.archivedAt !== null,
    latestVersion: latest ? toVersionSummary(latest, await findCoAuthors({ versions: [latest] })) : null,
    working: {
      baseVersion: copy.baseVersion,
      content: copy.content,
      description: copy.description,
      state,
      earlierDraft: draft ? { savedAt: draft.updatedAt.toISOString(), baseVersion: draft.baseVersion } : null,
    },
  };
}
