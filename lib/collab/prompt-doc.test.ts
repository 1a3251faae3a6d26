import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import {
  docParts,
  encodeWorkingCopy,
  parseDocName,
  promptDocName,
  readWorkingCopy,
  reviewDocName,
  writeModelConfig,
  writeWorkingCopy,
  type WorkingCopy,
} from "./prompt-doc";

const chat: WorkingCopy = {
  type: "CHAT",
  baseVersion: 3,
  description: "Answers refund questions",
  content: {
    messages: [
      { role: "system", content: "You help {{customer}}." },
      { role: "placeholder", name: "history" },
      { role: "user", content: "{{question}}" },
    ],
    contract: {
      variables: [
        { name: "customer", type: "string", required: false, default: "a customer" },
        { name: "question", type: "string", required: true },
        { name: "history", type: "messages", required: false },
      ],
    },
    modelConfig: { model: "gpt-4o-mini", temperature: 0.2 },
  },
};

const docFrom = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
};
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("the shared working copy", () => {
  it("reads back what was written, for chat and text prompts", () => {
    expect(readWorkingCopy(docFrom(encodeWorkingCopy(chat)))).toEqual(chat);
    const text: WorkingCopy = {
      type: "TEXT",
      baseVersion: 0,
      description: "",
      content: {
        template: "Hi {{name}}",
        contract: { variables: [{ name: "name", type: "string", required: true }] },
        modelConfig: {},
      },
    };
    expect(readWorkingCopy(docFrom(encodeWorkingCopy(text)))).toEqual(text);
  });

  it("merges two people's concurrent edits of one message and of different model settings", () => {
    const a = docFrom(encodeWorkingCopy(chat));
    const b = docFrom(encodeWorkingCopy(chat));
    sync(a, b);
    (docParts(a).messages.get(0).get("content") as Y.Text).insert(0, "Be brief. ");
    (docParts(b).messages.get(0).get("content") as Y.Text).insert(22, " Politely.");
    writeModelConfig(a, { ...chat.content.modelConfig, temperature: 0.7 });
    writeModelConfig(b, { ...chat.content.modelConfig, maxTokens: 300 });
    sync(a, b);
    const copy = readWorkingCopy(a);
    expect(copy).toEqual(readWorkingCopy(b));
    expect(copy.content.messages?.[0]).toEqual({
      role: "system",
      content: "Be brief. You help {{customer}}. Politely.",
    });
    expect(copy.content.modelConfig).toEqual({ model: "gpt-4o-mini", temperature: 0.7, maxTokens: 300 });
  });

  it("derives the contract from the text, keeping declarations of variables still used", () => {
    const doc = docFrom(encodeWorkingCopy(chat));
    (docParts(doc).messages.get(2).get("content") as Y.Text).insert(0, "{{tone}} ");
    const names = readWorkingCopy(doc).content.contract.variables.map((v) => v.name);
    expect(names).toEqual(["customer", "tone", "question", "history"]);
    expect(readWorkingCopy(doc).content.contract.variables[0]).toMatchObject({ default: "a customer" });
  });

  it("leaves out what no editor could have written", () => {
    const doc = docFrom(encodeWorkingCopy(chat));
    doc.transact(() => {
      docParts(doc).model.set("temperature", "hot");
      docParts(doc).contract.set("customer", { name: "customer", type: "colour" });
      const odd = new Y.Map<unknown>();
      odd.set("role", "narrator");
      docParts(doc).messages.push([odd]);
    });
    const copy = readWorkingCopy(doc);
    expect(copy.content.modelConfig).toEqual({ model: "gpt-4o-mini" });
    expect(copy.content.messages).toHaveLength(3);
    expect(copy.content.contract.variables[0]).toEqual({ name: "customer", type: "string", required: true });
  });

  it("a reset to the same content changes nothing", () => {
    const doc = docFrom(encodeWorkingCopy(chat));
    const before = Y.encodeStateVector(doc);
    writeWorkingCopy(doc, chat);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("names documents so that only ids parse back", () => {
    expect(parseDocName(promptDocName("clx1abc"))).toEqual({ kind: "prompt", id: "clx1abc" });
    expect(parseDocName(reviewDocName("r9"))).toEqual({ kind: "review", id: "r9" });
    expect(parseDocName("prompt:../x")).toBeNull();
    expect(parseDocName("other:abc")).toBeNull();
  });
});
