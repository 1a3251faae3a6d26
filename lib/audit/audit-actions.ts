// The catalogue of audit actions: every action Galley writes, with the name people read in the
// audit log and the group its filter offers. writeAuditEntry takes only these, so a new or
// misspelt action is a compile error until it is added here with its label. Browser-safe (no
// server imports): pages, forms and the query schema read the same list.
import { z } from "zod";

/** The audit log's filter groups, in the order the filter lists them. */
export const auditGroups = {
  project: "Project",
  members: "Members and invites",
  account: "Accounts",
  prompts: "Prompts",
  reviews: "Reviews",
  deployments: "Deployments",
  environments: "Environments",
  keys: "API keys",
  webhooks: "Webhooks",
  providers: "Providers and prices",
  datasets: "Datasets",
  evals: "Eval runs",
  evaluators: "Evaluators",
} as const;

export type AuditGroup = keyof typeof auditGroups;

export const auditGroupNames = Object.keys(auditGroups) as AuditGroup[];

/**
 * A list rather than an object keyed by action so that the unit test can catch a pasted
 * duplicate, and so the filter shows the actions in this order.
 */
export const auditCatalogue = [
  { action: "project.create", label: "Project created", group: "project" },
  { action: "project.rename", label: "Project renamed", group: "project" },

  { action: "member.add", label: "Member added", group: "members" },
  { action: "member.role-change", label: "Member's role changed", group: "members" },
  { action: "member.remove", label: "Member removed", group: "members" },
  { action: "invite.create", label: "Invite created", group: "members" },
  { action: "invite.accept", label: "Invite accepted", group: "members" },
  { action: "invite.revoke", label: "Invite revoked", group: "members" },

  { action: "user.sign-up", label: "Account signed up", group: "account" },
  { action: "user.profile-update", label: "Profile updated", group: "account" },
  { action: "user.password-change", label: "Password changed", group: "account" },
  { action: "user.sign-out-everywhere", label: "Signed out everywhere", group: "account" },

  { action: "prompt.create", label: "Prompt created", group: "prompts" },
  { action: "prompt.version-create", label: "Version saved", group: "prompts" },
  { action: "prompt.update", label: "Prompt details updated", group: "prompts" },
  { action: "prompt.rename", label: "Prompt renamed", group: "prompts" },
  { action: "prompt.archive", label: "Prompt archived", group: "prompts" },
  { action: "prompt.restore", label: "Prompt restored", group: "prompts" },
  { action: "prompt.delete", label: "Prompt deleted", group: "prompts" },
  { action: "prompt.import", label: "Prompt imported", group: "prompts" },

  { action: "review.open", label: "Review opened", group: "reviews" },
  { action: "review.comment", label: "Review commented on", group: "reviews" },
  { action: "review.thread-resolve", label: "Review thread resolved", group: "reviews" },
  { action: "review.thread-unresolve", label: "Review thread reopened", group: "reviews" },
  { action: "review.attach-runs", label: "Runs attached to a review", group: "reviews" },
  { action: "review.push", label: "Review updated to a newer version", group: "reviews" },
  { action: "review.approve", label: "Review approved", group: "reviews" },
  { action: "review.request-changes", label: "Changes requested", group: "reviews" },
  { action: "review.promote", label: "Review promoted", group: "reviews" },
  { action: "review.close", label: "Review closed", group: "reviews" },
  { action: "review.reopen", label: "Review reopened", group: "reviews" },

  { action: "deployment.deploy", label: "Deployed", group: "deployments" },
  { action: "deployment.review", label: "Deployed through a review", group: "deployments" },
  { action: "deployment.rollback", label: "Rolled back", group: "deployments" },
  { action: "deployment.emergency-rollback", label: "Emergency rollback", group: "deployments" },
  { action: "deployment.gate-override", label: "Evaluation gate overridden", group: "deployments" },
  { action: "release.start", label: "Split started", group: "deployments" },
  { action: "release.ramp", label: "Split ramped", group: "deployments" },
  { action: "release.promote", label: "Split promoted to 100 %", group: "deployments" },
  { action: "release.abort", label: "Split aborted", group: "deployments" },

  { action: "environment.create", label: "Environment created", group: "environments" },
  { action: "environment.update", label: "Environment updated", group: "environments" },
  { action: "environment.delete", label: "Environment deleted", group: "environments" },
  { action: "environment.gate-set", label: "Evaluation gate set", group: "environments" },
  { action: "environment.gate-remove", label: "Evaluation gate removed", group: "environments" },

  { action: "apikey.create", label: "API key created", group: "keys" },
  { action: "apikey.revoke", label: "API key revoked", group: "keys" },

  { action: "webhook.create", label: "Webhook created", group: "webhooks" },
  { action: "webhook.update", label: "Webhook updated", group: "webhooks" },
  { action: "webhook.delete", label: "Webhook deleted", group: "webhooks" },
  { action: "webhook.redeliver", label: "Webhook delivery resent", group: "webhooks" },

  { action: "provider.create", label: "Provider added", group: "providers" },
  { action: "provider.update", label: "Provider updated", group: "providers" },
  { action: "provider.delete", label: "Provider deleted", group: "providers" },
  { action: "price.update", label: "Model price changed", group: "providers" },

  { action: "dataset.create", label: "Dataset created", group: "datasets" },
  { action: "dataset.update", label: "Dataset details updated", group: "datasets" },
  { action: "dataset.version-create", label: "Dataset version saved", group: "datasets" },
  { action: "dataset.rows-add", label: "Rows added to a dataset", group: "datasets" },
  { action: "dataset.import", label: "Dataset file imported", group: "datasets" },
  { action: "dataset.archive", label: "Dataset archived", group: "datasets" },
  { action: "dataset.restore", label: "Dataset restored", group: "datasets" },
  { action: "dataset.delete", label: "Dataset deleted", group: "datasets" },

  { action: "eval-run.start", label: "Eval run started", group: "evals" },
  { action: "eval-run.cancel", label: "Eval run cancelled", group: "evals" },

  { action: "evaluator.create", label: "Evaluator created", group: "evaluators" },
  { action: "evaluator.update", label: "Evaluator updated", group: "evaluators" },
  { action: "evaluator.archive", label: "Evaluator archived", group: "evaluators" },
  { action: "evaluator.restore", label: "Evaluator restored", group: "evaluators" },
  { action: "evaluator.delete", label: "Evaluator deleted", group: "evaluators" },
] as const satisfies readonly { action: `${string}.${string}`; label: string; group: AuditGroup }[];

export type AuditAction = (typeof auditCatalogue)[number]["action"];

export const auditActions: readonly AuditAction[] = auditCatalogue.map((entry) => entry.action);

export const auditActionSchema = z.enum(auditActions);

const byAction = new Map<string, (typeof auditCatalogue)[number]>(auditCatalogue.map((entry) => [entry.action, entry]));

/**
 * The name people read for an action. Rows written before an action was renamed or dropped from
 * the catalogue keep their stored string, which is shown as it is rather than hidden.
 */
export function auditActionLabel(action: string): string {
  return byAction.get(action)?.label ?? action;
}

/** Whether a stored action string is one the catalogue names (old rows may hold others). */
export function isAuditAction(action: string): action is AuditAction {
  return byAction.has(action);
}

export function isAuditGroup(value: string): value is AuditGroup {
  return (auditGroupNames as string[]).includes(value);
}

/** The actions of one group, in catalogue order. */
export function auditActionsIn(group: AuditGroup): AuditAction[] {
  return auditCatalogue.filter((entry) => entry.group === group).map((entry) => entry.action);
}
