import { z } from "zod";

import { gateOverrideReason } from "@/lib/validations/gate";
import { MAX_INT4 } from "@/lib/validations/int4";
import { requestedArmsSchema } from "@/lib/validations/release";

const markdown = (what: string) => z.string().trim().max(10_000, `Keep the ${what} under 10,000 characters.`);

export const createReviewSchema = z.object({
  promptId: z.string().min(1, "Choose a prompt."),
  version: z.number().int().min(1, "Choose a version.").max(MAX_INT4),
  environment: z.string().min(1, "Choose the environment to promote to."),
  /**
   * A split to release instead of the whole version ([{ version, weight }], e.g. v6 90 · v7 10): it
   * starts one, or ramps the one the environment runs. `version` is the arm under review.
   */
  arms: requestedArmsSchema.optional(),
  reviewerIds: z
    .array(z.string().min(1))
    .min(1, "Choose at least one reviewer.")
    .max(20, "Choose at most 20 reviewers."),
  title: z.string().trim().max(200, "Keep the title under 200 characters.").default(""),
  description: markdown("message").default(""),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "request-changes"], { message: "Choose approve or request changes." }),
    body: markdown("comment").default(""),
  })
  .refine((v) => v.decision !== "request-changes" || v.body.length > 0, {
    path: ["body"],
    message: "Say what should change: requesting changes needs a comment.",
  });

export const commentSchema = z.object({
  body: markdown("comment").min(1, "Write a comment."),
  /** Reply to this thread (the id of its first comment). */
  threadId: z.string().min(1).optional(),
  /** Start a thread on this line of the version under review. */
  line: z.number().int().min(1, "Lines start at 1.").max(MAX_INT4).optional(),
});

export const resolveThreadSchema = z.object({ resolved: z.boolean() });
export const pushVersionSchema = z.object({ version: z.number().int().min(1, "Choose a version.").max(MAX_INT4) });
export const closeReviewSchema = z.object({
  reopen: z.boolean().default(false),
  body: markdown("comment").default(""),
});
/** POST …/reviews/{n}/promote: `{}`, or an admin's reason to promote past the evaluation gate. */
export const promoteReviewSchema = z.object({ gateOverrideReason: gateOverrideReason.optional() });
export const reviewRunsSchema = z.object({ runIds: z.array(z.string().min(1)).max(20, "Attach at most 20 runs.") });

export const reviewStatuses = ["OPEN", "CHANGES_REQUESTED", "APPROVED", "PROMOTED", "CLOSED"] as const;
export const listReviewsSchema = z.object({
  scope: z.enum(["to-review", "mine", "all"]).default("all"),
  status: z.enum(reviewStatuses).optional(),
  environment: z.string().optional(),
  prompt: z.string().optional(),
  /** Cursor: reviews numbered below this one. */
  before: z.coerce.number().int().min(1).max(MAX_INT4).optional(),
});
export type ListReviewsInput = z.infer<typeof listReviewsSchema>;
