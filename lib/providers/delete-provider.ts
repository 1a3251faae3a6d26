import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";

export async function deleteProvider(opts: { ctx: RequestContext; projectId: string; providerId: string }) {
  await db.$transaction(async (tx) => {
    const provider = await tx.provider.findFirst({ where: { id: opts.providerId, projectId: opts.projectId } });
    if (!provider) throw new AppError({ code: "not_found", message: "No such provider in this project." });
    await tx.provider.delete({ where: { id: provider.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "provider.delete",
      target: { type: "provider", id: provider.id },
      before: { name: provider.name, kind: provider.kind },
    });
  });
}
