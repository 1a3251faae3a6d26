// POST /api/signup – create an account (first account, invite, or open sign-up)
import { apiRoute } from "@/lib/http/api-route";
import { signUp } from "@/lib/users/sign-up";
import { signUpSchema } from "@/lib/validations/auth";

export const POST = apiRoute({ route: "/api/signup", auth: "public", body: signUpSchema }, async ({ body, ctx }) =>
  signUp({ input: body, requestId: ctx.requestId }),
);
