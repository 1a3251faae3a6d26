// PATCH /api/account – change your name or email notifications
import { apiRoute } from "@/lib/http/api-route";
import { updateProfile } from "@/lib/users/update-profile";
import { updateProfileSchema } from "@/lib/validations/auth";

export const PATCH = apiRoute(
  { route: "/api/account", auth: "user", body: updateProfileSchema },
  async ({ user, body, ctx }) => updateProfile({ ctx, userId: user.id, ...body }),
);
