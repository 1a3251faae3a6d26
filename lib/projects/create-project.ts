import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { insertProject } from "@/lib/projects/insert-project";

/** Any signed-in user may create a project; they become its owner. */
export async function createProject(opts: { ctx: RequestContext; userId: string; name: string }) {
  const project = await db.$transaction((tx) => insertProject({ tx, ctx: opts.ctx, name: opts.name, ownerId: opts.userId }));
  return { id: project.id, slug: project.slug, name: project.name };
}
