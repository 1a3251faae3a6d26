// The one permission table: which role may do what in a project. Every page, route handler and
// server action asks `can` (through requireProjectPermission), never a role comparison of its own.
// Shared with the browser, which uses it only to hide controls the server would refuse anyway.

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
const editor = [...viewer, "prompt.edit", "playground.run", "review.request", "review.comment", "deployment.unprotected", "dataset.edit", "eval.run"] as const;
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

/** Ranks roles so that "at least ADMIN" style questions (e.g. who may grant which role) have one answer. */
export function roleRank(role: ProjectRole): number {
  return roles.length - roles.indexOf(role);
}
