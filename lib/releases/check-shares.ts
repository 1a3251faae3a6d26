// Browser-safe. The "Set shares" form of a split: every arm's share as typed, checked as armsSchema
// checks a ramp (same versions, whole percents 1–99 summing to 100), with errors that name the field.
import type { Arm } from "@/lib/releases/arms";
import { canaryArm } from "@/lib/releases/describe-release-step";
import { sameArms } from "@/lib/releases/same-arms";

/** What the form says: the new split, or why not (per version, and about the whole). */
export type SharesCheck =
  { ok: true; arms: Arm[] } | { ok: false; fields: Record<number, string>; total: string | null };

/** A share as typed: a whole percent from 1 to 99, or null. */
function share(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= 99 ? n : null;
}

/** The sum of the shares typed so far (fields that are not a whole percent count as 0), for a live total. */
export function sharesTotal(entered: Readonly<Record<number, string>>): number {
  return Object.values(entered).reduce((sum, text) => sum + (share(text) ?? 0), 0);
}

/**
 * Checks the shares typed for each arm of `current`. A field that is not a whole percent from 1 to 99
 * is named ("v7: 1–99, whole numbers"); once every field is, the total must be 100 and differ from
 * the split that runs now.
 */
export function checkShares(opts: { current: readonly Arm[]; entered: Readonly<Record<number, string>> }): SharesCheck {
  const fields: Record<number, string> = {};
  const arms: Arm[] = [];
  for (const { version } of opts.current) {
    const weight = share(opts.entered[version]);
    if (weight === null) fields[version] = `v${version}: 1–99, whole numbers`;
    else arms.push({ version, weight });
  }
  if (Object.keys(fields).length) return { ok: false, fields, total: null };
  const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
  if (total !== 100) return { ok: false, fields, total: `The shares add up to ${total} %; they must add up to 100 %.` };
  if (sameArms(arms, opts.current))
    return { ok: false, fields, total: "These are the shares it runs now; change at least one." };
  return { ok: true, arms };
}

/**
 * The version a review of new shares is about (the one it diffs against the base): the arm that
 * gains the most, or, when only the base gains, the largest other arm.
 */
export function reviewedVersion(opts: { current: readonly Arm[]; arms: readonly Arm[]; baseVersion: number }): number {
  const others = opts.arms.filter((arm) => arm.version !== opts.baseVersion);
  const gain = (arm: Arm) => arm.weight - (opts.current.find((c) => c.version === arm.version)?.weight ?? 0);
  const gaining = others.filter((arm) => gain(arm) > 0).sort((a, b) => gain(b) - gain(a))[0];
  return (gaining ?? canaryArm(opts.arms, opts.baseVersion) ?? opts.arms[0]!).version;
}
