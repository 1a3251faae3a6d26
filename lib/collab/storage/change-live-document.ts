import "server-only";

import * as Y from "yjs";

import { promptDocName } from "@/lib/collab/prompt-doc";
import { appendLiveUpdate } from "@/lib/collab/storage/append-live-update";
import { getLiveServer } from "@/lib/collab/storage/live-server";
import { readLiveState } from "@/lib/collab/storage/read-live-state";

/**
 * An edit of a prompt's working copy made by the server (saving a version, a reset, the API
 * changing the description): `change` edits a copy of the document (the one loaded on this
 * instance, else the stored one), and the difference is stored like any edit (`userId` null: the
 * server), relayed to other instances and applied to the document loaded here, so everyone
 * editing sees it at once. Does nothing if `change` changed nothing.
 */
export async function changeLiveDocument(opts: {
  promptId: string;
  userId: string | null;
  change: (doc: Y.Doc) => void;
}): Promise<void> {
  const name = promptDocName(opts.promptId);
  const server = getLiveServer();
  const doc = new Y.Doc();
  const loaded = server?.stateOf(name);
  const updates = loaded ? [loaded] : (await readLiveState({ promptId: opts.promptId })).updates;
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const before = Y.encodeStateVector(doc);
  const deletedBefore = Y.snapshot(doc);
  opts.change(doc);
  const after = Y.snapshot(doc);
  const diff = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  if (Y.equalSnapshots(deletedBefore, after)) return;
  await appendLiveUpdate({ promptId: opts.promptId, userId: opts.userId, update: diff });
  await server?.apply(name, diff);
}
