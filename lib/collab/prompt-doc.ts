// The shared working copy of a prompt as a Yjs document: the one layout the server (persistence,
// saving a version) and the browser (editor bindings) read and write. Browser-safe: yjs and
// lib/templates only.
//
//   meta      Y.Map   type ("TEXT" | "CHAT"), baseVersion (number), lastSave ({ version, by, at })
//   template  Y.Text  a text prompt's template
//   messages  Y.Array<Y.Map>  a chat prompt's messages: role (string), content (Y.Text), name (string)
//   contract  Y.Map   variable name → its declaration (VariableSpec); the contract itself follows
//                     from the text (contractFor), so declarations of unused variables wait unused
//   model     Y.Map   model setting → value (ModelConfig's keys), so two people change different ones
//   description Y.Text the prompt's description
//
// Concurrent edits of one text merge character by character; of one map entry, the last writer
// wins. Moving a message is a delete and an insert: edits someone makes inside it at that moment
// are lost with the old copy (rare, and visible to them).
import * as Y from "yjs";

import { contractFor } from "@/lib/prompts/prompt-text";
import type { VariableSpec } from "@/lib/templates/contract";
import {
  chatMessageSchema,
  modelConfigSchema,
  variableSpecSchema,
  type ChatMessage,
  type ModelConfig,
  type PromptContent,
} from "@/lib/templates/prompt-content";

export type PromptKind = "TEXT" | "CHAT";

/** What the working copy holds, in the shapes the rest of Galley uses. */
export type WorkingCopy = {
  type: PromptKind;
  /** The version the copy started from (0 before the first one). */
  baseVersion: number;
  content: PromptContent;
  description: string;
};

/** The last version saved from this copy, so everyone editing hears about it. */
export type LastSave = { version: number; by: string; at: string };

const DOC_PREFIXES = { prompt: "prompt:", review: "review:" } as const;
export type LiveDocumentKind = keyof typeof DOC_PREFIXES;

/** The document a prompt's editors share. */
export const promptDocName = (promptId: string) => `${DOC_PREFIXES.prompt}${promptId}`;
/** A review's readers share a document for presence only (it holds nothing). */
export const reviewDocName = (reviewId: string) => `${DOC_PREFIXES.review}${reviewId}`;

export function parseDocName(name: string): { kind: LiveDocumentKind; id: string } | null {
  for (const kind of ["prompt", "review"] as const) {
    const id = name.startsWith(DOC_PREFIXES[kind]) ? name.slice(DOC_PREFIXES[kind].length) : "";
    if (/^[a-z0-9]{1,64}$/.test(id)) return { kind, id };
  }
  return null;
}

/** The parts of the document, created on first use. */
export const docParts = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>("meta"),
  template: doc.getText("template"),
  messages: doc.getArray<Y.Map<unknown>>("messages"),
  contract: doc.getMap<unknown>("contract"),
  model: doc.getMap<unknown>("model"),
  description: doc.getText("description"),
});

/** One chat message as a shared map (its text a Y.Text, so two people can type in it at once). */
export function messageToYMap(message: ChatMessage): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set("role", message.role);
  if (message.role === "placeholder") map.set("name", message.name);
  else map.set("content", new Y.Text(message.content));
  return map;
}

/** A shared message back in Galley's shape; null for an entry no editor could have written. */
export function messageFromYMap(map: Y.Map<unknown>): ChatMessage | null {
  const role = map.get("role");
  const content = map.get("content");
  const parsed = chatMessageSchema.safeParse(
    role === "placeholder"
      ? { role, name: map.get("name") }
      : { role, content: content instanceof Y.Text ? content.toString() : "" },
  );
  return parsed.success ? parsed.data : null;
}

const replaceText = (text: Y.Text, value: string) => {
  if (text.toString() === value) return;
  text.delete(0, text.length);
  text.insert(0, value);
};

/**
 * Makes the document hold `copy`, in one transaction (one update for everyone): used to create a
 * working copy and to reset it to a version. Parts that already hold the same value are left
 * alone, so a reset to what is there changes nothing.
 */
export function writeWorkingCopy(doc: Y.Doc, copy: WorkingCopy, origin: unknown = null) {
  const parts = docParts(doc);
  doc.transact(() => {
    if (parts.meta.get("type") !== copy.type) parts.meta.set("type", copy.type);
    if (parts.meta.get("baseVersion") !== copy.baseVersion) parts.meta.set("baseVersion", copy.baseVersion);
    replaceText(parts.template, copy.type === "TEXT" ? (copy.content.template ?? "") : "");
    const messages = copy.type === "CHAT" ? (copy.content.messages ?? []) : [];
    const current = parts.messages.toArray().map(messageFromYMap);
    if (JSON.stringify(current) !== JSON.stringify(messages)) {
      parts.messages.delete(0, parts.messages.length);
      parts.messages.insert(0, messages.map(messageToYMap));
    }
    const declared = new Map(copy.content.contract.variables.map((v) => [v.name, v]));
    for (const name of [...parts.contract.keys()]) if (!declared.has(name)) parts.contract.delete(name);
    for (const [name, spec] of declared) {
      if (JSON.stringify(parts.contract.get(name)) !== JSON.stringify(spec)) parts.contract.set(name, spec);
    }
    writeModelConfig(doc, copy.content.modelConfig);
    replaceText(parts.description, copy.description);
  }, origin);
}

/** Sets the model settings, leaving alone the ones that did not change (so others' edits survive). */
export function writeModelConfig(doc: Y.Doc, config: ModelConfig, origin: unknown = null) {
  const model = docParts(doc).model;
  const entries = Object.entries(config).filter(([, v]) => v !== undefined);
  doc.transact(() => {
    const keep = new Set(entries.map(([k]) => k));
    for (const key of [...model.keys()]) if (!keep.has(key)) model.delete(key);
    for (const [key, value] of entries) {
      if (JSON.stringify(model.get(key)) !== JSON.stringify(value)) model.set(key, value);
    }
  }, origin);
}

/** Declares one variable (type, required, default …) for everyone. */
export function writeVariable(doc: Y.Doc, spec: VariableSpec, origin: unknown = null) {
  doc.transact(() => docParts(doc).contract.set(spec.name, spec), origin);
}

/** The model settings as they stand; a value no editor could have written is left out. */
export function readModelConfig(doc: Y.Doc): ModelConfig {
  const raw = Object.fromEntries(docParts(doc).model.entries());
  const parsed = modelConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (modelConfigSchema.safeParse({ [key]: value }).success) config[key] = value;
  }
  return modelConfigSchema.parse(config);
}

/** The working copy the document holds, in Galley's shapes; the contract follows from the text. */
export function readWorkingCopy(doc: Y.Doc): WorkingCopy {
  const parts = docParts(doc);
  const type: PromptKind = parts.meta.get("type") === "CHAT" ? "CHAT" : "TEXT";
  const baseVersion = parts.meta.get("baseVersion");
  const declared: VariableSpec[] = [];
  for (const value of parts.contract.values()) {
    const parsed = variableSpecSchema.safeParse(value);
    if (parsed.success) declared.push(parsed.data);
  }
  const text =
    type === "CHAT"
      ? { messages: parts.messages.toArray().flatMap((m) => messageFromYMap(m) ?? []) }
      : { template: parts.template.toString() };
  const contract = contractFor({ ...text, contract: { variables: declared } });
  return {
    type,
    baseVersion: typeof baseVersion === "number" && Number.isInteger(baseVersion) ? baseVersion : 0,
    content: { ...text, contract, modelConfig: readModelConfig(doc) },
    description: parts.description.toString(),
  };
}

export function readLastSave(doc: Y.Doc): LastSave | null {
  const value = docParts(doc).meta.get("lastSave") as Partial<LastSave> | undefined;
  return value && typeof value.version === "number" && typeof value.by === "string" && typeof value.at === "string"
    ? { version: value.version, by: value.by, at: value.at }
    : null;
}

/** A fresh document holding `copy`, as one update (what the database stores to start with). */
export function encodeWorkingCopy(copy: WorkingCopy): Uint8Array {
  const doc = new Y.Doc();
  writeWorkingCopy(doc, copy);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
