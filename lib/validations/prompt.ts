// Prompt rules, shared by forms, route handlers and the OpenAPI document. The content schemas live
// in lib/templates/prompt-content.ts (browser- and SDK-safe) and are re-exported here for forms and
// handlers, so each rule is written once.
import { z } from "zod";

import { PROMPT_NAME } from "@/lib/templates/parse-template";
import { promptContentSchema } from "@/lib/templates/prompt-content";
import { MAX_INT4 } from "@/lib/validations/int4";

export {
  chatMessageSchema,
  contractSchema,
  MAX_MESSAGES,
  MAX_TEMPLATE_BYTES,
  modelConfigSchema,
  promptContentSchema,
  variableSpecSchema,
  type ChatMessage,
  type ModelConfig,
  type PromptContent,
} from "@/lib/templates/prompt-content";

export const promptNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(200, "Use at most 200 characters.")
  .regex(PROMPT_NAME, "Use lowercase letters, digits, - and _, with / between folders (e.g. support/refund-reply).")
  .refine((name) => name !== "new", "“new” is reserved; choose another name.");

const descriptionSchema = z.string().trim().max(2000, "Use at most 2,000 characters.");
const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Tags use lowercase letters, digits, - and _."),
  )
  .max(20);

export const createPromptSchema = z.object({
  name: promptNameSchema,
  type: z.enum(["TEXT", "CHAT"], { error: "Choose text or chat." }),
  description: descriptionSchema.default(""),
  tags: tagsSchema.default([]),
});

/** PATCH: only the fields sent change. No defaults: zod 4 applies one even to an absent optional key. */
export const updatePromptSchema = z.object({
  name: promptNameSchema.optional(),
  description: descriptionSchema.optional(),
  tags: tagsSchema.optional(),
  archived: z.boolean().optional(),
});

const versionMessageSchema = z
  .string()
  .trim()
  .min(1, "Describe the change in a few words.")
  .max(500, "Use at most 500 characters.");

export const saveVersionSchema = z.object({
  baseVersion: z.number().int().min(0).max(MAX_INT4),
  message: versionMessageSchema,
  content: promptContentSchema,
});

/** Save the shared working copy as it stands; `baseVersion` is the version the saver's editor shows it on. */
export const saveLiveVersionSchema = z.object({
  baseVersion: z.number().int().min(0).max(MAX_INT4),
  message: versionMessageSchema,
});

/** Make the shared working copy hold this version's content again. */
export const resetLiveDocumentSchema = z.object({
  version: z.number({ error: "Name the version to start from." }).int().min(1).max(MAX_INT4),
});

export const listPromptsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  folder: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
  /** Only prompts this environment runs. */
  env: z.string().trim().max(60).optional(),
  archived: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPromptsQuery = z.infer<typeof listPromptsQuerySchema>;

export const deletePromptSchema = z.object({ confirmName: z.string().max(200) });
export const listVersionsQuerySchema = z.object({
  before: z.coerce.number().int().min(1).max(MAX_INT4).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const saveTestCaseSchema = z.object({
  name: z.string().trim().min(1, "Name the test case.").max(100, "Use at most 100 characters."),
  values: z.record(z.string(), z.json()),
});
