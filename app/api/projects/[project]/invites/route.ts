// POST /api/projects/[project]/invites – invite an email with a role; answers the one-time link
import { apiRoute } from "@/lib/http/api-route";
import { publicOrigin } from "@/lib/http/public-origin";
import { createInvite } from "@/lib/invites/create-invite";
import { createInviteSchema } from "@/lib/validations/project";

export const POST = apiRoute(
  { route: "/api/projects/[project]/invites", action: "member.manage", body: createInviteSchema },
  async ({ req, access, body, ctx }) => {
    const invite = await createInvite({
      ctx,
      projectId: access.project.id,
      actorRole: access.member.role,
      createdById: access.actor.id,
      ...body,
    });
    return { ...invite, url: `${publicOrigin(req.headers)}/invite/${invite.token}` };
  },
);
