import { describe, expect, it } from "vitest";

import { canaryArm, describeReleaseStep } from "@/lib/releases/describe-release-step";

const split = (base: number, canary: number, weight: number) => [
  { version: base, weight: 100 - weight },
  { version: canary, weight },
];

describe("describeReleaseStep", () => {
  it("names each kind of step by the splits before and after it", () => {
    expect(describeReleaseStep({ fromArms: null, arms: split(6, 7, 10), fromVersion: 6, toVersion: 6 }, 6)).toBe(
      "Started v7 at 10 %",
    );
    expect(
      describeReleaseStep({ fromArms: split(6, 7, 10), arms: split(6, 7, 50), fromVersion: 6, toVersion: 6 }, 6),
    ).toBe("Ramped v7 10 % → 50 %");
    expect(describeReleaseStep({ fromArms: split(6, 7, 50), arms: null, fromVersion: 6, toVersion: 7 }, 6)).toBe(
      "Promoted v7 to 100 %",
    );
    expect(describeReleaseStep({ fromArms: split(6, 7, 50), arms: null, fromVersion: 6, toVersion: 6 }, 6)).toBe(
      "Aborted to v6",
    );
    const three = [
      { version: 6, weight: 85 },
      { version: 8, weight: 5 },
      { version: 7, weight: 10 },
    ];
    expect(describeReleaseStep({ fromArms: null, arms: three, fromVersion: 6, toVersion: 6 }, 6)).toBe(
      "Started v7 at 10 %, v8 at 5 %",
    );
    expect(describeReleaseStep({ fromArms: null, arms: null, fromVersion: 5, toVersion: 6 })).toBe("v5 → v6");
    expect(describeReleaseStep({ fromArms: null, arms: null, fromVersion: null, toVersion: 1 })).toBe("— → v1");
  });

  it("finds the canary whatever order the arms are listed in", () => {
    expect(
      canaryArm(
        [
          { version: 7, weight: 10 },
          { version: 6, weight: 90 },
        ],
        6,
      ),
    ).toEqual({ version: 7, weight: 10 });
    expect(
      canaryArm(
        [
          { version: 6, weight: 50 },
          { version: 7, weight: 20 },
          { version: 8, weight: 30 },
        ],
        6,
      ),
    ).toEqual({ version: 8, weight: 30 });
  });
});
