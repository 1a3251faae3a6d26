import "server-only";

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { ensureDataDir } from "@/lib/db";
import { getEnv } from "@/lib/env";

let cached: string | undefined;

export function authSecretPath(): string {
  return path.join(getEnv().dataDir, "nextauth-secret");
}

/**
 * NEXTAUTH_SECRET, or a secret generated on first start and kept in the data directory.
 * Instances sharing one PostgreSQL must share NEXTAUTH_SECRET, or sessions break between them.
 */
export function getAuthSecret(): { secret: string; generated: boolean } {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return { secret: env.NEXTAUTH_SECRET, generated: false };
  if (cached) return { secret: cached, generated: true };
  const file = authSecretPath();
  ensureDataDir(path.dirname(file));
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return { secret: cached, generated: true };
}
