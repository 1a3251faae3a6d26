import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getUsableInviteOrThrow } from "@/lib/invites/get-usable-invite-or-throw";

export type InvitePreview =
  | { ok: true; email: string; role: string; projectName: string; accountExists: boolean }
  | { ok: false; message: string };

/** What the invite page shows before anyone acts on the link. */
export async function getInvitePreview(opts: { token: string }): Promise<InvitePreview> {
  try {
    return await db.$transaction(async (tx) => {
      const invite = await getUsableInviteOrThrow({ tx, token: opts.token });
      const accountExists = Boolean(await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } }));
      return {
        ok: true as const,
        email: invite.email,
        role: invite.role,
        projectName: invite.project.name,
        accountExists,
      };
    });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
