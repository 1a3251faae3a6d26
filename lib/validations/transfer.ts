// The export file: what `GET …/export` writes and `POST …/import` reads, as JSON or YAML.
import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";
import {
  chatMessageSchema,
  contractSchema,
  modelConfigSchema,
  promptContentSchema,
  promptNameSchema,
} from "@/lib/validations/prompt";

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

const promptTypeSchema = z.enum(["text", "chat"], { error: 'type is "text" or "chat".' });
const descriptionSchema = z.string().max(2000).default("");
const tagsSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Tags use lowercase letters, digits, - and _."))
  .max(20)
  .default([]);

export const exportedPromptSchema = z.object({
  name: promptNameSchema,
  type: promptTypeSchema,
  description: descriptionSchema,
  tags: tagsSchema,
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

/**
 * One prompt's file (`support/refund-reply.prompt.yaml`), as `galley pull` writes it and `galley
 * push` and the studio's import read it: an export's prompt keys with one version's content in
 * place of `versions`. Strict, so a misspelt key is named rather than silently dropped. `name` may
 * be left out where the file's path says it; `message` is the version message an import uses.
 */
export const promptFileSchema = z
  .object({
    galley: z.literal(EXPORT_FORMAT_VERSION).optional(),
    name: promptNameSchema.optional(),
    type: promptTypeSchema,
    description: descriptionSchema,
    tags: tagsSchema,
    message: z.string().trim().min(1, "Leave message out or say what changed.").max(500).optional(),
    template: promptContentSchema.shape.template,
    messages: promptContentSchema.shape.messages,
    contract: exportedVersionSchema.shape.contract,
    modelConfig: exportedVersionSchema.shape.modelConfig,
  })
  .strict();

export type PromptFile = z.infer<typeof promptFileSchema>;

/** A prompt file's name ends with this; the path before it is the prompt's name. */
export const PROMPT_FILE_SUFFIX = ".prompt.yaml";

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
