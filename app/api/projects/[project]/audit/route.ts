// GET /api/projects/[project]/audit – audit entries, newest first, filtered and keyset-paginated
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { apiRoute } from "@/lib/http/api-route";
import { auditQuerySchema } from "@/lib/validations/project";

export const GET = apiRoute(
  { route: "/api/projects/[project]/audit", action: "audit.view", query: auditQuerySchema },
  async ({ access, query }) => listAuditEntries({ projectId: access.project.id, query }),
);
