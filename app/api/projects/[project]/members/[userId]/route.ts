// PATCH /api/projects/[project]/members/[userId] – change a member's role
// DELETE /api/projects/[project]/members/[userId] – remove a member
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changeMemberRoleSchema } from "@/lib/validations/project";

type Params = { project: string; userId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "member.manage" });
  const { role } = await parseBody(req, changeMemberRoleSchema);
  return changeMemberRole({ ctx, projectId: access.project.id, actorRole: access.role, userId: params.userId, role });
});

export const DELETE = apiRoute<Params>(async ({ params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "member.manage" });
  await removeMember({ ctx, projectId: access.project.id, actorRole: access.role, userId: params.userId });
  return { ok: true };
});
