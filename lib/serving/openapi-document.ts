// The OpenAPI 3.1 document of the application-facing API, generated from the same zod schemas that
// validate requests (lib/validations/serving.ts), so the docs cannot drift from what is enforced.
import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { createVersionRequestSchema, listServedPromptsQuerySchema, renderRequestSchema, servedPromptQuerySchema } from "@/lib/validations/serving";
import { modelConfigSchema, contractSchema, chatMessageSchema } from "@/lib/validations/prompt";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

function queryParameters(s: z.ZodObject) {
  const json = schema(s, "input") as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties).map(([name, p]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, description: p.description, schema: { ...p, description: undefined } }));
}

const servedPrompt = z.object({
  name: z.string(),
  type: z.enum(["text", "chat"]),
  version: z.number().int(),
  environment: z.string().nullable().describe("null when a version was asked for."),
  template: z.string().optional().describe("Text prompts."),
  messages: z.array(chatMessageSchema).optional().describe("Chat prompts; placeholder messages name a variable that holds a message list."),
  contract: contractSchema,
  modelConfig: modelConfigSchema,
  resolved: z.boolean(),
  updatedAt: z.string().describe("When this version was deployed there (or saved, for ?version=)."),
});
const rendered = z.object({
  name: z.string(),
  version: z.number().int(),
  environment: z.string().nullable(),
  type: z.enum(["text", "chat"]),
  text: z.string().optional(),
  messages: z.array(z.object({ role: z.string(), content: z.unknown() })).describe("Pass to chat.completions.create as messages."),
  model: z.string().optional(),
  temperature: z.number().optional(),
  max_tokens: z.number().optional(),
  top_p: z.number().optional(),
  stop: z.array(z.string()).optional(),
  response_format: z.unknown().optional(),
  tools: z.array(z.unknown()).optional(),
});
const promptList = z.object({
  prompts: z.array(z.object({ name: z.string(), type: z.enum(["text", "chat"]), latestVersion: z.number().int(), environments: z.record(z.string(), z.number().int()), tags: z.array(z.string()), updatedAt: z.string() })),
  nextCursor: z.string().nullable(),
});
const errorShape = z.object({ error: z.object({ code: z.enum(Object.keys(errorStatus) as [string, ...string[]]), message: z.string(), details: z.unknown().optional(), requestId: z.string().optional() }) });

const json = (s: z.ZodType) => ({ content: { "application/json": { schema: schema(s) } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: { 401: "Missing, bad, expired or revoked API key", 403: "The key lacks the scope, or the target is protected", 404: "Unknown prompt, environment or version (also for other projects' prompts)", 409: "The version changed meanwhile", 422: "Invalid request; details.issues names each field or variable", 429: "Rate limit; see Retry-After" }[c], ...json(errorShape) }]));
const nameParam = { name: "name", in: "path", required: true, description: "The prompt's name; slashes are part of it (support/refund-reply).", schema: { type: "string" } };

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Galley API", version: "1", description: "Read deployed prompts, render them, and save versions. Authenticate with an API key from Settings → API keys: `Authorization: Bearer gk_…`." },
    servers: [{ url: origin }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A project API key (gk_…)." } } },
    paths: {
      "/api/prompts": {
        get: { summary: "List the project's prompts", parameters: queryParameters(listServedPromptsQuerySchema), responses: { 200: { description: "A page of prompts", ...json(promptList) }, ...errors(401, 422, 429) } },
      },
      "/api/prompts/{name}": {
        get: {
          summary: "The version an environment runs (production by default), or a pinned version",
          description: "Answers with a strong ETag; send it back as If-None-Match to get 304 while nothing changed. A renamed prompt's old name answers 308 with the new location.",
          parameters: [nameParam, ...queryParameters(servedPromptQuerySchema as unknown as z.ZodObject), { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
          responses: { 200: { description: "The prompt", ...json(servedPrompt) }, 304: { description: "Unchanged since the ETag you sent" }, 308: { description: "Renamed: follow Location" }, ...errors(401, 404, 422, 429) },
        },
      },
      "/api/prompts/{name}/render": {
        post: { summary: "Render with variables into messages and model parameters", parameters: [nameParam], requestBody: { required: true, ...json(renderRequestSchema) }, responses: { 200: { description: "Ready for chat.completions.create", ...json(rendered) }, ...errors(401, 404, 422, 429) } },
      },
      "/api/prompts/{name}/versions": {
        post: {
          summary: "Save a version (prompts:write), optionally deploying it to unprotected environments",
          parameters: [nameParam],
          requestBody: { required: true, ...json(createVersionRequestSchema) },
          responses: { 200: { description: "The new version and its deployments", ...json(z.object({ name: z.string(), version: z.number().int(), deployments: z.array(z.object({ environment: z.string(), fromVersion: z.number().int().nullable(), toVersion: z.number().int() })) })) }, ...errors(401, 403, 404, 409, 422, 429) },
        },
      },
    },
  };
}
