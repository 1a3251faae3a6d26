import { describe, expect, it } from "vitest";

import {
  cellText,
  duplicateRow,
  parseCell,
  toEditRow,
  toSaveEntries,
  variableColumns,
} from "@/components/datasets/edit-rows";

describe("dataset table editing", () => {
  it("keeps text cells text and reads typed cells as JSON", () => {
    expect(parseCell("42", "old text")).toBe("42");
    expect(parseCell("42", 7)).toBe(42);
    expect(parseCell("[1,2]", [0])).toEqual([1, 2]);
    expect(parseCell("not json", true)).toBe("not json");
    expect(parseCell("", "x")).toBeUndefined();
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(undefined)).toBe("");
  });

  it("saves untouched rows by id and duplicates as new content", () => {
    const kept = toEditRow({ id: "row1", values: { q: "a", n: 1 }, expected: "x", metadata: null });
    const copy = duplicateRow(kept);
    expect(copy.key).not.toBe(kept.key);
    expect(toSaveEntries([kept, copy])).toEqual([
      { id: "row1" },
      { values: { q: "a", n: 1 }, expected: "x", metadata: null },
    ]);
    expect(variableColumns([kept, { ...copy, values: { z: 1 } }], ["extra", "q"])).toEqual(["q", "n", "z", "extra"]);
  });
});
