import "server-only";

import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export type PasswordUser = { id: string; email: string; name: string };

/**
 * Email-and-password sign-in. The attempt is counted (and possibly refused with a 429) before the
 * password is looked at; unknown emails cost the same time as known ones. `address` is the client's
 * (lib/net/get-client-address.ts).
 */
export async function authorizeWithPassword(opts: {
  email: string;
  password: string;
  address: string;
}): Promise<PasswordUser> {
  const attempt = await throttleSignIn({ email: opts.email, address: opts.address });
  const user = await db.user.findUnique({ where: { email: opts.email }, omit: { passwordHash: false } });
  const ok = user?.passwordHash
    ? await verifyPassword(opts.password, user.passwordHash)
    : await verifyAgainstDummy(opts.password);
  if (!user || !ok) {
    log.info("sign-in failed", { email: opts.email, address: opts.address });
    throw new AppError({ code: "unauthenticated", message: "Wrong email or password." });
  }
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name };
}
