// The OpenAPI 3.1 document of the application-facing API, generated from the same zod schemas that
// validate requests (lib/validations/serving.ts), so the docs cannot drift from what is enforced.
import { z } from "zod";

import { scopeFor, type Action } from "@/lib/auth/permissions";
import { errorStatus } from "@/lib/errors";
import { ciEvalRequestSchema, ciEvalStatusSchema } from "@/lib/validations/eval-run";
import { feedbackRequestSchema } from "@/lib/validations/feedback";
import { chatMessageSchema, contractSchema, modelConfigSchema } from "@/lib/validations/prompt";
import {
  createVersionRequestSchema,
  listServedPromptsQuerySchema,
  renderRequestSchema,
  servedPromptQuerySchema,
  servedPromptSchema,
  unitSchema,
} from "@/lib/validations/serving";

type JsonSchema = Record<string, unknown>;

const rendered = z.object({
  name: z.string(),
  version: z.number().int(),
  release: servedPromptSchema.shape.release,
  environment: z.string().nullable(),
  type: z.enum(["text", "chat"]),
  text: z.string().optional(),
  // A placeholder's messages are the caller's own, passed on as given (tool calls and all).
  messages: z
    .array(z.looseObject({ role: z.string(), content: z.unknown().optional() }))
    .describe("Pass to chat.completions.create as messages."),
  model: z.string().optional(),
  temperature: z.number().optional(),
  max_tokens: z.number().optional(),
  top_p: z.number().optional(),
  stop: z.array(z.string()).optional(),
  response_format: z.unknown().optional(),
  tools: z.array(z.unknown()).optional(),
});
const promptList = z.object({
  prompts: z.array(
    z.object({
      name: z.string(),
      type: z.enum(["text", "chat"]),
      latestVersion: z.number().int(),
      environments: z.record(z.string(), z.number().int()),
      tags: z.array(z.string()),
      updatedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
const savedVersion = z.object({
  name: z.string(),
  version: z.number().int(),
  deployments: z.array(
    z.object({ environment: z.string(), fromVersion: z.number().int().nullable(), toVersion: z.number().int() }),
  ),
});
const errorShape = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [string, ...string[]]),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

// Request bodies are read on zod's input side (a field with a default may be left out), responses on
// its output side. Schemas that appear on both sides are named once for each side; they share one
// component when both sides read the same.
const requestComponents = {
  RenderRequest: renderRequestSchema,
  CreateVersionRequest: createVersionRequestSchema,
  EvalRequest: ciEvalRequestSchema,
  FeedbackRequest: feedbackRequestSchema,
};
const responseComponents = {
  ServedPrompt: servedPromptSchema,
  RenderedPrompt: rendered,
  PromptList: promptList,
  SavedVersion: savedVersion,
  EvalStatus: ciEvalStatusSchema,
  Error: errorShape,
};
const sharedComponents = { Contract: contractSchema, ModelConfig: modelConfigSchema, ChatMessage: chatMessageSchema };

/** What the API reference's snippets send; a test parses each with its schema. */
export const requestExamples: Record<keyof typeof requestComponents, unknown> = {
  RenderRequest: { environment: "production", variables: { customer: "Ana" } },
  CreateVersionRequest: {
    message: "Shorter greeting",
    content: {
      template: "Hi {{customer}}, your refund is on its way.",
      contract: { variables: [{ name: "customer", type: "string", required: true }] },
      modelConfig: { model: "gpt-4o-mini", temperature: 0.2 },
    },
    deploy: ["staging"],
  },
  FeedbackRequest: {
    id: "3f0b6c1e-8d2a-4c7e-9b1f-5a4d2e6c8b90",
    release: "cmi3k2q9d0001abcd.7",
    score: "up",
    comment: "Solved my problem.",
    traceId: "req-81f2",
  },
  EvalRequest: {
    prompt: "support/refund-reply",
    version: 7,
    dataset: "golden",
    evaluators: ["mentions refund"],
    wait: 300,
  },
};

const COMPONENTS = "#/components/schemas/";
// zod's registry output points unnamed recursive schemas (z.json()) at "<uri(__shared)>#/$defs/<id>",
// which no OpenAPI tool resolves; they become the JsonValue component.
const SHARED_DEF = /^#\/components\/schemas\/__shared#\/\$defs\/(.+)$/;
const JSON_VALUE = "JsonValue";

/** Every $ref in a schema, rewritten by `to` (undefined keeps it). */
function mapRefs(node: unknown, to: (ref: string) => string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => mapRefs(n, to));
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? (to(v) ?? v) : mapRefs(v, to)]),
  );
}

function refsOf(node: unknown, found = new Set<string>()): Set<string> {
  mapRefs(node, (ref) => void found.add(ref.slice(COMPONENTS.length)));
  return found;
}

/** One side's component schemas, with zod's shared $defs (unnamed recursive schemas) made the JsonValue component. */
function sideSchemas(io: "input" | "output", components: Record<string, z.ZodType>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `${COMPONENTS}${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  const { __shared: shared, ...named } = schemas;
  // Standalone, z.json() refers to itself as "#".
  const jsonValue = withoutMeta(z.toJSONSchema(z.json(), { io }) as JsonSchema);
  for (const [defId, def] of Object.entries((shared?.$defs ?? {}) as Record<string, JsonSchema>)) {
    const self = `${COMPONENTS}__shared#/$defs/${defId}`;
    if (JSON.stringify(mapRefs(def, (r) => (r === self ? "#" : undefined))) !== JSON.stringify(jsonValue)) {
      throw new Error(
        `OpenAPI: an unnamed recursive schema (${defId}) is not a JSON value; name it in the components.`,
      );
    }
  }
  const result = Object.fromEntries(
    Object.entries(named).map(([id, s]) => [
      id,
      mapRefs(withoutMeta(s), (r) => (SHARED_DEF.test(r) ? `${COMPONENTS}${JSON_VALUE}` : undefined)),
    ]),
  ) as Record<string, JsonSchema>;
  // Inside a JSON body every value is a JSON value, so the empty schema says the same as zod's
  // recursive one, and generators such as openapi-typescript cannot type a union that contains an
  // array of itself.
  if (shared) result[JSON_VALUE] = { description: "Any JSON value." };
  return result;
}

/** $schema and a fragment-only $id are not valid inside an OpenAPI document's components. */
function withoutMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

type RequestBody = { required: true; content: { "application/json": { schema: JsonSchema; example?: unknown } } };
type Components = {
  schemas: Record<string, JsonSchema>;
  requestBodies: Record<keyof typeof requestComponents, RequestBody>;
};
let cached: Components | undefined;

/**
 * components.schemas: the output side under each name, and `<Name>Input` where the input side of a
 * shared schema reads differently. Request bodies go to components.requestBodies, where generators
 * such as openapi-typescript read a `default` as "may be left out" rather than "always present".
 */
function components(): Components {
  if (cached) return cached;
  const output = sideSchemas("output", { ...responseComponents, ...sharedComponents });
  const input = sideSchemas("input", { ...requestComponents, ...sharedComponents });
  // A shared schema differs when its own text differs or it refers to one that does.
  const differs = new Set(
    Object.keys(input).filter((id) => id in output && JSON.stringify(input[id]) !== JSON.stringify(output[id])),
  );
  for (let grew = true; grew;) {
    const next = Object.keys(input).filter(
      (id) => id in output && !differs.has(id) && [...refsOf(input[id])].some((r) => differs.has(r)),
    );
    for (const id of next) differs.add(id);
    grew = next.length > 0;
  }
  const renamed = mapRefs(input, (ref) =>
    differs.has(ref.slice(COMPONENTS.length)) ? `${ref}Input` : undefined,
  ) as Record<string, JsonSchema>;
  const schemas = { ...output };
  for (const [id, schema] of Object.entries(renamed))
    if (!(id in requestComponents)) schemas[differs.has(id) ? `${id}Input` : id] = schema;
  const requestBodies = Object.fromEntries(
    Object.keys(requestComponents).map((id) => [
      id,
      {
        required: true,
        content: {
          "application/json": { schema: renamed[id], example: requestExamples[id as keyof typeof requestComponents] },
        },
      },
    ]),
  ) as Components["requestBodies"];
  cached = { schemas, requestBodies };
  return cached;
}

function queryParameters(s: z.ZodObject) {
  const json = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, { description, ...schema }]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema,
  }));
}

const ref = (id: string) => ({ $ref: `${COMPONENTS}${id}` });
const json = (id: string) => ({ content: { "application/json": { schema: ref(id) } } });
const errorDescriptions: Record<number, string> = {
  400: "Unreadable request: a body that is not JSON, a prompt name in the URL that is not valid percent-encoding, or a unit id (unit, Galley-Unit) over 200 characters",
  401: "Missing, bad, expired or revoked API key",
  403: "The key lacks the scope, or the target is protected",
  404: "Unknown prompt, environment or version (also for other projects' prompts)",
  409: "The version changed meanwhile",
  422: "Invalid request (details.issues names each field or variable; template and contract problems also carry a code: syntax_error, missing_variable, wrong_type, not_in_enum, unknown_variable, unknown_reference, reference_cycle, reference_too_deep), or template_too_large: the prompt with its references resolved is over the size or work limit (details.chain names the references)",
  413: "The body is larger than the server's limit (GALLEY_MAX_BODY_BYTES, 2 MB by default)",
  429: "Rate limit; see Retry-After",
  503: "The database cannot be reached and this instance has no earlier answer; see Retry-After",
};
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: errorDescriptions[c], ...json("Error") }]));
const nameParam = {
  name: "name",
  in: "path",
  required: true,
  description: "The prompt's name; slashes are part of it (support/refund-reply).",
  schema: { type: "string" },
  example: "support/refund-reply",
};
const unitHeader = {
  name: "Galley-Unit",
  in: "header",
  required: false,
  description: "The unit id, when not in ?unit= (which wins).",
  schema: (({ description: _description, ...schema }) => schema)(
    withoutMeta(z.toJSONSchema(unitSchema, { io: "input" }) as JsonSchema),
  ),
};
const servedHeaders = {
  "Galley-Version": { description: "The version served.", schema: { type: "integer" } },
  "Galley-Release": {
    description: 'During a release (a split), the arm served: "<releaseId>.<version>", as in the body.',
    schema: { type: "string" },
  },
};

/** The API-key scope an operation needs, in OpenAPI 3.1's terms (role names for a non-OAuth scheme). */
function needs(action: Action) {
  const scope = scopeFor(action);
  if (!scope) throw new Error(`OpenAPI: no API-key scope allows ${action}.`);
  return { security: [{ bearer: [scope] }] };
}

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Galley API",
      version: "1",
      description:
        "Read deployed prompts, render them, and save versions. Authenticate with an API key from Settings → API keys: `Authorization: Bearer gk_…`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: origin }],
    tags: [
      { name: "Prompts", description: "Read what an environment runs, render it, and save versions from scripts." },
      { name: "Evals", description: "Run a version over a dataset from CI and read its verdict." },
    ],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A project API key (gk_…)." } },
      ...components(),
    },
    paths: {
      "/api/prompts": {
        get: {
          operationId: "listPrompts",
          tags: ["Prompts"],
          ...needs("prompt.view"),
          summary: "List the project's prompts",
          parameters: queryParameters(listServedPromptsQuerySchema),
          responses: { 200: { description: "A page of prompts", ...json("PromptList") }, ...errors(401, 422, 429) },
        },
      },
      "/api/prompts/{name}": {
        get: {
          operationId: "getPrompt",
          tags: ["Prompts"],
          ...needs("prompt.view"),
          summary: "The version an environment runs (production by default), or a pinned version",
          description:
            "Answers with a strong ETag; send it back as If-None-Match to get 304 while nothing changed. A renamed prompt's old name answers 308 with the new location. While the environment runs a release (a split between versions, e.g. v6 90 % and v7 10 %), each request gets one version: the same one for the same unit id (`unit` or the Galley-Unit header), at random with the split's weights without one. `release` in the body and the Galley-Release header name the arm; send it back with feedback. Each arm has its own ETag.",
          parameters: [
            nameParam,
            ...queryParameters(servedPromptQuerySchema),
            unitHeader,
            { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } },
          ],
          responses: {
            200: {
              description: "The prompt",
              headers: { ETag: { schema: { type: "string" } }, ...servedHeaders },
              ...json("ServedPrompt"),
            },
            304: { description: "Unchanged since the ETag you sent", headers: servedHeaders },
            308: { description: "Renamed: follow Location", headers: { Location: { schema: { type: "string" } } } },
            ...errors(400, 401, 404, 422, 429, 503),
          },
        },
      },
      "/api/prompts/{name}/render": {
        post: {
          operationId: "renderPrompt",
          tags: ["Prompts"],
          ...needs("prompt.view"),
          summary: "Render with variables into messages and model parameters",
          parameters: [nameParam],
          requestBody: { $ref: "#/components/requestBodies/RenderRequest" },
          responses: {
            200: { description: "Ready for chat.completions.create", ...json("RenderedPrompt") },
            ...errors(400, 401, 404, 413, 422, 429),
          },
        },
      },
      "/api/prompts/{name}/feedback": {
        post: {
          operationId: "sendFeedback",
          tags: ["Prompts"],
          ...needs("prompt.view"),
          summary: "Report what a user thought of an answer: thumbs up or down, or a score",
          description:
            "Name the answer by its `release` (during a split) or its `version`; the studio's Releases page shows each version's mean score, count and thumbs-up rate. Feedback is stored in batches a few seconds apart, so it shows there shortly after. Send an `id` (your key for the rating, new per rating, the same on every retry) and a retry after a lost answer is counted once: a rating whose id this prompt already has is not stored again and is still answered 202, since the client cannot tell which attempt arrived.",
          parameters: [nameParam],
          requestBody: { $ref: "#/components/requestBodies/FeedbackRequest" },
          responses: {
            202: { description: "Accepted (also for a repeated id, stored once)" },
            ...errors(400, 401, 404, 413, 422, 429),
          },
        },
      },
      "/api/prompts/{name}/versions": {
        post: {
          operationId: "createVersion",
          tags: ["Prompts"],
          ...needs("prompt.edit"),
          summary: "Save a version (prompts:write), optionally deploying it to unprotected environments",
          parameters: [nameParam],
          requestBody: { $ref: "#/components/requestBodies/CreateVersionRequest" },
          responses: {
            200: { description: "The new version and its deployments", ...json("SavedVersion") },
            ...errors(400, 401, 403, 404, 409, 413, 422, 429),
          },
        },
      },
      "/api/evals": {
        post: {
          operationId: "startEval",
          tags: ["Evals"],
          ...needs("prompt.edit"),
          summary: "Start an eval run of a version over a dataset (prompts:write), optionally waiting for its verdict",
          description:
            "The version is the candidate; the baseline (default production, when it runs the prompt) runs over the same rows. With `wait`, the answer comes when the run ends or the wait is over; poll GET /api/evals/{number} after that.",
          requestBody: { $ref: "#/components/requestBodies/EvalRequest" },
          responses: {
            200: { description: "The run, as GET /api/evals/{number} describes it", ...json("EvalStatus") },
            ...errors(400, 401, 403, 404, 413, 422, 429),
          },
        },
      },
      "/api/evals/{number}": {
        get: {
          operationId: "getEval",
          tags: ["Evals"],
          ...needs("prompt.view"),
          summary: "An eval run's status, progress, pass rates and verdict (prompts:read)",
          parameters: [
            {
              name: "number",
              in: "path",
              required: true,
              description: "The run's number (#12), as POST /api/evals answered it.",
              schema: { type: "integer", minimum: 1 },
              example: 12,
            },
          ],
          responses: {
            200: { description: "The run", ...json("EvalStatus") },
            ...errors(401, 404, 422, 429),
          },
        },
      },
    },
  };
}
