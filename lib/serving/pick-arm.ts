import type { CachedAnswer } from "@/lib/cache/serving-cache";
import { assignArm } from "@/lib/releases/arms";

/**
 * The answer a request gets: during a release, its unit's arm (sticky for a unit id, random per
 * request without one; lib/releases/arms.ts), else the answer itself. Synchronous: the hot path's
 * fast lane calls it on cached answers.
 */
export function pickArm(answer: CachedAnswer, unit: string | undefined): CachedAnswer {
  const split = answer.split;
  if (!split) return answer;
  return assignArm(split.arms, { promptId: split.promptId, releaseId: split.releaseId, unit }).answer;
}
