// Browser-safe. Rollbacks are stored by how they were made (a rollback button), but one to a
// version newer than what ran (after an earlier rollback) moves forward: calling it a rollback
// would mislead whoever is on call, so the label follows the direction.

const releaseLabels: Record<string, string> = {
  "release-start": "split started",
  "release-ramp": "split ramped",
  "release-promote": "promoted to 100 %",
  "release-abort": "split aborted",
};

/**
 * How a deployment reads in timelines: "via review", "rollback", "emergency redeploy", "split
 * started", "split ramped", "promoted to 100 %", "split aborted" ("" for a plain deploy). A release
 * step taken through a review keeps its step's name; the timeline shows the review beside it.
 */
export function deploymentKindLabel(d: { kind: string; fromVersion: number | null; toVersion: number }): string {
  if (d.kind === "deploy") return "";
  if (d.kind === "review") return "via review";
  if (releaseLabels[d.kind]) return releaseLabels[d.kind]!;
  const forward = d.fromVersion !== null && d.toVersion > d.fromVersion;
  if (d.kind === "emergency-rollback") return forward ? "emergency redeploy" : "emergency rollback";
  if (d.kind === "rollback") return forward ? "redeploy" : "rollback";
  return d.kind;
}
