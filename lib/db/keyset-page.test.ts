import { describe, expect, it } from "vitest";

import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/db/keyset-page";

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("keyset cursors", () => {
  it("round-trips a position", () => {
    const at = new Date("2026-11-24T09:00:00.123Z");
    expect(decodeKeysetCursor({ cursor: encodeKeysetCursor({ at, id: "cm1abc_x-2" }), name: "cursor" })).toEqual({
      at,
      id: "cm1abc_x-2",
    });
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["an invalid date", raw({ at: "2026-13-45T99:00:00Z", id: "x" })],
    ["a date PostgreSQL cannot store", raw({ at: "-271821-04-20T00:00:00.000Z", id: "x" })],
    ["a NUL in the id", raw({ at: "2026-11-24T09:00:00Z", id: "a\u0000" })],
    ["a number as id", raw({ at: "2026-11-24T09:00:00Z", id: 7 })],
    ["JSON null", raw(null)],
  ])("refuses %s with a 422 naming the parameter", (_, cursor) => {
    expect(() => decodeKeysetCursor({ cursor, name: "cursor" })).toThrow(
      expect.objectContaining({
        code: "validation_failed",
        message: "cursor: Invalid cursor: use the nextCursor of a previous page.",
      }),
    );
  });
});
