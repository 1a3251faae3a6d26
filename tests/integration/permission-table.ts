import type { Action, ProjectRole } from "@/lib/auth/permissions";

// The matrix as the product defines it, written out independently of lib/auth/permissions so a
// change to the table that nobody meant shows up in the tests that read this.
export const lowestRole: Record<Action, ProjectRole> = {
  "project.view": "VIEWER",
  "prompt.view": "VIEWER",
  "review.view": "VIEWER",
  "environment.view": "VIEWER",
  "dataset.view": "VIEWER",
  "prompt.edit": "EDITOR",
  "playground.run": "EDITOR",
  "review.request": "EDITOR",
  "review.comment": "EDITOR",
  "deployment.unprotected": "EDITOR",
  "dataset.edit": "EDITOR",
  "evaluator.edit": "EDITOR",
  "eval.run": "EDITOR",
  "review.approve": "REVIEWER",
  "review.promote": "REVIEWER",
  "project.rename": "ADMIN",
  "member.manage": "ADMIN",
  "audit.view": "ADMIN",
  "environment.manage": "ADMIN",
  "provider.manage": "ADMIN",
  "apikey.manage": "ADMIN",
  "prompt.delete": "ADMIN",
  "deployment.emergency": "ADMIN",
  "gate.override": "ADMIN",
  "webhook.manage": "ADMIN",
  "member.manage-owners": "OWNER",
  "project.delete": "OWNER",
};
