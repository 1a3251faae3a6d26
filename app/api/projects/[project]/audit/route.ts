// GET /api/projects/[project]/audit – audit entries, newest first, filtered and keyset-paginated
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditQuerySchema } from "@/lib/validations/project";

export const GET = apiRoute<{ project: string }>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "audit.view" });
  return listAuditEntries({ projectId: project.id, query: parseQuery(req, auditQuerySchema) });
});
