import "server-only";

import { cachedAnswer, generationOf, rememberAnswer, staleAnswer, type CachedAnswer } from "@/lib/cache/serving-cache";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const markedStale = (answer: CachedAnswer): CachedAnswer => ({
  ...answer,
  headers: { ...answer.headers, "galley-stale": "1", warning: '110 - "Response is Stale"' },
  split: answer.split && {
    ...answer.split,
    arms: answer.split.arms.map((arm) => ({ ...arm, answer: markedStale(arm.answer) })),
  },
});

/**
 * An application-facing answer (GET /api/prompts/{name}, Langfuse's GET /api/public/v2/prompts/{name})
 * from this instance's cache when it can: every change that alters an answer (save, deploy, rollback,
 * promotion, rename, delete) clears the project's answers first. `build` reads the database; what it
 * throws is passed on and never cached (it returns the errors worth caching as answers). When the
 * database cannot be reached, the last answer this instance had is returned marked stale, or 503
 * when it has none.
 */
export async function serveCachedAnswer(opts: {
  projectId: string;
  cacheKey: string;
  name: string;
  build: () => Promise<CachedAnswer>;
}): Promise<CachedAnswer> {
  const hit = cachedAnswer(opts.projectId, opts.cacheKey);
  if (hit) return hit;
  const generation = generationOf(opts.projectId);
  let answer: CachedAnswer;
  try {
    answer = await opts.build();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Prisma's own message is several lines of invocation context; the driver's cause says what happened.
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { message?: string; kind?: string } } } }).meta
      ?.driverAdapterError?.cause;
    log.warn("database unreachable on the serving hot path", {
      name: opts.name,
      error: cause?.message ?? cause?.kind ?? String(error).trim().split("\n").pop(),
    });
    // stale-if-error (RFC 5861): the last answer this instance had beats no answer while the database is down.
    const stale = staleAnswer(opts.projectId, opts.cacheKey);
    if (stale) return markedStale(stale);
    throw new AppError({
      code: "unavailable",
      message:
        "The prompt store cannot be reached right now, and this instance has no earlier answer for this request. Retry shortly.",
      headers: { "retry-after": "5" },
    });
  }
  rememberAnswer(opts.projectId, opts.cacheKey, generation, answer);
  return answer;
}
