import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashInviteToken } from "@/lib/invites/hash-invite-token";

/** The invite behind a link, if it can still be used; otherwise an error that says why not. */
export async function getUsableInviteOrThrow(opts: { tx: Tx; token: string }) {
  const invite = await opts.tx.invite.findUnique({
    where: { tokenHash: hashInviteToken(opts.token) },
    include: { project: { select: { id: true, name: true, slug: true } } },
  });
  if (!invite || invite.revokedAt) {
    throw new AppError({
      code: "not_found",
      message: "This invite link is not valid. Ask an admin of the project for a new one.",
    });
  }
  if (invite.acceptedAt) {
    throw new AppError({
      code: "gone",
      message: "This invite link has already been used. Sign in, or ask an admin for a new link.",
    });
  }
  if (invite.expiresAt.getTime() < Date.now()) {
    throw new AppError({
      code: "gone",
      message: "This invite link has expired. Ask an admin of the project for a new one.",
    });
  }
  return invite;
}
