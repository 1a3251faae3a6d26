import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import {
  addMessage,
  moveMessage,
  readLiveMessages,
  removeMessage,
  setMessageRole,
  setPlaceholderName,
} from "@/components/collab/live-messages";
import { encodeWorkingCopy, readWorkingCopy } from "@/lib/collab/prompt-doc";

const chatDoc = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    encodeWorkingCopy({
      type: "CHAT",
      baseVersion: 1,
      description: "",
      content: {
        messages: [
          { role: "system", content: "You help {{customer}}" },
          { role: "user", content: "Refund?" },
        ],
        contract: { variables: [] },
        modelConfig: {},
      },
    }),
  );
  return doc;
};
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};
const contents = (doc: Y.Doc) => readLiveMessages(doc).map((m) => m.message);

describe("live messages", () => {
  it("reads messages with a key that stays while the message does", () => {
    const doc = chatDoc();
    const before = readLiveMessages(doc);
    addMessage(doc);
    const after = readLiveMessages(doc);
    expect(after.map((m) => m.key).slice(0, 2)).toEqual(before.map((m) => m.key));
    expect(after[2]!.message).toEqual({ role: "assistant", content: "" });
  });

  it("keeps a message's text through a role change, also while someone types in it", () => {
    const a = chatDoc();
    const b = new Y.Doc();
    sync(a, b);
    setMessageRole(a, 1, "assistant");
    readLiveMessages(b)[1]!.text!.insert(7, " Yes.");
    sync(a, b);
    expect(contents(a)[1]).toEqual({ role: "assistant", content: "Refund? Yes." });
    setMessageRole(a, 1, "placeholder");
    expect(contents(a)[1]).toEqual({ role: "placeholder", name: "history" });
    setMessageRole(a, 1, "user");
    expect(contents(a)[1]).toEqual({ role: "user", content: "Refund? Yes." });
  });

  it("shows a placeholder name while it is not a valid variable name, and the saved copy leaves it out", () => {
    const doc = chatDoc();
    setMessageRole(doc, 1, "placeholder");
    setPlaceholderName(doc, 1, "9 lives");
    expect(contents(doc)[1]).toEqual({ role: "placeholder", name: "9 lives" });
    expect(readWorkingCopy(doc).content.messages).toHaveLength(1);
  });

  it("moves and removes messages; two people adding at once both keep theirs", () => {
    const a = chatDoc();
    const b = new Y.Doc();
    sync(a, b);
    moveMessage(a, 1, -1);
    expect(contents(a).map((m) => m.role)).toEqual(["user", "system"]);
    expect(readWorkingCopy(a).content.messages).toEqual([
      { role: "user", content: "Refund?" },
      { role: "system", content: "You help {{customer}}" },
    ]);
    moveMessage(a, 0, -1);
    expect(contents(a).map((m) => m.role)).toEqual(["user", "system"]);
    addMessage(a);
    addMessage(b);
    sync(a, b);
    expect(contents(a)).toHaveLength(4);
    expect(contents(b)).toEqual(contents(a));
    removeMessage(a, 3);
    expect(contents(a)).toHaveLength(3);
  });
});
