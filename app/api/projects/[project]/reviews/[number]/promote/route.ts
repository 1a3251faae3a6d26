// POST /api/projects/[project]/reviews/[number]/promote – deploy the approved version to the review's environment
// ({ gateOverrideReason? }: admins may promote past an evaluation gate that has not passed, saying why)
import { promoteReview } from "@/lib/deployments/promote-review";
import { apiRoute } from "@/lib/http/api-route";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { promoteReviewSchema } from "@/lib/validations/review";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/promote", action: "review.request", body: promoteReviewSchema },
  async ({ params, access, body, ctx }) =>
    promoteReview({
      ...reviewActorOf({ ctx, access, number: params.number }),
      gateOverrideReason: body.gateOverrideReason,
    }),
);
