import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { invalidateServing } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { notifyServingChange } from "@/lib/db/notify-serving-change";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";

/** Revokes a key; every instance stops accepting it at once (their key caches are cleared). */
export async function revokeApiKey(opts: { ctx: RequestContext; projectId: string; keyId: string }) {
  const key = await db.apiKey.findFirst({ where: { id: opts.keyId, projectId: opts.projectId } });
  if (!key) throw new AppError({ code: "not_found", message: "No such API key in this project." });
  if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt.toISOString() };
  const revoked = await db.$transaction(async (tx) => {
    const updated = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "apikey.revoke",
      target: { type: "apikey", id: key.id },
      after: { name: key.name, prefix: key.prefix },
    });
    await notifyServingChange({ tx, kind: "keys", projectId: opts.projectId });
    return updated;
  });
  invalidateServing({ kind: "keys", projectId: opts.projectId });
  return { id: revoked.id, revokedAt: revoked.revokedAt!.toISOString() };
}
