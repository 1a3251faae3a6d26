// The process's usage counter (see create-usage-counter.ts for its rules). On globalThis: the custom
// server (hot path) and the Next.js bundle (route handlers) hold two copies of this module and
// must count into one Map, flushed by one timer (start-outcomes-flusher.ts). Made on first use, so
// importing this module reads no configuration (next build evaluates modules).
import "server-only";

import { getEnv } from "@/lib/env";
import { createUsageCounter, type ServedRequest, type UsageCounter } from "@/lib/outcomes/create-usage-counter";
import { writeUsageCounts } from "@/lib/outcomes/write-usage-counts";

const stateKey = Symbol.for("galley.usage-counter");
let cached: UsageCounter | undefined;
const counter = (): UsageCounter =>
  (cached ??= (globalThis as { [stateKey]?: UsageCounter })[stateKey] ??=
    createUsageCounter({ write: writeUsageCounts, retryAfterMs: getEnv().GALLEY_USAGE_FLUSH_MS }));

/**
 * Counts one request an application was served (GET /api/prompts/{name}, Langfuse's get). For the
 * hot path: synchronous, no promise, no database write; added to UsageCount by the next flush.
 */
export function countServed(served: ServedRequest): void {
  counter().count(served);
}

/** Writes the counts so far (the flusher's timer, shutdown, tests). Never rejects. */
export function flushUsage(): Promise<void> {
  return counter().flush();
}
