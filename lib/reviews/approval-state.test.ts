import { describe, expect, it } from "vitest";

import { approvalState, type Decision } from "@/lib/reviews/approval-state";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));
const d = (actorId: string, kind: string, version: number, baseVersion: number | null, minute: number): Decision => ({
  actorId,
  actorName: actorId,
  kind,
  version,
  baseVersion,
  createdAt: at(minute),
});
const state = (events: Decision[], extra: Partial<Parameters<typeof approvalState>[0]> = {}) =>
  approvalState({
    events,
    version: 2,
    currentBase: 1,
    required: 1,
    excluded: new Set(["author"]),
    mayApprove: (id) => id !== "editor",
    ...extra,
  });

describe("approvalState", () => {
  it("is open with no decisions and approved once enough reviewers approve this version against this base", () => {
    expect(state([]).status).toBe("OPEN");
    expect(state([d("rev", "approved", 2, 1, 1)]).status).toBe("APPROVED");
    expect(state([d("rev", "approved", 2, 1, 1)], { required: 2 }).status).toBe("OPEN");
    expect(state([d("rev", "approved", 2, 1, 1), d("rev2", "approved", 2, 1, 2)], { required: 2 }).status).toBe(
      "APPROVED",
    );
  });

  it("ignores the author's own approval and approvals from people who may not approve", () => {
    const s = state([d("author", "approved", 2, 1, 1), d("editor", "approved", 2, 1, 2)]);
    expect(s.status).toBe("OPEN");
    expect(s.approvals).toEqual([]);
  });

  it("marks approvals stale after a new version or a base change", () => {
    const newVersion = state([d("rev", "approved", 1, 1, 1)]);
    expect(newVersion.status).toBe("OPEN");
    expect(newVersion.stale.map((x) => x.actorId)).toEqual(["rev"]);
    const newBase = state([d("rev", "approved", 2, 1, 1)], { currentBase: 3 });
    expect(newBase.status).toBe("OPEN");
    expect(newBase.stale).toHaveLength(1);
  });

  it("lets a person's latest decision win, and keeps a request for changes until a new version comes", () => {
    expect(state([d("rev", "approved", 2, 1, 1), d("rev", "changes-requested", 2, 1, 2)]).status).toBe(
      "CHANGES_REQUESTED",
    );
    expect(state([d("rev", "changes-requested", 2, 1, 1), d("rev", "approved", 2, 1, 2)]).status).toBe("APPROVED");
    expect(state([d("rev", "changes-requested", 1, 1, 1)]).status).toBe("OPEN");
    // One reviewer approving does not clear another's request for changes.
    expect(state([d("rev", "changes-requested", 2, 1, 1), d("rev2", "approved", 2, 1, 2)]).status).toBe(
      "CHANGES_REQUESTED",
    );
  });

  it("orders decisions by time whatever order they arrive in", () => {
    expect(state([d("rev", "approved", 2, 1, 5), d("rev", "changes-requested", 2, 1, 1)]).status).toBe("APPROVED");
  });

  describe("with a split (release)", () => {
    const canary = [
      { version: 1, weight: 90 },
      { version: 2, weight: 10 },
    ];
    const half = [
      { version: 1, weight: 50 },
      { version: 2, weight: 50 },
    ];
    const onSplit = (arms: typeof canary | null, baseArms: typeof canary | null, minute = 1): Decision => ({
      ...d("rev", "approved", 2, 1, minute),
      arms,
      baseArms,
    });

    it("counts an approval of the split asked for, in any order of its arms", () => {
      expect(state([onSplit(canary, null)], { arms: canary }).status).toBe("APPROVED");
      expect(state([onSplit([...canary].reverse(), null)], { arms: canary }).status).toBe("APPROVED");
    });

    it("does not count an approval of other weights, or of the whole version, for a split (nor the reverse)", () => {
      const other = state([onSplit(half, null)], { arms: canary });
      expect(other.status).toBe("OPEN");
      expect(other.stale).toHaveLength(1);
      expect(state([d("rev", "approved", 2, 1, 1)], { arms: canary }).status).toBe("OPEN");
      expect(state([onSplit(canary, null)], { arms: null }).status).toBe("OPEN");
    });

    it("marks an approval stale once the environment's split changed (a ramp), started or ended", () => {
      // A ramp review (10 % → 50 %) approved while the environment ran the canary.
      const ramp = onSplit(half, canary);
      expect(state([ramp], { arms: half, currentBaseArms: canary }).status).toBe("APPROVED");
      const ramped = state([ramp], { arms: half, currentBaseArms: [...half] });
      expect(ramped.status).toBe("OPEN");
      expect(ramped.stale).toHaveLength(1);
      // Approved against a whole version, then a split started there: stale; and the reverse.
      expect(state([onSplit(canary, null)], { arms: canary, currentBaseArms: canary }).status).toBe("OPEN");
      expect(state([ramp], { arms: half, currentBaseArms: null }).status).toBe("OPEN");
    });

    it("keeps a request for changes on the version whatever the split", () => {
      const asked = { ...d("rev", "changes-requested", 2, 1, 1), arms: canary, baseArms: null };
      expect(state([asked], { arms: half }).status).toBe("CHANGES_REQUESTED");
    });
  });
});
