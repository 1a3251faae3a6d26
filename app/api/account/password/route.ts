// POST /api/account/password – change your password (needs the current one)
import { apiRoute, parseBody, requireUser } from "@/lib/http/api-route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/validations/auth";

export const POST = apiRoute(async ({ req, user, ctx }) => {
  const me = requireUser(user);
  const input = await parseBody(req, changePasswordSchema);
  await changePassword({ ctx, userId: me.id, ...input });
  return { ok: true };
});
