// Per-project model prices over the built-in table; cost stays "unknown" for models priced nowhere.
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { defaultPrices } from "@/lib/providers/prices";
import type { RequestContext } from "@/lib/request-context";

export type PriceRow = { model: string; input: number; output: number; custom: boolean };

/** Built-in prices with the project's overrides and additions, by model name. */
export async function listModelPrices(opts: { projectId: string }): Promise<PriceRow[]> {
  const custom = await db.modelPrice.findMany({ where: { projectId: opts.projectId } });
  const rows = new Map<string, PriceRow>(
    Object.entries(defaultPrices).map(([model, p]) => [model, { model, ...p, custom: false }]),
  );
  for (const c of custom)
    rows.set(c.model, { model: c.model, input: c.inputPerMillion, output: c.outputPerMillion, custom: true });
  return [...rows.values()].sort((a, b) => a.model.localeCompare(b.model));
}

export async function priceTableFor(opts: {
  projectId: string;
}): Promise<Record<string, { input: number; output: number }>> {
  return Object.fromEntries((await listModelPrices(opts)).map((r) => [r.model, { input: r.input, output: r.output }]));
}

/** Sets a model's price for the project (or, with `reset`, goes back to the built-in price or none). */
export async function setModelPrice(opts: {
  ctx: RequestContext;
  projectId: string;
  model: string;
  input?: number;
  output?: number;
  reset?: boolean;
}) {
  await db.$transaction(async (tx) => {
    const before = await tx.modelPrice.findUnique({
      where: { projectId_model: { projectId: opts.projectId, model: opts.model } },
    });
    if (opts.reset) await tx.modelPrice.deleteMany({ where: { projectId: opts.projectId, model: opts.model } });
    else
      await tx.modelPrice.upsert({
        where: { projectId_model: { projectId: opts.projectId, model: opts.model } },
        create: {
          projectId: opts.projectId,
          model: opts.model,
          inputPerMillion: opts.input!,
          outputPerMillion: opts.output!,
        },
        update: { inputPerMillion: opts.input!, outputPerMillion: opts.output! },
      });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "price.update",
      target: { type: "model", id: opts.model },
      before: before ? { input: before.inputPerMillion, output: before.outputPerMillion } : undefined,
      after: opts.reset ? undefined : { input: opts.input, output: opts.output },
    });
  });
}
