// POST /api/prompts/{name}/render – render with variables (prompts:read)
// POST /api/prompts/{name}/versions – save a version, optionally deploy it (prompts:write)
// POST /api/prompts/{name}/feedback – an app's user rated an answer (prompts:read: apps hold read keys); 202
// GET and HEAD /api/prompts/{name} never reach Next.js: the custom server answers them on the hot
// path (lib/serving/handle-prompt-request.ts), so there is no second copy of that answer here.
import { AppError } from "@/lib/errors";
import { apiRoute, bySuffix, parseBody } from "@/lib/http/api-route";
import { refuseLargeBody } from "@/lib/http/refuse-large-body";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";
import { recordFeedback } from "@/lib/outcomes/record-feedback";
import { createVersionFromApi } from "@/lib/serving/create-version-from-api";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { feedbackRequestSchema, MAX_FEEDBACK_BODY_BYTES } from "@/lib/validations/feedback";
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
      apiKeyId: access.key.id,
    }),
);

const versions = apiRoute(
  { route, auth: "api-key", action: "prompt.edit", body: createVersionRequestSchema },
  async ({ params, access, body, ctx }) =>
    createVersionFromApi({ ctx, access, name: promptNameOf(params.name), input: body }),
);

// Its body is read here rather than declared, so a body over the small limit is refused before it is read.
const feedback = apiRoute({ route, auth: "api-key", action: "prompt.view" }, async ({ req, params, access }) => {
  refuseLargeBody({ req, maxBytes: MAX_FEEDBACK_BODY_BYTES });
  const input = await parseBody(req, feedbackRequestSchema);
  const accepted = await recordFeedback({
    projectId: access.project.id,
    apiKeyId: access.key.id,
    name: promptNameOf(params.name),
    input,
  });
  return Response.json(accepted, { status: 202 });
});

export const POST = bySuffix({ render, versions, feedback }, "name");
