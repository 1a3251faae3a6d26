import "server-only";

import { getEnv } from "@/lib/env";
import { flushFeedback } from "@/lib/outcomes/feedback-buffer";
import { flushUsage } from "@/lib/outcomes/usage-counter";

/** Writes usage counts and feedback now (the timer, shutdown). Never rejects: failures are logged and kept. */
export async function flushOutcomes(): Promise<void> {
  await Promise.all([flushUsage(), flushFeedback()]);
}

/**
 * Writes usage counts and feedback every GALLEY_USAGE_FLUSH_MS (server.ts starts it). The returned
 * stop() clears the timer and writes what is left: call it before the database closes.
 */
export function startOutcomesFlusher(): () => Promise<void> {
  const timer = setInterval(() => void flushOutcomes(), getEnv().GALLEY_USAGE_FLUSH_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flushOutcomes();
  };
}
