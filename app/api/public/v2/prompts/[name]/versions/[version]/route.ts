// PATCH /api/public/v2/prompts/{name}/versions/{version} – Langfuse's "update labels": deploys that version to each labelled unprotected environment (prompts:write)
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { moveLangfuseLabels } from "@/lib/langfuse/move-langfuse-labels";
import { updateLangfuseLabelsSchema } from "@/lib/validations/langfuse";

const route = "/api/public/v2/prompts/[name]/versions/[version]";

export const PATCH = apiRoute(
  { route, auth: "api-key", action: "deployment.unprotected", body: updateLangfuseLabelsSchema, errors: "langfuse" },
  async ({ access, params, body, ctx }) =>
    moveLangfuseLabels({
      ctx,
      access,
      name: params.name,
      version: parseRouteInt({ value: params.version, name: "version" }),
      newLabels: body.newLabels,
    }),
);
