// POST /api/signup – create an account (first account, invite, or open sign-up)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { signUp } from "@/lib/users/sign-up";
import { signUpSchema } from "@/lib/validations/auth";

export const POST = apiRoute(async ({ req, ctx }) => {
  const input = await parseBody(req, signUpSchema);
  return signUp({ input, requestId: ctx.requestId });
});
