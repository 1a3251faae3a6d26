import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redact } from "@/lib/log";
import type { RequestContext } from "@/lib/request-context";

export type AuditEntryInput = {
  /** The transaction of the change itself, so the entry exists exactly when the change does. */
  tx: Tx;
  ctx: RequestContext;
  projectId: string | null;
  /** One of the catalogue's actions (lib/audit/audit-actions.ts), which also holds its label. */
  action: AuditAction;
  target: { type: string; id: string | null };
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined ? undefined : (redact(value) as Prisma.InputJsonValue));

export async function writeAuditEntry(input: AuditEntryInput): Promise<void> {
  await input.tx.auditEntry.create({
    data: {
      projectId: input.projectId,
      actorId: input.ctx.actor?.userId ?? null,
      actorEmail: input.ctx.actor?.email ?? null,
      action: input.action,
      targetType: input.target.type,
      targetId: input.target.id,
      before: json(input.before),
      after: json(input.after),
      requestId: input.ctx.requestId,
    },
  });
}
