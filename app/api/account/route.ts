// PATCH /api/account – change your name
import { apiRoute, parseBody, requireUser } from "@/lib/http/api-route";
import { updateProfile } from "@/lib/users/update-profile";
import { updateProfileSchema } from "@/lib/validations/auth";

export const PATCH = apiRoute(async ({ req, user, ctx }) => {
  const me = requireUser(user);
  const { name } = await parseBody(req, updateProfileSchema);
  return updateProfile({ ctx, userId: me.id, name });
});
