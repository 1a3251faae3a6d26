// DELETE /api/projects/[project]/invites/[inviteId] – revoke a pending invite
import { apiRoute } from "@/lib/http/api-route";
import { revokeInvite } from "@/lib/invites/revoke-invite";

export const DELETE = apiRoute(
  { route: "/api/projects/[project]/invites/[inviteId]", action: "member.manage" },
  async ({ params, access, ctx }) => {
    await revokeInvite({ ctx, projectId: access.project.id, inviteId: params.inviteId, actorRole: access.member.role });
    return { ok: true };
  },
);
