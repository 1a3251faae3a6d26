import { describe, expect, it } from "vitest";

import { redact } from "@/lib/log";

describe("redact", () => {
  it("masks secret-looking keys at any depth", () => {
    const out = redact({
      email: "a@b.c",
      password: "hunter22",
      nested: { apiKey: "k", token: "t", ok: 1 },
      list: [{ secret: "s" }],
    });
    expect(out).toEqual({
      email: "a@b.c",
      password: "[redacted]",
      nested: { apiKey: "[redacted]", token: "[redacted]", ok: 1 },
      list: [{ secret: "[redacted]" }],
    });
  });
});
