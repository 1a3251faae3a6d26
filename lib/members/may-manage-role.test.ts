import { describe, expect, it } from "vitest";

import { roles } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertMayManageRole } from "@/lib/members/assert-may-manage-role";
import { mayManageRole } from "@/lib/members/may-manage-role";

describe("the member-role rule", () => {
  it("lets owners manage every role and admins every role but the owner's", () => {
    const managed = (actorRole: (typeof roles)[number]) => roles.filter((role) => mayManageRole({ actorRole, role }));
    expect(managed("OWNER")).toEqual(["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER"]);
    expect(managed("ADMIN")).toEqual(["ADMIN", "REVIEWER", "EDITOR", "VIEWER"]);
  });

  it("refuses a change when any role it touches is the owner's and the actor is no owner", () => {
    // Demoting an owner touches OWNER as the old role, promoting to owner as the new one.
    for (const touched of [["OWNER"], ["OWNER", "EDITOR"], ["EDITOR", "OWNER"]] as const) {
      expect(() => assertMayManageRole({ actorRole: "ADMIN", roles: [...touched] }), touched.join("→")).toThrow(
        AppError,
      );
      expect(() => assertMayManageRole({ actorRole: "OWNER", roles: [...touched] })).not.toThrow();
    }
    expect(() => assertMayManageRole({ actorRole: "ADMIN", roles: ["EDITOR", "ADMIN"] })).not.toThrow();
    const refusal = (() => {
      try {
        assertMayManageRole({ actorRole: "ADMIN", roles: ["OWNER"] });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: "forbidden", status: 403 });
  });
});
