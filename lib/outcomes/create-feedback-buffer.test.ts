import { describe, expect, it } from "vitest";

import { createFeedbackBuffer } from "@/lib/outcomes/create-feedback-buffer";

function fakeStore() {
  const statements: number[][] = [];
  let refuse = false;
  return {
    statements,
    refuse: (on: boolean) => (refuse = on),
    write: async (rows: number[]) => {
      if (refuse) throw new Error("connection refused");
      statements.push(rows);
    },
  };
}

describe("createFeedbackBuffer", () => {
  it("writes every row once, in chunks, in the order received", async () => {
    const store = fakeStore();
    const buffer = createFeedbackBuffer({ write: store.write, chunkRows: 2 });
    for (let i = 1; i <= 5; i++) expect(buffer.add(i)).toBe(true);
    await buffer.flush();
    expect(store.statements).toEqual([[1, 2], [3, 4], [5]]);
    await buffer.flush();
    expect(store.statements).toHaveLength(3);
  });

  it("refuses a row when full instead of dropping one, and takes rows again after a flush", async () => {
    const store = fakeStore();
    const buffer = createFeedbackBuffer({ write: store.write, maxRows: 3 });
    for (let i = 1; i <= 3; i++) buffer.add(i);
    expect(buffer.add(4)).toBe(false);
    await buffer.flush();
    expect(buffer.add(4)).toBe(true);
    await buffer.flush();
    expect(store.statements.flat()).toEqual([1, 2, 3, 4]);
  });

  it("keeps a failed write's rows, in front of newer ones, and stays bounded until a write succeeds", async () => {
    const store = fakeStore();
    const buffer = createFeedbackBuffer({ write: store.write, maxRows: 3, chunkRows: 2 });
    for (let i = 1; i <= 3; i++) buffer.add(i);
    store.refuse(true);
    const failing = buffer.flush();
    // Arriving while the write runs: room again, up to maxRows.
    for (let i = 4; i <= 6; i++) expect(buffer.add(i)).toBe(true);
    expect(buffer.add(7)).toBe(false);
    await failing;
    expect(buffer.pending()).toBe(6);
    expect(buffer.add(7)).toBe(false);
    store.refuse(false);
    await buffer.flush();
    expect(store.statements.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(buffer.pending()).toBe(0);
  });
});
