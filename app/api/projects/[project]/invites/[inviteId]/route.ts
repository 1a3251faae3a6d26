// DELETE /api/projects/[project]/invites/[inviteId] – revoke a pending invite
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { revokeInvite } from "@/lib/invites/revoke-invite";

export const DELETE = apiRoute<{ project: string; inviteId: string }>(async ({ params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "member.manage" });
  await revokeInvite({ ctx, projectId: project.id, inviteId: params.inviteId });
  return { ok: true };
});
