// The one permission table: which role may do what in a project. Every page, route handler and
// server action asks `can` (through requireProjectPermission), never a role comparison of its own.
// Shared with the browser, which uses it only to hide controls the server would refuse anyway.
import type { ApiKeyScope } from "@/lib/validations/api-key";

export const roles = ["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER"] as const;
export type ProjectRole = (typeof roles)[number];

export const roleLabels: Record<ProjectRole, { label: string; description: string }> = {
  OWNER: { label: "Owner", description: "Everything, including deleting the project and managing owners." },
  ADMIN: { label: "Admin", description: "Manages members, providers, API keys and environments." },
  REVIEWER: { label: "Reviewer", description: "Edits prompts, approves reviews and promotes versions." },
  EDITOR: { label: "Editor", description: "Edits prompts, runs the playground and requests reviews." },
  VIEWER: { label: "Viewer", description: "Reads prompts, versions, reviews and history." },
};

const viewer = ["project.view", "prompt.view", "review.view", "environment.view", "dataset.view"] as const;
const editor = [
  ...viewer,
  "prompt.edit",
  "playground.run",
  "review.request",
  "review.comment",
  "deployment.unprotected",
  "dataset.edit",
  "evaluator.edit",
  "eval.run",
] as const;
const reviewer = [...editor, "review.approve", "review.promote"] as const;
const admin = [
  ...reviewer,
  "project.rename",
  "member.manage",
  "audit.view",
  "environment.manage",
  "provider.manage",
  "apikey.manage",
  "prompt.delete",
  "deployment.emergency",
  "gate.override",
  "webhook.manage",
] as const;
const owner = [...admin, "member.manage-owners", "project.delete"] as const;

export type Action = (typeof owner)[number];

export const permissionTable: Record<ProjectRole, ReadonlySet<Action>> = {
  OWNER: new Set(owner),
  ADMIN: new Set(admin),
  REVIEWER: new Set(reviewer),
  EDITOR: new Set(editor),
  VIEWER: new Set(viewer),
};

export const allActions: readonly Action[] = owner;

export function can(role: ProjectRole | null | undefined, action: Action): boolean {
  return role ? permissionTable[role].has(action) : false;
}

/**
 * What an API key's scopes let it do, in the same actions as roles (a key is no member and has no
 * role). The lists do not overlap: a key needs the scope of what it does, as the hot path checks it.
 */
export const scopeActions: Record<ApiKeyScope, readonly Action[]> = {
  "prompts:read": ["prompt.view"],
  "prompts:write": ["prompt.edit", "deployment.unprotected"],
};

/** The scope an API key needs for an action, or null when no key may do it. */
export function scopeFor(action: Action): ApiKeyScope | null {
  for (const scope of Object.keys(scopeActions) as ApiKeyScope[])
    if (scopeActions[scope].includes(action)) return scope;
  return null;
}

/**
 * Who acts in a project: a member, with their role, or an API key, with its scopes. Rules in lib
 * ask `actorCan`, so a key is held to its scopes instead of standing in for some role.
 */
export type Actor =
  { id: string; name: string; role: ProjectRole } | { id: string; name: string; scopes: readonly string[] };

export function actorCan(actor: Actor, action: Action): boolean {
  if ("role" in actor) return can(actor.role, action);
  return Object.entries(scopeActions).some(
    ([scope, actions]) => actor.scopes.includes(scope) && actions.includes(action),
  );
}
