import "server-only";

import crypto from "node:crypto";

/** Every key starts with this, so a leaked one is easy to recognise (and to scan for). */
export const KEY_PREFIX = "gk_";
/** How much of a key the studio shows and stores in clear, e.g. `gk_Ab12Cd34`. */
const VISIBLE = KEY_PREFIX.length + 8;

/** A new secret: 32 random bytes, base64url, behind the prefix. Shown once; only its hash is stored. */
export function generateApiKeySecret(): string {
  return `${KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

export const hashApiKeySecret = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");
export const visiblePrefix = (secret: string) => secret.slice(0, VISIBLE);
