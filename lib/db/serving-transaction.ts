import { invalidateServing } from "@/lib/cache/serving-cache";
import { db, type Tx } from "@/lib/db";
import { notifyServingChange } from "@/lib/db/notify-serving-change";

/**
 * A transaction that changes what applications are served for a project (deploys, rollbacks,
 * promotions, renames, deletions). Other instances hear of it through NOTIFY, which PostgreSQL
 * delivers at commit; this instance forgets its answers right after commit, before returning.
 */
export async function servingTransaction<T>(projectId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const value = await fn(tx);
    await notifyServingChange({ tx, kind: "prompts", projectId });
    return value;
  });
  invalidateServing({ kind: "prompts", projectId });
  return result;
}
