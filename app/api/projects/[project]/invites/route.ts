// POST /api/projects/[project]/invites – invite an email with a role; answers the one-time link
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { createInvite } from "@/lib/invites/create-invite";
import { createInviteSchema } from "@/lib/validations/project";
import { publicOrigin } from "@/lib/http/public-origin";

export const POST = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "member.manage" });
  const input = await parseBody(req, createInviteSchema);
  const invite = await createInvite({ ctx, projectId: access.project.id, actorRole: access.role, createdById: access.user.id, ...input });
  return { ...invite, url: `${publicOrigin(req.headers)}/invite/${invite.token}` };
});
