import { describe, expect, it } from "vitest";

import { allActions, can, permissionTable, roles } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("gives each role everything the role below it has", () => {
    for (let i = 0; i + 1 < roles.length; i++) {
      const higher = permissionTable[roles[i]!];
      for (const action of permissionTable[roles[i + 1]!])
        expect(higher.has(action), `${roles[i]} lacks ${action}`).toBe(true);
    }
  });

  it("keeps member management and the audit log away from editors and viewers", () => {
    for (const role of ["EDITOR", "VIEWER", "REVIEWER"] as const) {
      expect(can(role, "member.manage")).toBe(false);
      expect(can(role, "audit.view")).toBe(false);
    }
    expect(can("ADMIN", "member.manage")).toBe(true);
  });

  it("lets only owners manage owners", () => {
    expect(roles.filter((r) => can(r, "member.manage-owners"))).toEqual(["OWNER"]);
  });

  it("refuses everything to no role", () => {
    for (const action of allActions) expect(can(null, action)).toBe(false);
  });
});
