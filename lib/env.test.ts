import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
  const { getEnv } = await import("@/lib/env");
  return getEnv;
}

describe("getEnv", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses the embedded database when DATABASE_URL is unset", async () => {
    const env = (await loadEnv({ DATABASE_URL: "", GALLEY_DATA_DIR: "/tmp/galley-x" }))();
    expect(env.databaseKind).toBe("pglite");
    expect(env.dataDir).toBe("/tmp/galley-x");
  });

  it("names the variable and what is wrong", async () => {
    const getEnv = await loadEnv({ DATABASE_URL: "mysql://localhost/x" });
    expect(() => getEnv()).toThrow(/DATABASE_URL must be a postgres:\/\//);
  });

  it("requires OAuth settings in pairs", async () => {
    const getEnv = await loadEnv({ DATABASE_URL: "", GITHUB_ID: "abc", GITHUB_SECRET: "" });
    expect(() => getEnv()).toThrow(/GITHUB_SECRET must be set together with GITHUB_ID/);
  });

  it("rejects a short NEXTAUTH_SECRET", async () => {
    const getEnv = await loadEnv({ DATABASE_URL: "", NEXTAUTH_SECRET: "short" });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET must be at least 32 characters/);
  });

  it("bounds how often usage counts and feedback are written", async () => {
    expect((await loadEnv({ DATABASE_URL: "" }))().GALLEY_USAGE_FLUSH_MS).toBe(5000);
    const getEnv = await loadEnv({ DATABASE_URL: "", GALLEY_USAGE_FLUSH_MS: "100" });
    expect(() => getEnv()).toThrow(/GALLEY_USAGE_FLUSH_MS must be at least 500 \(milliseconds\)/);
  });

  it("names the outbound policy entry it cannot read", async () => {
    const getEnv = await loadEnv({ DATABASE_URL: "", GALLEY_OUTBOUND_DENY: "10.0.0.0/8, 10.0.0.0/33" });
    expect(() => getEnv()).toThrow(
      /GALLEY_OUTBOUND_DENY must be comma-separated addresses, CIDR ranges or host names: "10.0.0.0\/33" is neither/,
    );
  });
});
