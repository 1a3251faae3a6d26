import { can, type ProjectRole } from "@/lib/auth/permissions";

/**
 * The one member-role rule, for someone already allowed to manage members: only owners grant,
 * change or remove the OWNER role; admins manage everyone else. Browser-safe: the members page
 * offers and locks roles with it, and every server path (invite, change role, remove) refuses
 * through assertMayManageRole, which asks it.
 */
export function mayManageRole(opts: { actorRole: ProjectRole; role: ProjectRole }): boolean {
  return opts.role !== "OWNER" || can(opts.actorRole, "member.manage-owners");
}
