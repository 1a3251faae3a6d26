import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { getAuthOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db";

export type CurrentUser = { id: string; email: string; name: string; isInstanceAdmin: boolean };

/**
 * The signed-in user, read fresh from the database (so a removed account, or a session revoked by a
 * password change or "sign out everywhere" on any instance, is signed out at once), or null.
 * Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, isInstanceAdmin: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  const { sessionVersion: _version, ...current } = user;
  return current;
});
