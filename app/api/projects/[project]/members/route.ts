// GET /api/projects/[project]/members – members and pending invites
import { apiRoute } from "@/lib/http/api-route";
import { listMembers } from "@/lib/members/list-members";

export const GET = apiRoute({ route: "/api/projects/[project]/members", action: "member.manage" }, async ({ access }) =>
  listMembers({ projectId: access.project.id }),
);
