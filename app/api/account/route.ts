// PATCH /api/account – change your name or email notifications
import { apiRoute, parseBody, requireUser } from "@/lib/http/api-route";
import { updateProfile } from "@/lib/users/update-profile";
import { updateProfileSchema } from "@/lib/validations/auth";

export const PATCH = apiRoute(async ({ req, user, ctx }) => {
  const me = requireUser(user);
  const body = await parseBody(req, updateProfileSchema);
  return updateProfile({ ctx, userId: me.id, ...body });
});
