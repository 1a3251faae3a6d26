import type { Actor } from "@/lib/auth/permissions";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import type { RequestContext } from "@/lib/request-context";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/** What every review action takes, from a review route's access and the review number in its URL. */
export function reviewActorOf(opts: {
  ctx: RequestContext;
  access: { project: { id: string; slug: string }; actor: Actor };
  number: string;
}): ReviewActor & { number: number } {
  return {
    ctx: opts.ctx,
    project: opts.access.project,
    actor: opts.access.actor,
    number: parseRouteInt({ value: opts.number, name: "number" }),
  };
}
