import "server-only";

import type { CachedAnswer } from "@/lib/cache/serving-cache";
import { releaseToken } from "@/lib/releases/arms";
import type { FoundPrompt, ServedVersion } from "@/lib/serving/load-served-version";

/** The token a response names its arm by ("<releaseId>.<version>"), or null outside a release. */
export const releaseOf = (served: ServedVersion) =>
  served.releaseId === null ? null : releaseToken(served.releaseId, served.version);

/**
 * A served version's answer, as each API's `build` makes it, marked for the hot path: the
 * Galley-Version header (and Galley-Release for an arm of a release), kept on its 304s too, and
 * what usage counting needs.
 */
async function markedAnswer(
  served: ServedVersion,
  build: (served: ServedVersion) => Promise<CachedAnswer>,
): Promise<CachedAnswer> {
  const answer = await build(served);
  if (answer.status !== 200) return answer;
  const release = releaseOf(served);
  return {
    ...answer,
    headers: {
      ...answer.headers,
      "galley-version": String(served.version),
      ...(release ? { "galley-release": release } : {}),
    },
    served: {
      promptId: served.prompt.id,
      environmentId: served.environmentId ?? "",
      releaseId: served.releaseId ?? "",
      version: served.version,
    },
  };
}

/**
 * The answer to cache for a found prompt: one answer, or during a release every arm's, under the
 * one cache key (the base version's answer on top; see CachedAnswer.split).
 */
export async function buildSplitAnswer(
  found: Extract<FoundPrompt, { kind: "found" }>,
  build: (served: ServedVersion) => Promise<CachedAnswer>,
): Promise<CachedAnswer> {
  const { split } = found;
  if (!split) return markedAnswer(found.served, build);
  const arms = await Promise.all(
    split.arms.map(async (arm) => ({
      version: arm.version,
      weight: arm.weight,
      answer: await markedAnswer(arm.served, build),
    })),
  );
  const base =
    arms.find((arm) => arm.version === found.served.version)?.answer ?? (await markedAnswer(found.served, build));
  return { ...base, split: { promptId: found.served.prompt.id, releaseId: split.releaseId, arms } };
}
