import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { hashPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-rules";
import { db } from "@/lib/db";
import { lockInTransaction } from "@/lib/db/lock-in-transaction";
import { getEnv } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { getUsableInviteOrThrow } from "@/lib/invites/get-usable-invite-or-throw";
import { insertProject } from "@/lib/projects/insert-project";
import type { SignUpInput } from "@/lib/validations/auth";

export type SignUpResult = { userId: string; projectSlug: string | null; firstUser: boolean };

/**
 * The first account becomes instance admin and owner of a default project. After that an account
 * needs an invite for its email (or GALLEY_OPEN_SIGNUP=true, which creates it with no project).
 * Passwords the strength estimator finds very guessable are refused with its reason.
 */
export async function signUp(opts: { input: SignUpInput; requestId: string }): Promise<SignUpResult> {
  const { input } = opts;
  const weakness = await passwordWeakness({
    password: input.password,
    userInputs: [input.email, input.email.split("@")[0]!, input.name],
  });
  if (weakness) throw validationError([{ path: "password", message: weakness }]);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Two people racing for "first account" must not both become admin.
    await lockInTransaction(tx, "sign-up");
    const firstUser = (await tx.user.count()) === 0;
    const invite = input.inviteToken ? await getUsableInviteOrThrow({ tx, token: input.inviteToken }) : null;
    if (invite && invite.email !== input.email) {
      throw new AppError({
        code: "forbidden",
        message: `This invite is for ${invite.email}. Sign up with that address, or ask for an invite for ${input.email}.`,
        details: { issues: [{ path: "email", message: `This invite is for ${invite.email}.` }] },
      });
    }
    if (!firstUser && !invite && !getEnv().GALLEY_OPEN_SIGNUP) {
      throw new AppError({
        code: "forbidden",
        message: "Sign-up is by invitation. Ask an admin of your Galley for an invite link.",
      });
    }
    // Only now: while sign-up is closed, known and unknown emails get the same answer above.
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError({
        code: "conflict",
        message: "An account with this email already exists. Sign in instead.",
        details: {
          issues: [{ path: "email", message: "An account with this email already exists. Sign in instead." }],
        },
      });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, isInstanceAdmin: firstUser },
    });
    const ctx = { actor: { userId: user.id, email: user.email }, requestId: opts.requestId };
    await writeAuditEntry({
      tx,
      ctx,
      projectId: invite?.projectId ?? null,
      action: "user.sign-up",
      target: { type: "user", id: user.id },
      after: {
        email: user.email,
        name: user.name,
        isInstanceAdmin: firstUser,
        via: invite ? "invite" : firstUser ? "first-account" : "open-sign-up",
      },
    });
    if (firstUser) {
      const project = await insertProject({ tx, ctx, name: "Default project", ownerId: user.id });
      return { userId: user.id, projectSlug: project.slug, firstUser };
    }
    if (invite) {
      await tx.membership.create({ data: { projectId: invite.projectId, userId: user.id, role: invite.role } });
      await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
      await writeAuditEntry({
        tx,
        ctx,
        projectId: invite.projectId,
        action: "invite.accept",
        target: { type: "member", id: user.id },
        after: { email: user.email, role: invite.role },
      });
      return { userId: user.id, projectSlug: invite.project.slug, firstUser };
    }
    return { userId: user.id, projectSlug: null, firstUser };
  });
}
