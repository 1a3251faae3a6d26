import { z } from "zod";

import { parseReleaseToken } from "@/lib/releases/arms";
import { MAX_INT4 } from "@/lib/validations/int4";

// POST /api/prompts/{name}/feedback: one schema for validation and the OpenAPI document.

/** Bounds of a numeric score: wide enough for any rating scale, narrow enough that sums of squares stay exact-ish in a double. */
export const MAX_FEEDBACK_SCORE = 1_000_000;
/** Bytes a feedback body may have; refused with 413 above it (the comment is the only long field). */
export const MAX_FEEDBACK_BODY_BYTES = 16 * 1024;

export const feedbackRequestSchema = z
  .object({
    release: z
      .string()
      .max(100, "A release token is at most 100 characters.")
      .refine((token) => parseReleaseToken(token) !== null, {
        message: 'Send the response\'s "release" field as it came, "<release id>.<version>".',
      })
      .optional()
      .describe("The release field of the response that was rated: says the version, environment and split."),
    version: z
      .number()
      .int("Versions are whole numbers.")
      .min(1, "Versions start at 1.")
      .max(MAX_INT4)
      .optional()
      .describe("The version that was rated (the response's version field); needed when there is no release."),
    environment: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "Use an environment's slug, such as production.")
      .max(100)
      .optional()
      .describe("The environment that served it, when there is no release."),
    score: z
      .union(
        [
          z.enum(["up", "down"]),
          z
            .number()
            .min(-MAX_FEEDBACK_SCORE, `A score is at least ${-MAX_FEEDBACK_SCORE}.`)
            .max(MAX_FEEDBACK_SCORE, `A score is at most ${MAX_FEEDBACK_SCORE}.`),
        ],
        { error: 'A score is "up", "down" or a finite number.' },
      )
      .describe('"up" or "down" (thumbs, counted as 1 and -1), or a number on any scale.'),
    comment: z.string().max(2000, "A comment is at most 2000 characters.").default(""),
    traceId: z.string().min(1).max(200, "A trace id is at most 200 characters.").optional(),
    unit: z.string().min(1).max(200, "A unit id is at most 200 characters.").optional(),
  })
  .refine((body) => body.release !== undefined || body.version !== undefined, {
    message: "Say what was rated: the response's release, or its version.",
    path: ["version"],
  });

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
