import { describe, expect, it } from "vitest";

import {
  auditActionLabel,
  auditActions,
  auditActionsIn,
  auditCatalogue,
  auditGroupNames,
  isAuditAction,
} from "@/lib/audit/audit-actions";
import { auditQuerySchema } from "@/lib/validations/project";

const duplicates = (values: readonly string[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe("the audit action catalogue", () => {
  it("names each action once, and no two actions the same way", () => {
    expect(duplicates(auditActions)).toEqual([]);
    // Two actions with one label could not be told apart in the log or in its filter.
    expect(duplicates(auditCatalogue.map((entry) => entry.label))).toEqual([]);
  });

  it("gives every action a label people can read and a group the filter offers", () => {
    for (const entry of auditCatalogue) {
      expect(entry.label.trim(), entry.action).not.toBe("");
      expect(entry.label, entry.action).toMatch(/^[A-Z]/);
      expect(entry.label, entry.action).not.toContain(entry.action);
      expect(auditGroupNames, entry.action).toContain(entry.group);
    }
    // No group is offered in the filter with nothing in it.
    expect(auditGroupNames.filter((group) => auditActionsIn(group).length === 0)).toEqual([]);
  });

  it("shows an action it does not know (an old row) as it was stored", () => {
    expect(auditActionLabel("prompt.rename")).toBe("Prompt renamed");
    expect(auditActionLabel("member.retired-action")).toBe("member.retired-action");
    expect(isAuditAction("prompt.rename")).toBe(true);
    expect(isAuditAction("member.retired-action")).toBe(false);
  });

  it("filters the audit log by one catalogue action or one group, and refuses anything else naming what it takes", () => {
    expect(auditQuerySchema.parse({ action: " review.open " }).action).toBe("review.open");
    expect(auditQuerySchema.parse({ action: "members" }).action).toBe("members");
    expect(auditQuerySchema.parse({ action: "" }).action).toBeUndefined();
    expect(auditQuerySchema.parse({}).action).toBeUndefined();
    // A typo, the old prefix filter, a verb-less noun, and an action that is not in the catalogue.
    for (const wrong of ["review.opne", "member.", "review", "member.retired-action"]) {
      const parsed = auditQuerySchema.safeParse({ action: wrong });
      expect(parsed.success, wrong).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({
        path: ["action"],
        message: expect.stringContaining("members, account"),
      });
      expect(parsed.error?.issues[0]?.message).toContain("review.open");
    }
  });
});
