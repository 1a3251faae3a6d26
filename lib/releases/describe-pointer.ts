// Browser-safe: timelines, the environment diff and messages name what an environment runs alike.
import { describeArms, type Arm } from "@/lib/releases/arms";

/** "v7", or "v6 90 % · v7 10 %" while a split runs, or "no version". */
export function describePointer(pointer: { version: number | null; arms?: readonly Arm[] | null }): string {
  if (pointer.arms?.length) return describeArms(pointer.arms);
  return pointer.version === null ? "no version" : `v${pointer.version}`;
}
