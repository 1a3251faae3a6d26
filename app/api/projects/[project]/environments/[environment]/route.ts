// GET /api/projects/[project]/environments/[environment]?at=ISO – what the environment runs (ran at `at`)
// …&from=ISO – plus how it changed between `from` and `at`
// PATCH – rename, protect, required approvals, position (ADMIN and up)
// DELETE ?confirm=true – remove (confirmation needed while it serves prompts)
import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { diffEnvironment, environmentAt } from "@/lib/environments/environment-at";
import { deleteEnvironment, updateEnvironment } from "@/lib/environments/manage-environments";
import { updateEnvironmentSchema } from "@/lib/validations/environment";
import { parseBody } from "@/lib/http/api-route";

const when = z.iso.datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-11-24T09:00:00Z." }).optional();

export const GET = apiRoute<{ project: string; environment: string }>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "environment.view" });
  const query = parseQuery(req, z.object({ at: when, from: when }));
  const at = query.at ? new Date(query.at) : new Date();
  const prompts = await environmentAt({ projectId: project.id, environmentSlug: params.environment, at });
  const changes = query.from ? await diffEnvironment({ projectId: project.id, environmentSlug: params.environment, from: new Date(query.from), to: at }) : undefined;
  return { environment: params.environment, at: at.toISOString(), prompts, ...(changes ? { changes } : {}) };
});

export const PATCH = apiRoute<{ project: string; environment: string }>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "environment.manage" });
  const changes = await parseBody(req, updateEnvironmentSchema);
  return updateEnvironment({ ctx, projectId: project.id, slug: params.environment, changes });
});

export const DELETE = apiRoute<{ project: string; environment: string }>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "environment.manage" });
  await deleteEnvironment({ ctx, projectId: project.id, slug: params.environment, confirm: req.nextUrl.searchParams.get("confirm") === "true" });
  return { ok: true };
});
