// GET /api/projects/[project]/presence – who is on each prompt and review of the project now (live editing)
import { listPresence } from "@/lib/collab/presence/list-presence";
import { apiRoute } from "@/lib/http/api-route";

const route = "/api/projects/[project]/presence";

export const GET = apiRoute({ route, action: "project.view" }, async ({ access }) =>
  listPresence({ projectId: access.project.id }),
);
