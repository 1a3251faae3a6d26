import { describe, expect, it } from "vitest";

import { createUsageCounter, type ServedRequest, type UsageRow } from "@/lib/outcomes/create-usage-counter";

const served = (over: Partial<ServedRequest> = {}): ServedRequest => ({
  projectId: "p1",
  promptId: "pr1",
  environmentId: "env1",
  releaseId: null,
  version: 3,
  apiKeyId: "k1",
  ...over,
});

// A database stand-in that records every statement's rows and can be told to refuse.
function fakeStore() {
  const statements: UsageRow[][] = [];
  let refuse = false;
  return {
    statements,
    refuse: (on: boolean) => (refuse = on),
    write: async (rows: UsageRow[]) => {
      if (refuse) throw new Error("connection refused");
      statements.push(rows);
    },
    total: () => statements.flat().reduce((sum, row) => sum + row.count, 0),
  };
}

describe("createUsageCounter", () => {
  it("adds up requests per row and minute, and writes each row once per flush", async () => {
    let clock = Date.UTC(2026, 10, 26, 22, 0, 59_000 / 1000);
    const store = fakeStore();
    const counter = createUsageCounter({ write: store.write, now: () => clock });
    for (let i = 0; i < 5; i++) counter.count(served());
    counter.count(served({ version: 4, releaseId: "rel1" }));
    counter.count(served({ environmentId: null }));
    clock += 60_000;
    counter.count(served());
    expect(counter.pendingRows()).toBe(4);
    await counter.flush();
    expect(store.statements).toHaveLength(1);
    const rows = store.statements[0]!;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: 3, releaseId: "", environmentId: "env1", count: 5 }),
        expect.objectContaining({ version: 4, releaseId: "rel1", count: 1 }),
        expect.objectContaining({ version: 3, environmentId: "", count: 1 }),
      ]),
    );
    const minutes = rows.map((row) => row.minute.toISOString()).sort();
    expect(minutes).toEqual([
      "2026-11-26T22:00:00.000Z",
      "2026-11-26T22:00:00.000Z",
      "2026-11-26T22:00:00.000Z",
      "2026-11-26T22:01:00.000Z",
    ]);
    expect(counter.pendingRows()).toBe(0);
    await counter.flush();
    expect(store.statements).toHaveLength(1);
  });

  it("splits a large batch into statements of chunkRows", async () => {
    const store = fakeStore();
    const counter = createUsageCounter({ write: store.write, chunkRows: 100, now: () => 0 });
    for (let v = 1; v <= 250; v++) counter.count(served({ version: v }));
    await counter.flush();
    expect(store.statements.map((rows) => rows.length)).toEqual([100, 100, 50]);
    expect(store.total()).toBe(250);
  });

  it("flushes at once when maxKeys rows are waiting, and counts the request that found it full", async () => {
    const store = fakeStore();
    const counter = createUsageCounter({ write: store.write, maxKeys: 10, now: () => 0 });
    for (let v = 1; v <= 10; v++) counter.count(served({ version: v }));
    expect(store.statements).toHaveLength(0);
    counter.count(served({ version: 11 }));
    expect(counter.pendingRows()).toBe(11); // ten being written, one new
    await counter.flush();
    expect(store.total()).toBe(11);
    expect(counter.dropped()).toBe(0);
  });

  it("keeps a failed write's counts for the next flush", async () => {
    const store = fakeStore();
    const counter = createUsageCounter({ write: store.write, now: () => 0 });
    counter.count(served());
    counter.count(served());
    store.refuse(true);
    await counter.flush();
    expect(counter.pendingRows()).toBe(1);
    counter.count(served());
    store.refuse(false);
    await counter.flush();
    expect(store.statements).toEqual([[expect.objectContaining({ count: 3 })]]);
  });

  it("keeps the chunks a failed write did not reach, and not the ones it wrote", async () => {
    let calls = 0;
    const written: UsageRow[] = [];
    const counter = createUsageCounter({
      chunkRows: 2,
      now: () => 0,
      write: async (rows) => {
        if (++calls === 2) throw new Error("connection reset");
        written.push(...rows);
      },
    });
    for (let v = 1; v <= 5; v++) counter.count(served({ version: v }));
    await counter.flush();
    expect(written.map((row) => row.version)).toEqual([1, 2]);
    expect(counter.pendingRows()).toBe(3);
    await counter.flush();
    expect(written.map((row) => row.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("stays bounded while the database refuses, counting what it could not hold, and retries no faster than retryAfterMs", async () => {
    let clock = 0;
    let tries = 0;
    const store = fakeStore();
    const counter = createUsageCounter({
      maxKeys: 4,
      retryAfterMs: 1000,
      now: () => clock,
      write: async (rows) => {
        tries++;
        await store.write(rows);
      },
    });
    store.refuse(true);
    for (let v = 1; v <= 4; v++) counter.count(served({ version: v }));
    counter.count(served({ version: 5 })); // full: an early flush starts (and will fail)
    await counter.flush();
    expect(tries).toBe(2); // the early one and this one
    expect(counter.pendingRows()).toBe(4);
    const droppedBefore = counter.dropped();
    for (let v = 6; v <= 105; v++) counter.count(served({ version: v }));
    expect(tries).toBe(2); // no flush per request while the database refuses
    expect(counter.pendingRows()).toBe(4);
    expect(counter.dropped()).toBe(droppedBefore + 100);
    counter.count(served({ version: 1 })); // a row already held still counts
    store.refuse(false);
    clock += 1000;
    counter.count(served({ version: 200 })); // past retryAfterMs: a full map flushes early again
    await counter.flush();
    expect(counter.dropped()).toBe(0);
    expect(store.total() + droppedBefore + 100).toBe(107);
  });
});
