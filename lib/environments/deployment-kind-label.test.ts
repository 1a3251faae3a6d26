import { describe, expect, it } from "vitest";

import { deploymentKindLabel } from "./deployment-kind-label";

describe("deploymentKindLabel", () => {
  it("words rollbacks by direction", () => {
    expect(deploymentKindLabel({ kind: "emergency-rollback", fromVersion: 3, toVersion: 1 })).toBe(
      "emergency rollback",
    );
    expect(deploymentKindLabel({ kind: "emergency-rollback", fromVersion: 1, toVersion: 3 })).toBe(
      "emergency redeploy",
    );
    expect(deploymentKindLabel({ kind: "rollback", fromVersion: 2, toVersion: 1 })).toBe("rollback");
    expect(deploymentKindLabel({ kind: "rollback", fromVersion: 1, toVersion: 2 })).toBe("redeploy");
  });
  it("names reviews and leaves plain deploys unlabelled", () => {
    expect(deploymentKindLabel({ kind: "review", fromVersion: null, toVersion: 1 })).toBe("via review");
    expect(deploymentKindLabel({ kind: "deploy", fromVersion: 1, toVersion: 2 })).toBe("");
  });
  it("names each step of a release (a split)", () => {
    expect(deploymentKindLabel({ kind: "release-start", fromVersion: 6, toVersion: 6 })).toBe("split started");
    expect(deploymentKindLabel({ kind: "release-ramp", fromVersion: 6, toVersion: 6 })).toBe("split ramped");
    expect(deploymentKindLabel({ kind: "release-promote", fromVersion: 6, toVersion: 7 })).toBe("promoted to 100 %");
    expect(deploymentKindLabel({ kind: "release-abort", fromVersion: 6, toVersion: 6 })).toBe("split aborted");
  });
});
