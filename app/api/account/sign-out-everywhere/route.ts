// POST /api/account/sign-out-everywhere – revoke every session of yours (this one too)
import { apiRoute, requireUser } from "@/lib/http/api-route";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

export const POST = apiRoute(async ({ user, ctx }) => {
  const me = requireUser(user);
  await signOutEverywhere({ ctx, userId: me.id });
  return { ok: true };
});
