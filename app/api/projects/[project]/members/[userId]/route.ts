// PATCH /api/projects/[project]/members/[userId] – change a member's role
// DELETE /api/projects/[project]/members/[userId] – remove a member
import { apiRoute } from "@/lib/http/api-route";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changeMemberRoleSchema } from "@/lib/validations/project";

const route = "/api/projects/[project]/members/[userId]";

export const PATCH = apiRoute(
  { route, action: "member.manage", body: changeMemberRoleSchema },
  async ({ params, access, body, ctx }) =>
    changeMemberRole({
      ctx,
      projectId: access.project.id,
      actorRole: access.member.role,
      userId: params.userId,
      role: body.role,
    }),
);

export const DELETE = apiRoute({ route, action: "member.manage" }, async ({ params, access, ctx }) => {
  await removeMember({ ctx, projectId: access.project.id, actorRole: access.member.role, userId: params.userId });
  return { ok: true };
});
