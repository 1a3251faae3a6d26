// POST /api/invites/[token]/accept – the signed-in user joins the invite's project
import { apiRoute, requireUser } from "@/lib/http/api-route";
import { acceptInvite } from "@/lib/invites/accept-invite";

export const POST = apiRoute<{ token: string }>(async ({ params, user, ctx }) => {
  const me = requireUser(user);
  return acceptInvite({ ctx: { ...ctx, actor: { userId: me.id, email: me.email } }, token: params.token });
});
