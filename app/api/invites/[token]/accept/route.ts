// POST /api/invites/[token]/accept – the signed-in user joins the invite's project
import { apiRoute } from "@/lib/http/api-route";
import { acceptInvite } from "@/lib/invites/accept-invite";

export const POST = apiRoute({ route: "/api/invites/[token]/accept", auth: "user" }, async ({ params, ctx }) =>
  acceptInvite({ ctx, token: params.token }),
);
