// Browser-safe. How one step of a release reads in timelines, from the split before and after it
// (whatever kind name the deployment was recorded under).
import type { Arm } from "@/lib/releases/arms";

export type ReleaseStepShape = {
  fromArms: readonly Arm[] | null;
  arms: readonly Arm[] | null;
  fromVersion: number | null;
  toVersion: number;
};

/** The arm that is not the base: the canary of a two-arm split (the largest other arm otherwise). */
export function canaryArm(arms: readonly Arm[], baseVersion: number): Arm | undefined {
  return [...arms].filter((a) => a.version !== baseVersion).sort((a, b) => b.weight - a.weight)[0];
}

/**
 * "Started v7 at 10 %" (with more arms "Started v7 at 10 %, v8 at 5 %"), "Ramped v7 10 % → 50 %", "Promoted v7 to 100 %", "Aborted to v6"; a move
 * that touches no split says "v5 → v6".
 */
export function describeReleaseStep(step: ReleaseStepShape, baseVersion?: number): string {
  const base = baseVersion ?? step.fromVersion ?? step.toVersion;
  if (!step.fromArms && step.arms) {
    const others = step.arms.filter((a) => a.version !== base).sort((a, b) => b.weight - a.weight);
    return others.length
      ? `Started ${others.map((a) => `v${a.version} at ${a.weight} %`).join(", ")}`
      : "Started a split";
  }
  if (step.fromArms && step.arms) {
    const changed = step.arms
      .filter((a) => a.version !== base)
      .map((a) => {
        const before = step.fromArms!.find((b) => b.version === a.version)?.weight ?? 0;
        return before === a.weight ? null : `v${a.version} ${before} % → ${a.weight} %`;
      })
      .filter(Boolean);
    return changed.length ? `Ramped ${changed.join(", ")}` : "Split unchanged";
  }
  if (step.fromArms && !step.arms)
    return step.toVersion === base ? `Aborted to v${step.toVersion}` : `Promoted v${step.toVersion} to 100 %`;
  return `${step.fromVersion ? `v${step.fromVersion}` : "—"} → v${step.toVersion}`;
}
