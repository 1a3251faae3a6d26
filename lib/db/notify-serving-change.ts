import type { Tx } from "@/lib/db";

/** The channel every instance LISTENs on (PostgreSQL only). */
export const SERVING_CHANNEL = "galley_serving";

export type ServingChange = { kind: "prompts" | "keys"; projectId: string };

/**
 * Tells every instance, once this transaction commits, that what it serves for a project changed
 * (PostgreSQL delivers NOTIFY at commit, and not at all on rollback). The instance making the change
 * also clears its own cache at once, after commit: see invalidateServing.
 */
export async function notifyServingChange(opts: { tx: Tx } & ServingChange): Promise<void> {
  await opts.tx
    .$executeRaw`SELECT pg_notify(${SERVING_CHANNEL}, ${JSON.stringify({ kind: opts.kind, projectId: opts.projectId })})`;
}
