// Langfuse's prompt API as Galley accepts it (GET/POST /api/public/v2/prompts): Langfuse's field
// names, Galley's rules (prompt names, environments as labels, model settings as config) and bounds.
import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";
import {
  createPromptSchema,
  MAX_MESSAGES,
  MAX_TEMPLATE_BYTES,
  modelConfigSchema,
  promptNameSchema,
} from "@/lib/validations/prompt";
import { unitSchema } from "@/lib/validations/serving";

/** Langfuse's label for the newest version; every other label is an environment's slug. */
export const LATEST_LABEL = "latest";

export const langfuseLabelSchema = z
  .string()
  .max(60, "A label has at most 60 characters.")
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    "A label is a Galley environment's slug (production, staging, development, …) or latest.",
  );

const versionNumber = z.coerce
  .number({ error: "A version is a whole number." })
  .int("A version is a whole number.")
  .min(1, "Versions start at 1.")
  .max(MAX_INT4);

export const langfusePromptQuerySchema = z
  .object({
    label: langfuseLabelSchema.optional(),
    version: versionNumber.optional(),
    resolve: z
      .literal("true", {
        error: "resolve=false is not supported: Galley serves prompts with their references to other prompts resolved.",
      })
      .optional(),
    unit: unitSchema.optional(),
  })
  .refine((q) => !(q.label !== undefined && q.version !== undefined), {
    message: "Ask for a label or a version, not both.",
    path: ["version"],
  });

const isoDate = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z." });

export const listLangfusePromptsQuerySchema = z.object({
  name: z.string().max(200).optional(),
  label: langfuseLabelSchema.optional(),
  tag: z.string().max(40).optional(),
  version: versionNumber.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  fromUpdatedAt: isoDate.optional(),
  toUpdatedAt: isoDate.optional(),
});

const templateText = z
  .string()
  .refine((s) => new TextEncoder().encode(s).length <= MAX_TEMPLATE_BYTES, "A template can be at most 1 MB.");

// Langfuse allows any role; Galley's messages are system, user and assistant (and placeholders).
// A message without `type` is a chat message, as in Langfuse.
const langfuseMessageSchema = z.preprocess(
  (m) => (m && typeof m === "object" && !Array.isArray(m) && !("type" in m) ? { ...m, type: "chatmessage" } : m),
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("placeholder"),
      name: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, "A placeholder's name is a variable name: letters, digits and _."),
    }),
    z.object({
      type: z.literal("chatmessage"),
      role: z.enum(["system", "user", "assistant"], {
        error: "Galley chat messages have the role system, user or assistant (or are placeholders).",
      }),
      content: templateText,
    }),
  ]),
);

const common = {
  name: promptNameSchema,
  /** Model settings, Galley's names (model, temperature, maxTokens, …): an unknown key is refused, not dropped. */
  config: modelConfigSchema.strict().nullish(),
  labels: z.array(langfuseLabelSchema).max(20).default([]),
  // Without its default: tags left out keep the prompt's tags (zod 4 would apply a default even under .optional()).
  tags: createPromptSchema.shape.tags.unwrap().optional(),
  commitMessage: z.string().trim().max(500).nullish(),
  /** The legacy SDK's "deploy to production" flag. */
  isActive: z.boolean().optional(),
};

// Langfuse's `type` defaults to text.
export const createLangfusePromptSchema = z.preprocess(
  (body) =>
    body && typeof body === "object" && !Array.isArray(body) && !("type" in body) ? { ...body, type: "text" } : body,
  z.discriminatedUnion("type", [
    z.object({ ...common, type: z.literal("text"), prompt: templateText }),
    z.object({ ...common, type: z.literal("chat"), prompt: z.array(langfuseMessageSchema).min(1).max(MAX_MESSAGES) }),
  ]),
);

export type CreateLangfusePromptInput = z.infer<typeof createLangfusePromptSchema>;

/** PATCH /api/public/v2/prompts/{name}/versions/{version}: the labels (environments) to move to that version. */
export const updateLangfuseLabelsSchema = z.object({
  newLabels: z
    .array(
      langfuseLabelSchema.refine(
        (label) => label !== LATEST_LABEL,
        "latest always names the newest version; it cannot be moved.",
      ),
    )
    .max(20, "At most 20 labels at a time."),
});
