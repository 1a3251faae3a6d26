import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";

/** Renames a project. The slug (and so every URL and API path) stays the same. */
export async function renameProject(opts: { ctx: RequestContext; projectId: string; name: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: opts.projectId } });
    const project = await tx.project.update({ where: { id: opts.projectId }, data: { name: opts.name } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: "project.rename",
      target: { type: "project", id: project.id },
      before: { name: before.name },
      after: { name: project.name },
    });
    return { id: project.id, slug: project.slug, name: project.name };
  });
}
