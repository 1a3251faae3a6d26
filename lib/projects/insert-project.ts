import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { Tx } from "@/lib/db";
import { createDefaultEnvironments } from "@/lib/projects/create-default-environments";
import { slugify } from "@/lib/projects/slugify";
import type { RequestContext } from "@/lib/request-context";

/** Creates a project with its owner inside the caller's transaction; the slug gets a suffix if taken. */
export async function insertProject(opts: { tx: Tx; ctx: RequestContext; name: string; ownerId: string }) {
  const base = slugify(opts.name);
  const taken = new Set(
    (await opts.tx.project.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (p) => p.slug,
    ),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const project = await opts.tx.project.create({
    data: { name: opts.name, slug, memberships: { create: { userId: opts.ownerId, role: "OWNER" } } },
  });
  await createDefaultEnvironments({ tx: opts.tx, projectId: project.id });
  await writeAuditEntry({
    tx: opts.tx,
    ctx: opts.ctx,
    projectId: project.id,
    action: "project.create",
    target: { type: "project", id: project.id },
    after: { name: project.name, slug: project.slug },
  });
  return project;
}
