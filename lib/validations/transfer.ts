// The export file: what `GET …/export` writes and `POST …/import` reads, as JSON or YAML.
import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";
import { chatMessageSchema, contractSchema, modelConfigSchema, promptNameSchema } from "@/lib/validations/prompt";

export const EXPORT_FORMAT_VERSION = 1;

const exportedVersionSchema = z.object({
  number: z.number().int().min(1).max(MAX_INT4),
  message: z.string().trim().min(1, "Each version needs a message.").max(500),
  author: z.string().optional(),
  createdAt: z.string().optional(),
  template: z.string().optional(),
  messages: z.array(chatMessageSchema).optional(),
  contract: contractSchema.default({ variables: [] }),
  modelConfig: modelConfigSchema.default({}),
});

export const exportedPromptSchema = z.object({
  name: promptNameSchema,
  type: z.enum(["text", "chat"], { error: 'type is "text" or "chat".' }),
  description: z.string().max(2000).default(""),
  tags: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Tags use lowercase letters, digits, - and _."))
    .max(20)
    .default([]),
  versions: z.array(exportedVersionSchema).min(1, "A prompt needs at least one version.").max(10_000),
});

export const exportFileSchema = z.object({
  galley: z.literal(EXPORT_FORMAT_VERSION, {
    error: `This is not a Galley export (expected "galley: ${EXPORT_FORMAT_VERSION}" at the top).`,
  }),
  project: z.string().optional(),
  exportedAt: z.string().optional(),
  prompts: z.array(exportedPromptSchema).max(10_000),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportedPrompt = z.infer<typeof exportedPromptSchema>;

export const transferFormatSchema = z.enum(["json", "yaml"], { error: 'format is "json" or "yaml".' });

export const exportQuerySchema = z.object({
  format: transferFormatSchema.default("yaml"),
  prompt: z.string().max(200).optional(),
});
export const importRequestSchema = z.object({
  format: transferFormatSchema,
  content: z.string().min(1, "The file is empty."),
});
