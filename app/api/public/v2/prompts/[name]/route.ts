// DELETE /api/public/v2/prompts/{name} – Langfuse's "delete prompt": 405, Galley keeps every version (prompts:write)
// GET /api/public/v2/prompts/{name} never reaches Next.js: the custom server answers it on the hot
// path (lib/serving/handle-prompt-request.ts).
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

const route = "/api/public/v2/prompts/[name]";

export const DELETE = apiRoute(
  { route, auth: "api-key", action: "prompt.edit", errors: "langfuse" },
  async ({ params }) => {
    throw new AppError({
      code: "method_not_allowed",
      headers: { allow: "GET" },
      message: `Galley keeps every version of ${params.name}, so they cannot be deleted through the API: archive the prompt in the studio (its Details tab), which makes it read-only and hides it from the list.`,
    });
  },
);
