import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

// Read once by lib/env on first use, and each test file gets fresh modules.
vi.stubEnv("NEXTAUTH_URL", "https://galley.example.com");
const { apiRoute } = await import("@/lib/http/api-route");
const { publicOrigin } = await import("@/lib/http/public-origin");
const { isCrossSiteWrite } = await import("@/lib/http/is-cross-site-write");

const write = (headers: Record<string, string>) =>
  apiRoute({ route: "/api/account", auth: "user" }, async () => ({ ok: true }))(
    new NextRequest("http://127.0.0.1:3000/api/account", {
      method: "PATCH",
      headers: { "content-type": "application/json", ...headers },
      body: "{}",
    }),
    { params: Promise.resolve({}) },
  );

describe("behind a proxy that rewrites Host, with NEXTAUTH_URL set", () => {
  it("still refuses writes from other sites", async () => {
    const response = await write({
      host: "127.0.0.1:3000",
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(response.status).toBe(403);
  });

  it("does not take a write from the configured public URL for a cross-site one", () => {
    const request = (origin: string) =>
      new NextRequest("http://127.0.0.1:3000/api/account", {
        method: "PATCH",
        headers: { host: "127.0.0.1:3000", origin },
      });
    expect(isCrossSiteWrite(request("https://galley.example.com"))).toBe(false);
    expect(isCrossSiteWrite(request("http://127.0.0.1:3000"))).toBe(false);
    expect(isCrossSiteWrite(request("https://evil.example"))).toBe(true);
  });

  it("hands out links on the configured public URL whatever the request says", () => {
    expect(publicOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" }))).toBe(
      "https://galley.example.com",
    );
  });
});
