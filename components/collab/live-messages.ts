// A chat prompt's messages in the shared document (lib/collab/prompt-doc.ts: messages is a
// Y.Array of Y.Maps, each text a Y.Text): read for the editor, and changed as Yjs operations so
// two people can edit different messages, or the same one, at once.
import * as Y from "yjs";

import { docParts } from "@/lib/collab/prompt-doc";
import { MAX_MESSAGES, type ChatMessage } from "@/lib/templates/prompt-content";

type Role = ChatMessage["role"];
const roles: readonly Role[] = ["system", "user", "assistant", "placeholder"];

/** One message as the editor shows it; `text` is what its Monaco editor binds to. */
export type LiveMessage = {
  /** Stable while the message exists (a moved message is a new one). */
  key: string;
  message: ChatMessage;
  text: Y.Text | null;
};

const keys = new WeakMap<Y.Map<unknown>, string>();
let nextKey = 0;
const keyOf = (map: Y.Map<unknown>) => {
  let key = keys.get(map);
  if (!key) keys.set(map, (key = `m${++nextKey}`));
  return key;
};

const textOf = (map: Y.Map<unknown>) => {
  const content = map.get("content");
  return content instanceof Y.Text ? content : null;
};

/**
 * The messages as they stand. A placeholder's name is shown as typed, valid or not (the editor
 * says what is wrong), rather than the message vanishing while someone types it.
 */
export function readLiveMessages(doc: Y.Doc): LiveMessage[] {
  return docParts(doc)
    .messages.toArray()
    .map((map) => {
      const raw = map.get("role");
      const role = roles.find((r) => r === raw) ?? "user";
      const text = textOf(map);
      const message: ChatMessage =
        role === "placeholder"
          ? { role, name: String(map.get("name") ?? "") }
          : { role, content: text?.toString() ?? "" };
      return { key: keyOf(map), message, text: role === "placeholder" ? null : text };
    });
}

/** Changes a message's role; its text stays (and comes back if it stops being a placeholder). */
export function setMessageRole(doc: Y.Doc, index: number, role: Role) {
  const map = docParts(doc).messages.get(index);
  if (!map || map.get("role") === role) return;
  doc.transact(() => {
    map.set("role", role);
    if (role === "placeholder" && typeof map.get("name") !== "string") map.set("name", "history");
    if (role !== "placeholder" && !textOf(map)) map.set("content", new Y.Text(""));
  });
}

export function setPlaceholderName(doc: Y.Doc, index: number, name: string) {
  docParts(doc).messages.get(index)?.set("name", name.slice(0, 100));
}

/** Adds an empty message at the end (assistant after a user message, else user). */
export function addMessage(doc: Y.Doc) {
  const messages = docParts(doc).messages;
  if (messages.length >= MAX_MESSAGES) return;
  const last = messages.length ? messages.get(messages.length - 1).get("role") : undefined;
  const map = new Y.Map<unknown>();
  map.set("role", last === "user" ? "assistant" : "user");
  map.set("content", new Y.Text(""));
  messages.push([map]);
}

export function removeMessage(doc: Y.Doc, index: number) {
  const messages = docParts(doc).messages;
  if (index >= 0 && index < messages.length) messages.delete(index, 1);
}

/** Moves a message by `by` places: a copy inserted there and the original removed, in one change. */
export function moveMessage(doc: Y.Doc, index: number, by: number) {
  const messages = docParts(doc).messages;
  const target = index + by;
  const map = messages.get(index);
  if (!map || target < 0 || target >= messages.length) return;
  const copy = new Y.Map<unknown>();
  for (const [key, value] of map.entries())
    copy.set(key, value instanceof Y.Text ? new Y.Text(value.toString()) : value);
  doc.transact(() => {
    messages.delete(index, 1);
    messages.insert(target, [copy]);
  });
}
