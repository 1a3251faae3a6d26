// POST /api/account/sign-out-everywhere – revoke every session of yours (this one too)
import { apiRoute } from "@/lib/http/api-route";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

export const POST = apiRoute({ route: "/api/account/sign-out-everywhere", auth: "user" }, async ({ user, ctx }) => {
  await signOutEverywhere({ ctx, userId: user.id });
  return { ok: true };
});
