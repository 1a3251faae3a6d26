import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

const origin = "https://galley.example.com";
const safe = (callbackUrl: string | undefined) => safeCallbackUrl({ callbackUrl, origin });

describe("callback URLs after sign-in", () => {
  it("refuses everything that leaves our origin, including the backslash and tab tricks", () => {
    for (const evil of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "//evil.example/x",
      "https://evil.example/x",
      "https://galley.example.com.evil.example/",
      "http://galley.example.com/p/acme",
      "javascript:alert(1)",
      "data:text/html,hi",
      " //evil.example",
    ]) {
      const result = safe(evil);
      expect(result, evil).toBe("/");
      // Whatever we hand back, the browser resolves it to our own origin.
      expect(new URL(result, origin).origin).toBe(origin);
    }
  });

  it("keeps paths, queries and absolute URLs on our origin", () => {
    expect(safe("/p/acme/prompts?tab=history#v2")).toBe("/p/acme/prompts?tab=history#v2");
    expect(safe("/invite/abc123")).toBe("/invite/abc123");
    expect(safe("https://galley.example.com/p/acme")).toBe("/p/acme");
    expect(safe(undefined)).toBe("/");
    expect(safe("")).toBe("/");
  });

  it("never returns a protocol-relative path, even for a same-origin URL whose path starts with //", () => {
    const result = safe("https://galley.example.com//evil.example/x");
    expect(result).toBe("/evil.example/x");
    expect(new URL(result, origin).origin).toBe(origin);
  });
});
