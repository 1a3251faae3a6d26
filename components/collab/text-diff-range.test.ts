import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { changedRange, moveCaret, type TextDelta } from "@/components/collab/text-diff-range";

describe("changedRange", () => {
  it.each([
    ["abc", "abXc", { index: 2, remove: 0, insert: "X" }],
    ["abc", "ac", { index: 1, remove: 1, insert: "" }],
    ["hello world", "hello brave world", { index: 6, remove: 0, insert: "brave " }],
    ["aaa", "aaaa", { index: 3, remove: 0, insert: "a" }],
    ["", "new", { index: 0, remove: 0, insert: "new" }],
    ["same", "same", { index: 4, remove: 0, insert: "" }],
    ["one two", "one 2", { index: 4, remove: 3, insert: "2" }],
  ])("%j → %j", (before, after, expected) => {
    const range = changedRange(before, after);
    expect(range).toEqual(expected);
    expect(before.slice(0, range.index) + range.insert + before.slice(range.index + range.remove)).toBe(after);
  });

  it("applied to a Y.Text, keeps an edit someone made elsewhere at the same time", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "Hello world");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // A types in a textarea (the whole value changes locally); B edits the other end meanwhile.
    const r = changedRange("Hello world", "Hello, world");
    a.getText("t").delete(r.index, r.remove);
    a.getText("t").insert(r.index, r.insert);
    b.getText("t").insert(11, "!");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("Hello, world!");
    expect(b.getText("t").toString()).toBe("Hello, world!");
  });
});

describe("moveCaret", () => {
  const cases: Array<[string, number, TextDelta, number]> = [
    ["insert before the caret", 5, [{ retain: 2 }, { insert: "xyz" }], 8],
    ["insert after the caret", 2, [{ retain: 4 }, { insert: "xyz" }], 2],
    ["delete before the caret", 5, [{ retain: 1 }, { delete: 2 }], 3],
    ["delete across the caret", 5, [{ retain: 3 }, { delete: 4 }], 3],
    ["delete after the caret", 2, [{ retain: 3 }, { delete: 4 }], 2],
    ["replace before the caret", 6, [{ delete: 3 }, { insert: "ab" }], 5],
  ];
  it.each(cases)("%s", (_name, caret, delta, expected) => expect(moveCaret(caret, delta)).toBe(expected));
});
