import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { apiRoute } from "@/lib/http/api-route";
import { getRequestHost } from "@/lib/http/get-request-host";
import { publicOrigin } from "@/lib/http/public-origin";

const forged = () =>
  new Headers({ host: "galley.example.com", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });

describe("the host a request was sent to", () => {
  it("ignores X-Forwarded-Host/-Proto unless proxies are trusted", () => {
    expect(getRequestHost({ headers: forged(), trustedHops: 0 })).toEqual({
      host: "galley.example.com",
      proto: "http",
    });
    expect(getRequestHost({ headers: forged(), trustedHops: 1 })).toEqual({ host: "evil.example", proto: "https" });
    expect(getRequestHost({ headers: new Headers({ host: "galley.example.com" }), trustedHops: 1 })).toEqual({
      host: "galley.example.com",
      proto: "http",
    });
  });

  it("builds invite links from Host, not from a forged X-Forwarded-Host, by default", () => {
    // The test environment sets neither NEXTAUTH_URL nor GALLEY_TRUST_PROXY.
    expect(publicOrigin(forged())).toBe("http://galley.example.com");
  });

  it("refuses a cross-site write whose Origin matches only a forged X-Forwarded-Host", async () => {
    const handler = apiRoute({ route: "/api/account", auth: "user" }, async () => ({ ok: true }));
    const req = new NextRequest("http://galley.example.com/api/account", {
      method: "PATCH",
      headers: {
        host: "galley.example.com",
        origin: "http://evil.example",
        "x-forwarded-host": "evil.example",
        "content-type": "application/json",
      },
      body: "{}",
    });
    const response = await handler(req, { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: { code: "forbidden", message: "Cross-site requests are not allowed." },
    });
  });
});
