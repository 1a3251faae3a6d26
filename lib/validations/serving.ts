import { z } from "zod";

import { PROMPT_NAME } from "@/lib/templates/parse-template";
import { MAX_INT4 } from "@/lib/validations/int4";
import { chatMessageSchema, contractSchema, modelConfigSchema, promptContentSchema } from "@/lib/validations/prompt";

// The application-facing API (/api/prompts): one set of schemas for validation and the OpenAPI document.

export const envSlug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Use an environment's slug, such as production.");

/** The longest unit id (?unit= or the Galley-Unit header) a request may send. */
export const MAX_UNIT_LENGTH = 200;

/**
 * A stable id of who a request is for (a user, a session, a tenant): during a release (a split
 * between versions) the same unit always gets the same version.
 */
export const unitSchema = z
  .string()
  .max(MAX_UNIT_LENGTH, `A unit id has at most ${MAX_UNIT_LENGTH} characters.`)
  .describe(
    "A stable id of the user, session or tenant this request is for: while the environment runs a release (a split between versions), the same unit always gets the same version. Also accepted as the Galley-Unit header (the query parameter wins). Without one, each request gets a version at random with the split's weights. Ignored for ?version=.",
  );

export const servedPromptQuerySchema = z
  .object({
    environment: envSlug.optional().describe("The environment whose deployed version to return (default production)."),
    version: z.coerce
      .number()
      .int()
      .min(1, "Versions start at 1.")
      .max(MAX_INT4)
      .optional()
      .describe("A pinned version instead of an environment's."),
    resolve: z
      .enum(["true", "false"])
      .default("true")
      .describe("Replace references to other prompts with their text (default true)."),
    unit: unitSchema.optional(),
  })
  .refine((q) => !(q.environment && q.version !== undefined), {
    message: "Ask for an environment or a version, not both.",
    path: ["version"],
  });

export const listServedPromptsQuerySchema = z.object({
  folder: z.string().optional().describe("Only prompts under this folder, e.g. support/."),
  tag: z.string().optional(),
  environment: envSlug.optional().describe("Only prompts this environment runs."),
  cursor: z.string().optional().describe("From a previous page's nextCursor."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const renderRequestSchema = z
  .object({
    environment: envSlug.optional(),
    version: z.number().int().min(1).max(MAX_INT4).optional(),
    variables: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("Values for the prompt's variables; message lists for placeholders."),
    strict: z.boolean().default(false).describe("Unknown variables are errors."),
    unit: unitSchema.optional(),
  })
  .refine((q) => !(q.environment && q.version !== undefined), {
    message: "Ask for an environment or a version, not both.",
    path: ["version"],
  });

export const promptNameSchema = z
  .string()
  .regex(PROMPT_NAME, "Prompt names are lowercase slug paths such as support/refund-reply.");

export const createVersionRequestSchema = z.object({
  content: promptContentSchema.describe(
    "template (text prompts) or messages (chat prompts), contract and modelConfig, as in an export.",
  ),
  message: z.string().trim().min(1, "Say what changed: a version needs a message.").max(500),
  /** The version this one follows; omitted: the latest. A stale one is a 409 with the newer version. */
  baseVersion: z.number().int().min(0).max(MAX_INT4).optional(),
  /** Creates the prompt first when it does not exist yet. */
  type: z.enum(["text", "chat"]).optional(),
  description: z.string().trim().max(2000).optional(),
  tags: z.array(z.string()).max(20).optional(),
  /** Unprotected environments to deploy the new version to; a protected one is refused with 403. */
  deploy: z.array(envSlug).max(20).default([]),
});

/**
 * What GET /api/prompts/{name} answers: the type the handler builds (ServedPromptBody) and the
 * OpenAPI document's ServedPrompt, from the content schemas, so neither can drift from the other.
 */
export const servedPromptSchema = z.object({
  name: z.string(),
  type: z.enum(["text", "chat"]),
  version: z.number().int(),
  release: z
    .string()
    .nullable()
    .describe(
      'The arm of a release (a split between versions) this answer is, "<releaseId>.<version>": send it back with feedback. null when the environment runs one version, and for ?version=.',
    ),
  environment: z.string().nullable().describe("null when a version was asked for."),
  template: z.string().optional().describe("Text prompts."),
  messages: z
    .array(chatMessageSchema)
    .optional()
    .describe("Chat prompts; placeholder messages name a variable that holds a message list."),
  contract: contractSchema,
  modelConfig: modelConfigSchema,
  description: z.string().describe("The prompt's description (not versioned: the current one)."),
  tags: z.array(z.string()).describe("The prompt's tags (not versioned: the current ones)."),
  resolved: z.boolean().describe("References to other prompts were replaced by their text."),
  updatedAt: z.string().describe("When this version was deployed there (or saved, for ?version=)."),
});
