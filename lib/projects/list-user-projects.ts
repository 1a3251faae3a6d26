import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type UserProject = { id: string; slug: string; name: string; role: ProjectRole };

/** The projects a user belongs to, by name (for the project switcher). */
export async function listUserProjects(opts: { userId: string }): Promise<UserProject[]> {
  const memberships = await db.membership.findMany({
    where: { userId: opts.userId },
    select: { role: true, project: { select: { id: true, slug: true, name: true } } },
    orderBy: { project: { name: "asc" } },
    take: 500,
  });
  return memberships.map((m) => ({ ...m.project, role: m.role }));
}
