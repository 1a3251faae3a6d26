import crypto from "node:crypto";

/** Invite links carry a random token; only its SHA-256 is stored, so a database leak reveals no usable link. */
export function hashInviteToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newInviteToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}
