// Secrets at rest (provider API keys): AES-256-GCM with a random 96-bit nonce per value. The key is
// GALLEY_ENCRYPTION_KEY, or one generated on first use and kept in the data directory.
import "server-only";

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { ensureDataDir } from "@/lib/db";
import { getEnv } from "@/lib/env";

let cached: { key: Buffer; generated: boolean } | undefined;

export function encryptionKeyPath(): string {
  return path.join(getEnv().dataDir, "encryption-key");
}

/** The 32-byte key, and whether it was generated (the server warns about that in production). */
export function getEncryptionKey(): { key: Buffer; generated: boolean } {
  if (cached) return cached;
  const configured = getEnv().GALLEY_ENCRYPTION_KEY;
  if (configured) {
    cached = {
      key: /^[0-9a-fA-F]{64}$/.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64"),
      generated: false,
    };
    return cached;
  }
  const file = encryptionKeyPath();
  ensureDataDir(path.dirname(file));
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = { key: Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex"), generated: true };
  return cached;
}

/** "v1.<nonce>.<tag>.<ciphertext>", base64url parts. */
export function encryptSecret(plain: string): string {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", getEncryptionKey().key, nonce);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    nonce.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, nonce, tag, body] = sealed.split(".");
  if (version !== "v1" || !nonce || !tag || body === undefined) throw new Error("Unreadable encrypted secret.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", getEncryptionKey().key, Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Cannot decrypt a stored secret: GALLEY_ENCRYPTION_KEY differs from the key it was saved with.");
  }
}

/** What the browser may see of a key: its last four characters. */
export const secretHint = (plain: string) => `…${plain.slice(-4)}`;
