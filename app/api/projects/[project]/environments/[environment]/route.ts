// GET /api/projects/[project]/environments/[environment]?at=ISO – what the environment runs (ran at `at`)
// …&from=ISO – plus how it changed between `from` and `at`
// PATCH – rename, protect, required approvals, position (ADMIN and up)
// DELETE ?confirm=true – remove (confirmation needed while it serves prompts)
import { diffEnvironment, environmentAt } from "@/lib/environments/environment-at";
import { deleteEnvironment, updateEnvironment } from "@/lib/environments/manage-environments";
import { apiRoute } from "@/lib/http/api-route";
import {
  deleteEnvironmentQuerySchema,
  environmentAtQuerySchema,
  updateEnvironmentSchema,
} from "@/lib/validations/environment";

const route = "/api/projects/[project]/environments/[environment]";

export const GET = apiRoute(
  { route, action: "environment.view", query: environmentAtQuerySchema },
  async ({ params, access, query }) => {
    const at = query.at ? new Date(query.at) : new Date();
    const prompts = await environmentAt({ projectId: access.project.id, environmentSlug: params.environment, at });
    const changes = query.from
      ? await diffEnvironment({
          projectId: access.project.id,
          environmentSlug: params.environment,
          from: new Date(query.from),
          to: at,
        })
      : undefined;
    return { environment: params.environment, at: at.toISOString(), prompts, ...(changes ? { changes } : {}) };
  },
);

export const PATCH = apiRoute(
  { route, action: "environment.manage", body: updateEnvironmentSchema },
  async ({ params, access, body, ctx }) =>
    updateEnvironment({ ctx, projectId: access.project.id, slug: params.environment, changes: body }),
);

export const DELETE = apiRoute(
  { route, action: "environment.manage", query: deleteEnvironmentQuerySchema },
  async ({ params, access, query, ctx }) => {
    await deleteEnvironment({
      ctx,
      projectId: access.project.id,
      slug: params.environment,
      confirm: query.confirm === "true",
    });
    return { ok: true };
  },
);
