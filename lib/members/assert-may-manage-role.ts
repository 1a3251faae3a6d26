import { AppError } from "@/lib/errors";
import { can, type ProjectRole } from "@/lib/auth/permissions";

/** Only owners grant, change or remove the OWNER role; admins manage everyone else. */
export function assertMayManageRole(opts: { actorRole: ProjectRole; roles: ProjectRole[] }): void {
  if (opts.roles.includes("OWNER") && !can(opts.actorRole, "member.manage-owners")) {
    throw new AppError({ code: "forbidden", message: "Only an owner can grant, change or remove the owner role." });
  }
}
