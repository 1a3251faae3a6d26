import type { Actor } from "@/lib/auth/permissions";
import type { RequestContext } from "@/lib/request-context";

/** Who acts on a review, in which project: what every review action takes. */
export type ReviewActor = {
  ctx: RequestContext;
  project: { id: string; slug: string };
  actor: Actor;
};
