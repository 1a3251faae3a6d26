// GET /api/projects/[project]/environments/[environment]/gate – the environment's evaluation gate (null: none);
// ?promptId=…&version=… – plus how that version stands against it (none, not-run, running, passed, failed)
// PUT – set or replace the gate ({ datasetId, evaluatorIds, minPassRate, maxRegression }; ADMIN and up)
// DELETE – remove it (ADMIN and up)
import { checkGate } from "@/lib/gates/check-gate";
import { getGate } from "@/lib/gates/get-gate";
import { removeGate } from "@/lib/gates/remove-gate";
import { setGate } from "@/lib/gates/set-gate";
import { apiRoute } from "@/lib/http/api-route";
import { gateQuerySchema, setGateSchema } from "@/lib/validations/gate";

const route = "/api/projects/[project]/environments/[environment]/gate";

export const GET = apiRoute(
  { route, action: "environment.view", query: gateQuerySchema },
  async ({ params, access, query }) => {
    const { environment, gate } = await getGate({ projectId: access.project.id, environmentSlug: params.environment });
    if (query.promptId === undefined || query.version === undefined) return { gate };
    const check = await checkGate({
      projectId: access.project.id,
      environmentId: environment.id,
      promptId: query.promptId,
      version: query.version,
    });
    return { gate, check };
  },
);

export const PUT = apiRoute(
  { route, action: "environment.manage", body: setGateSchema },
  async ({ params, access, body, ctx }) => ({
    gate: await setGate({ ctx, projectId: access.project.id, environmentSlug: params.environment, input: body }),
  }),
);

export const DELETE = apiRoute({ route, action: "environment.manage" }, async ({ params, access, ctx }) =>
  removeGate({ ctx, projectId: access.project.id, environmentSlug: params.environment }),
);
