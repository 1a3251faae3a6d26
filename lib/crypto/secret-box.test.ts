import { afterEach, describe, expect, it, vi } from "vitest";

describe("secret box", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("encrypts with AES-256-GCM, a fresh nonce each time, and detects tampering or a wrong key", async () => {
    vi.resetModules();
    vi.stubEnv("GALLEY_ENCRYPTION_KEY", "11".repeat(32));
    const box = await import("@/lib/crypto/secret-box");
    const a = box.encryptSecret("sk-live-1234567890");
    const b = box.encryptSecret("sk-live-1234567890");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-live");
    expect(box.decryptSecret(a)).toBe("sk-live-1234567890");
    const [v, n, t, body] = a.split(".");
    // One bit of the ciphertext itself (rewriting a base64 character left it unchanged when it already was the replacement).
    const tampered = Buffer.from(body!, "base64url");
    tampered.writeUInt8(tampered.readUInt8(0) ^ 1, 0);
    expect(() => box.decryptSecret([v, n, t, tampered.toString("base64url")].join("."))).toThrow(/Cannot decrypt/);

    vi.resetModules();
    vi.stubEnv("GALLEY_ENCRYPTION_KEY", "22".repeat(32));
    const other = await import("@/lib/crypto/secret-box");
    expect(() => other.decryptSecret(a)).toThrow(/GALLEY_ENCRYPTION_KEY differs/);
    expect(other.secretHint("sk-live-1234567890")).toBe("…7890");
  });
});
