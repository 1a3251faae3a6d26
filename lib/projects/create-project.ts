import { db } from "@/lib/db";
import { insertProject } from "@/lib/projects/insert-project";
import type { RequestContext } from "@/lib/request-context";

/** Any signed-in user may create a project; they become its owner. */
export async function createProject(opts: { ctx: RequestContext; userId: string; name: string }) {
  const project = await db.$transaction((tx) =>
    insertProject({ tx, ctx: opts.ctx, name: opts.name, ownerId: opts.userId }),
  );
  return { id: project.id, slug: project.slug, name: project.name };
}
