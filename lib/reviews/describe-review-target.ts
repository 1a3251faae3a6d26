// Browser-safe: the review page, its buttons and the review list name what a review releases alike.
import { describeArms, type Arm } from "@/lib/releases/arms";

/**
 * What promoting a review releases: "v7" for a whole version, "v7 at 10 % (v6 90 %)" for a split
 * (the reviewed version's share first, then the other arms as describeArms writes them).
 */
export function describeReviewTarget(review: { version: number; arms: readonly Arm[] | null }): string {
  const reviewed = review.arms?.find((arm) => arm.version === review.version);
  if (!review.arms || !reviewed) return `v${review.version}`;
  const others = review.arms.filter((arm) => arm !== reviewed);
  return `v${review.version} at ${reviewed.weight} % (${describeArms(others)})`;
}
