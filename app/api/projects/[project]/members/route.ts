// GET /api/projects/[project]/members – members and pending invites
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listMembers } from "@/lib/members/list-members";

export const GET = apiRoute<{ project: string }>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "member.manage" });
  return listMembers({ projectId: project.id });
});
