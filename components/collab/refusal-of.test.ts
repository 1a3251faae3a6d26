import { describe, expect, it } from "vitest";

import { refusalOf } from "@/components/collab/refusal-of";
import { refusals } from "@/lib/collab/refusals";

describe("refusalOf", () => {
  it("reads the refusal the server names by kind, by code, or as JSON", () => {
    expect(refusalOf("archived")).toEqual({ kind: "archived", message: refusals.archived.message });
    expect(refusalOf("4413")?.kind).toBe("too_large");
    expect(refusalOf('{"refusal":"read_only"}')?.kind).toBe("read_only");
  });

  it("puts Hocuspocus' own refusals in our words", () => {
    expect(refusalOf("Forbidden")?.kind).toBe("forbidden");
    expect(refusalOf("Unauthorized")?.kind).toBe("signed_out");
  });

  it("is nothing for other closes, which are reconnected from", () => {
    for (const reason of [
      undefined,
      "",
      "forced",
      "too-many-messages",
      '{"type":"read_only","reason":"role"}',
      "1000",
    ]) {
      expect(refusalOf(reason), String(reason)).toBeNull();
    }
  });
});
