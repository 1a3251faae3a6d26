import { parseRouteInt } from "@/lib/http/parse-route-int";
import type { Action } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import type { RequestContext } from "@/lib/request-context";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/** The permission check of a review route, and the review number from its URL. */
export async function reviewRouteAccess(opts: { user: CurrentUser | null; ctx: RequestContext; params: { project: string; number: string }; action: Action }): Promise<ReviewActor & { number: number }> {
  const access = await requireProjectPermission({ user: opts.user, projectSlug: opts.params.project, action: opts.action });
  const number = parseRouteInt({ value: opts.params.number, name: "number" });
  return { ctx: opts.ctx, project: access.project, actor: { id: access.user.id, name: access.user.name, role: access.role }, number };
}
