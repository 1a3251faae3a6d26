// GET /api/projects/[project]/audit – audit entries, newest first, filtered and keyset-paginated
import { apiRoute } from "@/lib/http/api-route";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditQuerySchema } from "@/lib/validations/project";

export const GET = apiRoute({ route: "/api/projects/[project]/audit", action: "audit.view", query: auditQuerySchema }, async ({ access, query }) => listAuditEntries({ projectId: access.project.id, query }));
