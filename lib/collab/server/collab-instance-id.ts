import "server-only";

import crypto from "node:crypto";

const key = Symbol.for("galley.collab-instance");

/**
 * This process's id as a live-editing instance: in its presence rows (CollabPresence.instanceId)
 * and in the notices it sends other instances, so it ignores its own. On globalThis: server.ts and
 * the Next.js bundle hold two copies of this module and must be one instance.
 */
export function collabInstanceId(): string {
  const holder = globalThis as { [key]?: string };
  return (holder[key] ??= crypto.randomUUID());
}
