// Prompt content rules, shared by forms, route handlers and (later) the OpenAPI document.
import { z } from "zod";
import { MAX_INT4 } from "@/lib/validations/int4";
import { PROMPT_NAME } from "@/lib/templates/parse-template";
import { variableTypes } from "@/lib/templates/contract";

export const MAX_TEMPLATE_BYTES = 1024 * 1024;
export const MAX_MESSAGES = 200;

const bytes = (s: string) => new TextEncoder().encode(s).length;

export const promptNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(200, "Use at most 200 characters.")
  .regex(PROMPT_NAME, "Use lowercase letters, digits, - and _, with / between folders (e.g. support/refund-reply).")
  .refine((name) => name !== "new", "“new” is reserved; choose another name.");

const templateText = z.string().refine((s) => bytes(s) <= MAX_TEMPLATE_BYTES, `A template can be at most 1 MB.`);
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Variable names use letters, digits and _, and do not start with a digit.");

export const chatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["system", "user", "assistant"]), content: templateText }),
  z.object({ role: z.literal("placeholder"), name: variableName }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const variableSpecSchema = z
  .object({
    name: variableName,
    type: z.enum(variableTypes),
    required: z.boolean(),
    default: z.json().optional(),
    description: z.string().max(2000).optional(),
    example: z.json().optional(),
    values: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .refine((v) => v.type !== "enum" || (v.values?.length ?? 0) > 0, { message: "An enum needs at least one value.", path: ["values"] });

export const contractSchema = z.object({ variables: z.array(variableSpecSchema).max(500) }).refine(
  (c) => new Set(c.variables.map((v) => v.name)).size === c.variables.length,
  { message: "Each variable may be declared once.", path: ["variables"] },
);

const jsonObject = z.record(z.string(), z.json());

export const modelConfigSchema = z.object({
  provider: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  temperature: z.number().min(0, "Temperature is between 0 and 2.").max(2, "Temperature is between 0 and 2.").optional(),
  maxTokens: z.number().int().min(1, "Max tokens must be at least 1.").max(1_000_000).optional(),
  topP: z.number().min(0, "top_p is between 0 and 1.").max(1, "top_p is between 0 and 1.").optional(),
  stop: z.array(z.string().min(1).max(200)).max(4, "At most 4 stop sequences.").optional(),
  responseFormat: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("text") }),
      z.object({ type: z.literal("json_object") }),
      z.object({ type: z.literal("json_schema"), name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Schema name: letters, digits, _ and -."), schema: jsonObject, strict: z.boolean().optional() }),
    ])
    .optional(),
  tools: z
    .array(z.object({ type: z.literal("function"), function: z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), description: z.string().max(2000).optional(), parameters: jsonObject }) }))
    .max(128)
    .optional(),
});
export type ModelConfig = z.infer<typeof modelConfigSchema>;

/** The editable content of a prompt: what a draft holds and a version freezes. */
export const promptContentSchema = z.object({
  template: templateText.optional(),
  messages: z.array(chatMessageSchema).max(MAX_MESSAGES, `A chat prompt can have at most ${MAX_MESSAGES} messages.`).optional(),
  contract: contractSchema,
  modelConfig: modelConfigSchema,
});
export type PromptContent = z.infer<typeof promptContentSchema>;

const descriptionSchema = z.string().trim().max(2000, "Use at most 2,000 characters.");
const tagsSchema = z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Tags use lowercase letters, digits, - and _.")).max(20);

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

export const saveDraftSchema = z.object({ baseVersion: z.number().int().min(0).max(MAX_INT4), content: promptContentSchema });

export const saveVersionSchema = z.object({
  baseVersion: z.number().int().min(0).max(MAX_INT4),
  message: z.string().trim().min(1, "Describe the change in a few words.").max(500, "Use at most 500 characters."),
  content: promptContentSchema,
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
