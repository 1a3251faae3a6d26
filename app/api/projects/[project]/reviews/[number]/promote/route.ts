// POST /api/projects/[project]/reviews/[number]/promote – deploy the approved version to the review's environment
import { promoteReview } from "@/lib/deployments/promote-review";
import { apiRoute } from "@/lib/http/api-route";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/promote", action: "review.request" },
  async ({ params, access, ctx }) => promoteReview(reviewActorOf({ ctx, access, number: params.number })),
);
