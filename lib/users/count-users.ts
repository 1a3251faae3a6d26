import { db } from "@/lib/db";

/** Whether anyone has signed up yet (the first account becomes admin). */
export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}
