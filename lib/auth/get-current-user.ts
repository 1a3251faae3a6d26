import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { getAuthOptions } from "@/lib/auth/auth-options";

export type CurrentUser = { id: string; email: string; name: string; isInstanceAdmin: boolean };

/**
 * The signed-in user, read fresh from the database (so a removed account is signed out at once),
 * or null. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  return db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, isInstanceAdmin: true },
  });
});
