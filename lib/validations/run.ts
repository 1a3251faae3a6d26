import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";
import { modelConfigSchema, promptContentSchema } from "@/lib/validations/prompt";

export const runRequestSchema = z.object({
  /** A saved version, or the editor's current content (unsaved edits included). */
  source: z.union([
    z.object({ version: z.number().int().min(1).max(MAX_INT4) }),
    z.object({ content: promptContentSchema }),
  ]),
  values: z.record(z.string(), z.json()).default({}),
  providerId: z.string().min(1, "Choose a provider (Settings → Providers)."),
  model: z.string().trim().max(200).optional(),
  /**
   * Overrides of the version's model settings for this run only: spread over the version's, so like
   * a PATCH it must hold only what the request sent (modelConfigSchema has no defaults; a test keeps
   * it so, since zod 4 would apply them inside `.partial()`).
   */
  settings: modelConfigSchema.partial().optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;
