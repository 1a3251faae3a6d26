// Browser-safe: the review page, approval state and the pointer's conflict check compare splits alike.
import type { Arm } from "@/lib/releases/arms";

/**
 * Whether two splits are the same: the same versions at the same weights, in any order (assignment
 * is keyed by version, not position). Two absences of a split (null) are the same too.
 */
export function sameArms(a: readonly Arm[] | null | undefined, b: readonly Arm[] | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  const weights = new Map(a.map((arm) => [arm.version, arm.weight]));
  return b.every((arm) => weights.get(arm.version) === arm.weight);
}
