import { describe, expect, it } from "vitest";

import { redactPath } from "@/lib/http/redact-path";

describe("request paths in logs", () => {
  it("hides invite tokens on the invite page and the accept route", () => {
    const token = "Zq3x_secret-token-AbC";
    expect(redactPath(`/invite/${token}`)).toBe("/invite/[redacted]");
    expect(redactPath(`/invite/${token}?callbackUrl=/x`)).toBe("/invite/[redacted]");
    expect(redactPath(`/api/invites/${token}/accept`)).toBe("/api/invites/[redacted]/accept");
    expect(redactPath(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`)).toBe("/login");
  });

  it("leaves other paths alone and drops query strings", () => {
    expect(redactPath("/p/acme/prompts/support/refund-reply")).toBe("/p/acme/prompts/support/refund-reply");
    expect(redactPath("/api/auth/callback/oidc?code=abc&state=def")).toBe("/api/auth/callback/oidc");
    expect(redactPath(undefined)).toBeUndefined();
  });
});
