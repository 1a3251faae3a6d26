import type { ProjectRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { mayManageRole } from "@/lib/members/may-manage-role";

/**
 * Refuses a member change that touches a role the actor may not manage: `roles` are every role the
 * change involves (the role granted by an invite; a member's old and new role; a removed member's role).
 */
export function assertMayManageRole(opts: { actorRole: ProjectRole; roles: ProjectRole[] }): void {
  if (opts.roles.some((role) => !mayManageRole({ actorRole: opts.actorRole, role }))) {
    throw new AppError({ code: "forbidden", message: "Only an owner can grant, change or remove the owner role." });
  }
}
