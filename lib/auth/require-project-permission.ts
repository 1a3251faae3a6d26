import "server-only";

import type { CurrentUser } from "@/lib/auth/get-current-user";
import { can, type Action, type ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type ProjectAccess = {
  user: CurrentUser;
  project: { id: string; slug: string; name: string };
  role: ProjectRole;
};

/**
 * The one permission check. A project the user is not a member of is "not found" (its name does
 * not leak); a member without the action gets "forbidden" naming what they lack.
 */
export async function requireProjectPermission(opts: {
  user: CurrentUser | null;
  projectSlug: string;
  action: Action;
}): Promise<ProjectAccess> {
  if (!opts.user) throw new AppError({ code: "unauthenticated", message: "Sign in to continue." });
  const membership = await db.membership.findFirst({
    where: { userId: opts.user.id, project: { slug: opts.projectSlug } },
    select: { role: true, project: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership)
    throw new AppError({ code: "not_found", message: `No project "${opts.projectSlug}" that you are a member of.` });
  if (!can(membership.role, opts.action)) {
    throw new AppError({
      code: "forbidden",
      message: `Your role (${membership.role.toLowerCase()}) does not allow ${opts.action} in this project. Ask an admin of the project.`,
      details: { action: opts.action, role: membership.role },
    });
  }
  return { user: opts.user, project: membership.project, role: membership.role };
}
