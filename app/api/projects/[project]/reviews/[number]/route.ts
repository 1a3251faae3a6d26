// GET /api/projects/[project]/reviews/[number] – a review with its diff, decisions, discussion and runs
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { getReviewDetail } from "@/lib/reviews/get-review-detail";

export const GET = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]", action: "review.view" },
  async ({ params, access }) =>
    getReviewDetail({ projectId: access.project.id, number: parseRouteInt({ value: params.number, name: "number" }) }),
);
