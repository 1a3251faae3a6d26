// A release's split and how a request is assigned an arm of it. Pure (no database, no Node), so the
// hot path, the studio and the tests share one definition.
//
// Assignment is a weighted rendezvous ("exponential race"): each arm draws -ln(u) / weight from a
// uniform u hashed from (prompt, release, unit, arm's version), and the lowest draw wins. Then:
// - an arm wins with probability weight / 100, independently of the order arms are listed in;
// - a unit keeps its arm for as long as the weights stay (same inputs, same hash: across requests,
//   instances and restarts);
// - when a ramp raises one arm's weight and lowers others', every unit on the raised arm stays on
//   it: its draw got smaller and every other draw larger. Units leave only the lowered arms.
// Keyed by the arm's version rather than its position, so listing arms differently changes nothing.
import { z } from "zod";

/** One version of a split and its share of the traffic, in whole percent. */
export type Arm = { version: number; weight: number };

/** A split names at most this many versions (a canary is two; an A/B/C test three). */
export const MAX_ARMS = 4;

export const armsSchema = z
  .array(
    z.object({
      version: z.number().int().min(1, "A version number starts at 1."),
      weight: z
        .number()
        .int("Weights are whole percentages.")
        .min(1, "Every arm needs at least 1 %; leave a version out instead.")
        .max(99, "An arm at 100 % is not a split: promote that version instead."),
    }),
  )
  .min(2, "A split needs at least two versions.")
  .max(MAX_ARMS, `A split names at most ${MAX_ARMS} versions.`)
  .superRefine((arms, ctx) => {
    const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
    if (total !== 100)
      ctx.addIssue({ code: "custom", message: `The weights add up to ${total} %; they must add up to 100 %.` });
    const seen = new Set<number>();
    arms.forEach((arm, index) => {
      if (seen.has(arm.version))
        ctx.addIssue({
          code: "custom",
          path: [index, "version"],
          message: `Version ${arm.version} is listed twice.`,
        });
      seen.add(arm.version);
    });
  });

/** Arms read back from the database (Json columns), checked: a corrupt row is an error, never a guess. */
export function parseArms(value: unknown): Arm[] {
  return armsSchema.parse(value);
}

/** "v6 90 % · v7 10 %", for timelines, audit entries and notifications. */
export function describeArms(arms: readonly Arm[]): string {
  return arms.map((arm) => `v${arm.version} ${arm.weight} %`).join(" · ");
}

/**
 * What a response calls the arm it served, "<release id>.<version>": apps send it back with
 * feedback, and it tells two arms' answers (and ETags) apart.
 */
export const releaseToken = (releaseId: string, version: number) => `${releaseId}.${version}`;

/** The release id and version in a token from releaseToken, or null when it is not one. */
export function parseReleaseToken(token: string): { releaseId: string; version: number } | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || dot > 64) return null;
  const version = Number(token.slice(dot + 1));
  if (!Number.isSafeInteger(version) || version < 1 || String(version) !== token.slice(dot + 1)) return null;
  const releaseId = token.slice(0, dot);
  return /^[a-z0-9]+$/.test(releaseId) ? { releaseId, version } : null;
}

// 32-bit FNV-1a over UTF-16 code units, then MurmurHash3's finalizer so that inputs differing only
// in their last characters (unit ids like "user-1", "user-2") spread over all 32 bits.
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in (0, 1) fixed by the inputs. */
function uniform(promptId: string, releaseId: string, unit: string, version: number): number {
  return (hash32(`${promptId}\n${releaseId}\n${unit}\n${version}`) + 0.5) / 4294967296;
}

/**
 * The arm a request gets. With a unit id the choice is sticky (see the top of this file); without
 * one it is random per request, with the same weights.
 */
export function assignArm<A extends Arm>(
  arms: readonly A[],
  opts: { promptId: string; releaseId: string; unit?: string | null },
): A {
  let best = arms[0]!;
  let bestDraw = Infinity;
  for (const arm of arms) {
    const u = opts.unit
      ? uniform(opts.promptId, opts.releaseId, opts.unit, arm.version)
      : Math.random() || Number.MIN_VALUE;
    const draw = -Math.log(u) / arm.weight;
    if (draw < bestDraw) {
      bestDraw = draw;
      best = arm;
    }
  }
  return best;
}
