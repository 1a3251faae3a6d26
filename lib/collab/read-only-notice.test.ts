import { describe, expect, it } from "vitest";

import { encodeReadOnlyNotice, parseReadOnlyNotice } from "@/lib/collab/read-only-notice";

describe("read-only notice", () => {
  it("round-trips both reasons", () => {
    expect(parseReadOnlyNotice(encodeReadOnlyNotice("archived"))).toEqual({ type: "read_only", reason: "archived" });
    expect(parseReadOnlyNotice(encodeReadOnlyNotice("role"))).toEqual({ type: "read_only", reason: "role" });
  });

  it("is null for any other stateless message", () => {
    for (const payload of ["", "not json", "null", "[]", '{"type":"read_only"}', '{"type":"read_only","reason":"x"}'])
      expect(parseReadOnlyNotice(payload)).toBeNull();
  });
});
