import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The environments an API call (a save with `deploy`, a Langfuse label move) deploys to, each
 * checked before anything is written: an unknown slug is 404, a protected environment 403 (versions
 * get there through reviews in the studio). In the order of `slugs`, duplicates once.
 */
export async function checkDeployTargets(opts: { projectId: string; slugs: string[] }) {
  const slugs = [...new Set(opts.slugs)];
  if (!slugs.length) return [];
  const found = await db.environment.findMany({ where: { projectId: opts.projectId, slug: { in: slugs } } });
  return slugs.map((slug) => {
    const env = found.find((e) => e.slug === slug);
    if (!env) throw new AppError({ code: "not_found", message: `No environment "${slug}" in this project.` });
    if (env.protected)
      throw new AppError({
        code: "forbidden",
        message: `${env.name} is protected: a version gets there through an approved review in the studio, not through the API. Deploy to an unprotected environment, then request a review.`,
      });
    return env;
  });
}
