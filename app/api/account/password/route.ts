// POST /api/account/password – change your password (needs the current one); signs out your other sessions
import { NextResponse } from "next/server";

import { reissueSessionCookie } from "@/lib/auth/reissue-session-cookie";
import { apiRoute } from "@/lib/http/api-route";
import { getClientAddress } from "@/lib/net/get-client-address";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/validations/auth";

export const POST = apiRoute(
  { route: "/api/account/password", auth: "user", body: changePasswordSchema },
  async ({ req, user, body, ctx }) => {
    const { sessionVersion } = await changePassword({
      ctx,
      userId: user.id,
      ...body,
      address: getClientAddress(req.headers),
    });
    const response = NextResponse.json({ ok: true });
    const cookie = await reissueSessionCookie({ cookies: req.cookies.getAll(), sessionVersion });
    if (cookie) response.cookies.set(cookie.name, cookie.value, cookie.options);
    return response;
  },
);
