// POST /api/prompts/{name}/render – render with variables (prompts:read)
// POST /api/prompts/{name}/versions – save a version, optionally deploy it (prompts:write)
// GET and HEAD /api/prompts/{name} never reach Next.js: the custom server answers them on the hot
// path (lib/serving/handle-prompt-request.ts), so there is no second copy of that answer here.
import { AppError } from "@/lib/errors";
import { apiRoute, bySuffix } from "@/lib/http/api-route";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";
import { createVersionFromApi } from "@/lib/serving/create-version-from-api";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { createVersionRequestSchema, renderRequestSchema } from "@/lib/validations/serving";

const route = "/api/prompts/[...name]";

// The name is every segment but the last (the action). Next.js has decoded each segment once
// already; a "%" left over is no valid name, but must not make decodeURIComponent throw a 500.
const promptNameOf = (segments: string[]) => {
  let name: string;
  try {
    name = segments.slice(0, -1).map(decodeURIComponent).join("/");
  } catch {
    throw new AppError({ code: "bad_request", message: "The prompt name in the URL is not valid percent-encoding." });
  }
  refuseUnsafeInput({ value: name, prefix: "name" });
  return name;
};

const render = apiRoute(
  { route, auth: "api-key", action: "prompt.view", body: renderRequestSchema },
  async ({ params, access, body }) =>
    renderServedPrompt({
      projectId: access.project.id,
      name: promptNameOf(params.name),
      selector: { environment: body.environment, version: body.version },
      variables: body.variables,
      strict: body.strict,
      unit: body.unit,
    }),
);

const versions = apiRoute(
  { route, auth: "api-key", action: "prompt.edit", body: createVersionRequestSchema },
  async ({ params, access, body, ctx }) =>
    createVersionFromApi({ ctx, access, name: promptNameOf(params.name), input: body }),
);

export const POST = bySuffix({ render, versions }, "name");
