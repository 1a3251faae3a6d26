// POST /api/prompts/{name}/feedback: how an application reports what its users thought of an
// answer. One schema for the route, the OpenAPI document and the SDKs' documentation.
import { z } from "zod";

import { parseReleaseToken } from "@/lib/releases/arms";
import { MAX_INT4 } from "@/lib/validations/int4";
import { envSlug, unitSchema } from "@/lib/validations/serving";

export const MAX_FEEDBACK_COMMENT = 2000;
/** The largest numeric score, either way: a rating scale, not an arbitrary number. */
export const MAX_FEEDBACK_SCORE = 1_000_000;
/** Bytes a feedback body may have; a larger declared body is refused with 413 before it is read. */
export const MAX_FEEDBACK_BODY_BYTES = 16 * 1024;
/** A feedback id (the client's idempotency key): letters, digits and . _ : - */
export const MAX_FEEDBACK_ID = 100;
const FEEDBACK_ID_MESSAGE = `The id is 1 to ${MAX_FEEDBACK_ID} characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".`;

export const feedbackRequestSchema = z
  .object({
    id: z
      .string()
      .regex(new RegExp(`^[A-Za-z0-9._:-]{1,${MAX_FEEDBACK_ID}}$`), FEEDBACK_ID_MESSAGE)
      .optional()
      .describe(
        "Your key for this rating, so a retry is stored once: a rating whose id this prompt already has is not stored again (the first one is kept) and is still answered 202, since a client cannot tell which attempt arrived. Pick a new one per rating (a UUID) and send the same one on every retry. The SDKs do this.",
      ),
    release: z
      .string()
      .max(100)
      .refine((token) => parseReleaseToken(token) !== null, 'A release is the "release" field of a served answer.')
      .optional()
      .describe(
        'The served answer\'s "release" ("<releaseId>.<version>"): names the version and the arm of the split.',
      ),
    version: z
      .number()
      .int()
      .min(1, "Versions start at 1.")
      .max(MAX_INT4)
      .optional()
      .describe('The served version, when the answer had no "release" (an environment running one version).'),
    environment: envSlug.optional().describe("The environment the answer came from."),
    score: z
      .union(
        [
          z.enum(["up", "down"]),
          z
            .number()
            .min(-MAX_FEEDBACK_SCORE, `A score is from -${MAX_FEEDBACK_SCORE} to ${MAX_FEEDBACK_SCORE}.`)
            .max(MAX_FEEDBACK_SCORE, `A score is from -${MAX_FEEDBACK_SCORE} to ${MAX_FEEDBACK_SCORE}.`),
        ],
        { error: 'A score is "up", "down" or a finite number.' },
      )
      .describe('"up" or "down" (thumbs: +1 and -1), or a number on your own scale.'),
    comment: z
      .string()
      .max(MAX_FEEDBACK_COMMENT, `A comment is at most ${MAX_FEEDBACK_COMMENT} characters.`)
      .optional(),
    traceId: z
      .string()
      .max(200, "A trace id is at most 200 characters.")
      .optional()
      .describe("Your trace or request id, to find the conversation again."),
    unit: unitSchema.optional(),
  })
  .refine((f) => f.release !== undefined || f.version !== undefined, {
    message: 'Say which version was rated: send the answer\'s "release", or its "version".',
    path: ["version"],
  })
  .refine(
    (f) => f.release === undefined || f.version === undefined || parseReleaseToken(f.release)?.version === f.version,
    { message: 'The version differs from the one in "release"; send one of them.', path: ["version"] },
  );

export type FeedbackRequest = z.output<typeof feedbackRequestSchema>;
