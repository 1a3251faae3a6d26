// Admins add, rename, reorder, protect and remove environments. Every change is audited.
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { AppError } from "@/lib/errors";
import { slugify } from "@/lib/projects/slugify";
import type { RequestContext } from "@/lib/request-context";

const view = (e: { name: string; slug: string; protected: boolean; requiredApprovals: number; position: number }) => ({
  name: e.name,
  slug: e.slug,
  protected: e.protected,
  requiredApprovals: e.requiredApprovals,
  position: e.position,
});

export async function createEnvironment(opts: {
  ctx: RequestContext;
  projectId: string;
  name: string;
  protected: boolean;
  requiredApprovals: number;
}) {
  return db.$transaction(async (tx) => {
    const slug = slugify(opts.name);
    if (await tx.environment.findUnique({ where: { projectId_slug: { projectId: opts.projectId, slug } } })) {
      throw new AppError({
        code: "conflict",
        message: `An environment called ${opts.name} exists.`,
        details: { issues: [{ path: "name", message: "That name is taken in this project." }] },
      });
    }
    const last = await tx.environment.findFirst({
      where: { projectId: opts.projectId },
      orderBy: { position: "desc" },
    });
    const env = await tx.environment.create({
      data: {
        projectId: opts.projectId,
        name: opts.name,
        slug,
        position: (last?.position ?? -1) + 1,
        protected: opts.protected,
        requiredApprovals: opts.requiredApprovals,
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "environment.create",
      target: { type: "environment", id: env.id },
      after: view(env),
    });
    return view(env);
  });
}

/** Renaming keeps the slug (it is what apps ask for); moving swaps places with the neighbour. */
export async function updateEnvironment(opts: {
  ctx: RequestContext;
  projectId: string;
  slug: string;
  changes: { name?: string; protected?: boolean; requiredApprovals?: number; position?: number };
}) {
  return db.$transaction(async (tx) => {
    const env = await tx.environment.findUnique({
      where: { projectId_slug: { projectId: opts.projectId, slug: opts.slug } },
    });
    if (!env) throw new AppError({ code: "not_found", message: `No environment "${opts.slug}" in this project.` });
    const { position, name, protected: isProtected, requiredApprovals } = opts.changes;
    if (position !== undefined && position !== env.position) {
      const other = await tx.environment.findFirst({ where: { projectId: opts.projectId, position } });
      if (other) await tx.environment.update({ where: { id: other.id }, data: { position: env.position } });
    }
    // Only the fields the request names: an absent one keeps its value (protection above all).
    const data = {
      ...(name !== undefined ? { name } : {}),
      ...(isProtected !== undefined ? { protected: isProtected } : {}),
      ...(requiredApprovals !== undefined ? { requiredApprovals } : {}),
      ...(position !== undefined ? { position } : {}),
    };
    const after = await tx.environment.update({ where: { id: env.id }, data });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "environment.update",
      target: { type: "environment", id: env.id },
      before: view(env),
      after: view(after),
    });
    return view(after);
  });
}

/** Removing an environment that still serves prompts needs `confirm: true`; its deployment history stays. */
export async function deleteEnvironment(opts: {
  ctx: RequestContext;
  projectId: string;
  slug: string;
  confirm: boolean;
}) {
  return servingTransaction(opts.projectId, async (tx) => {
    const env = await tx.environment.findUnique({
      where: { projectId_slug: { projectId: opts.projectId, slug: opts.slug } },
      include: { _count: { select: { pointers: true } } },
    });
    if (!env) throw new AppError({ code: "not_found", message: `No environment "${opts.slug}" in this project.` });
    if (env._count.pointers > 0 && !opts.confirm) {
      throw new AppError({
        code: "conflict",
        message: `${env.name} still serves ${env._count.pointers} prompt(s); apps reading it will get 404. Confirm to remove it anyway.`,
        details: { serving: env._count.pointers },
      });
    }
    await tx.environment.delete({ where: { id: env.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "environment.delete",
      target: { type: "environment", id: env.id },
      before: { ...view(env), serving: env._count.pointers },
    });
  });
}
