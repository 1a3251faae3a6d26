// GET /api/prompts/{name} – the deployed version (the custom server answers this before Next; this
//   handler serves the same answer through the same lib/serving code when it does not, e.g. HEAD)
// POST /api/prompts/{name}/render – render with variables; POST /api/prompts/{name}/versions – save a version
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseBody, parseQuery } from "@/lib/http/api-route";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";
import { keyRoute } from "@/lib/http/key-route";
import { getServedPrompt } from "@/lib/serving/get-served-prompt";
import { matchesEtag } from "@/lib/serving/handle-prompt-request";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { createVersionFromApi } from "@/lib/serving/create-version-from-api";
import { createVersionRequestSchema, renderRequestSchema, servedPromptQuerySchema } from "@/lib/validations/serving";

type Params = { name: string[] };
// Next.js has decoded each segment once already; a "%" left over is no valid name, but must not
// make decodeURIComponent throw a 500.
const nameOf = (segments: string[]) => {
  let name: string;
  try {
    name = segments.map(decodeURIComponent).join("/");
  } catch {
    throw new AppError({ code: "bad_request", message: "The prompt name in the URL is not valid percent-encoding." });
  }
  refuseUnsafeInput({ value: name, prefix: "name" });
  return name;
};

export const GET = keyRoute<Params>("prompts:read", async ({ req, params, key }) => {
  const query = parseQuery(req, servedPromptQuerySchema);
  const answer = await getServedPrompt({ projectId: key.projectId, name: nameOf(params.name), query: { environment: query.environment, version: query.version, resolve: query.resolve === "true" } });
  if (answer.etag && matchesEtag(req.headers.get("if-none-match") ?? undefined, answer.etag)) return new NextResponse(null, { status: 304, headers: { etag: answer.etag } });
  return new NextResponse(answer.body, { status: answer.status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-cache", ...answer.headers, ...(answer.etag ? { etag: answer.etag } : {}) } });
});

const actions = { render: "prompts:read", versions: "prompts:write" } as const;

export async function POST(req: Parameters<ReturnType<typeof keyRoute>>[0], context: { params: Promise<Params> }) {
  const { name } = await context.params;
  const action = name[name.length - 1] as keyof typeof actions;
  if (name.length < 2 || !(action in actions)) {
    return NextResponse.json({ error: { code: "not_found", message: "POST /api/prompts/{name}/render or /api/prompts/{name}/versions." } }, { status: 404 });
  }
  return keyRoute<Params>(actions[action], async ({ req, key, ctx }) => {
    const promptName = nameOf(name.slice(0, -1));
    if (action === "render") {
      const body = await parseBody(req, renderRequestSchema);
      return renderServedPrompt({ projectId: key.projectId, name: promptName, selector: { environment: body.environment, version: body.version }, variables: body.variables, strict: body.strict });
    }
    const body = await parseBody(req, createVersionRequestSchema);
    const project = await db.project.findUnique({ where: { id: key.projectId }, select: { slug: true } });
    if (!project) throw new AppError({ code: "not_found", message: "This key's project no longer exists." });
    return createVersionFromApi({ ctx, key, projectSlug: project.slug, name: promptName, input: body });
  })(req, context);
}
