// Prompt content (template or messages, contract, model config): the one schema that validates
// requests, forms and imports, describes the OpenAPI document, and parses what the database
// returns. Browser-safe like the rest of lib/templates (relative imports and zod only).
//
// The template code the SDK bundles (contract.ts, render-prompt.ts) declares the same types written
// out, because the SDK ships its type declarations without zod; the checks at the end of this file
// fail the type-check the moment the two differ, so they cannot drift.
import { z } from "zod";

import { variableTypes, type Contract, type VariableSpec } from "./contract";
import type { ModelSettings, PromptMessage } from "./render-prompt";

export const MAX_TEMPLATE_BYTES = 1024 * 1024;
export const MAX_MESSAGES = 200;

const bytes = (s: string) => new TextEncoder().encode(s).length;

const templateText = z.string().refine((s) => bytes(s) <= MAX_TEMPLATE_BYTES, `A template can be at most 1 MB.`);
const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Variable names use letters, digits and _, and do not start with a digit.");

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
  .refine((v) => v.type !== "enum" || (v.values?.length ?? 0) > 0, {
    message: "An enum needs at least one value.",
    path: ["values"],
  });

export const contractSchema = z
  .object({ variables: z.array(variableSpecSchema).max(500) })
  .refine((c) => new Set(c.variables.map((v) => v.name)).size === c.variables.length, {
    message: "Each variable may be declared once.",
    path: ["variables"],
  });

const jsonObject = z.record(z.string(), z.json());

export const modelConfigSchema = z.object({
  provider: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  temperature: z
    .number()
    .min(0, "Temperature is between 0 and 2.")
    .max(2, "Temperature is between 0 and 2.")
    .optional(),
  maxTokens: z.number().int().min(1, "Max tokens must be at least 1.").max(1_000_000).optional(),
  topP: z.number().min(0, "top_p is between 0 and 1.").max(1, "top_p is between 0 and 1.").optional(),
  stop: z.array(z.string().min(1).max(200)).max(4, "At most 4 stop sequences.").optional(),
  responseFormat: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("text") }),
      z.object({ type: z.literal("json_object") }),
      z.object({
        type: z.literal("json_schema"),
        name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Schema name: letters, digits, _ and -."),
        schema: jsonObject,
        strict: z.boolean().optional(),
      }),
    ])
    .optional(),
  tools: z
    .array(
      z.object({
        type: z.literal("function"),
        function: z.object({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
          description: z.string().max(2000).optional(),
          parameters: jsonObject,
        }),
      }),
    )
    .max(128)
    .optional(),
});
export type ModelConfig = z.infer<typeof modelConfigSchema>;

/** The editable content of a prompt: what a draft holds and a version freezes. */
export const promptContentSchema = z.object({
  template: templateText.optional(),
  messages: z
    .array(chatMessageSchema)
    .max(MAX_MESSAGES, `A chat prompt can have at most ${MAX_MESSAGES} messages.`)
    .optional(),
  contract: contractSchema,
  modelConfig: modelConfigSchema,
});
export type PromptContent = z.infer<typeof promptContentSchema>;

// Each written-out type equals the schema's, on the side requests are read (input) and the side
// values come out (output). A mismatch makes `Same<…>` false, which `Holds` refuses: a type error.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type WrittenTypesMatchTheSchema = [
  Holds<Same<VariableSpec, z.output<typeof variableSpecSchema>>>,
  Holds<Same<VariableSpec, z.input<typeof variableSpecSchema>>>,
  Holds<Same<Contract, z.output<typeof contractSchema>>>,
  Holds<Same<Contract, z.input<typeof contractSchema>>>,
  Holds<Same<PromptMessage, ChatMessage>>,
  Holds<Same<PromptMessage, z.input<typeof chatMessageSchema>>>,
  Holds<Same<ModelSettings, ModelConfig>>,
  Holds<Same<ModelSettings, z.input<typeof modelConfigSchema>>>,
];
