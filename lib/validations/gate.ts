import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";

const share = (what: string) =>
  z
    .number({ error: `Give the ${what} as a number from 0 to 1.` })
    .min(0, `The ${what} cannot be below 0%.`)
    .max(1, `The ${what} cannot be above 100%.`);

/**
 * PUT …/environments/{slug}/gate: the whole gate, replaced at once (no PATCH, so no partial with
 * defaults). Rates are shares (0.9 = 90%); the settings form converts from percent.
 */
export const setGateSchema = z.object({
  datasetId: z.string().min(1, "Choose a dataset."),
  evaluatorIds: z
    .array(z.string().min(1))
    .min(1, "Choose at least one evaluator.")
    .max(20, "Choose at most 20 evaluators.")
    .refine((ids) => new Set(ids).size === ids.length, "Choose each evaluator once."),
  minPassRate: share("minimum pass rate"),
  /** How far the pass rate may fall below what the environment runs now; null: no limit. */
  maxRegression: share("maximum regression").nullable(),
});
export type SetGateInput = z.infer<typeof setGateSchema>;

/** GET …/environments/{slug}/gate?promptId=…&version=…: the gate, and with both, how that version stands against it. */
export const gateQuerySchema = z
  .object({
    promptId: z.string().min(1).max(100).optional(),
    version: z.coerce.number().int().min(1).max(MAX_INT4).optional(),
  })
  .refine((q) => (q.promptId === undefined) === (q.version === undefined), {
    path: ["version"],
    message: "Give promptId and version together.",
  });

/** An admin's reason for promoting past a gate that has not passed (stored on the deployment). */
export const gateOverrideReason = z
  .string()
  .trim()
  .min(1, "Say why the gate may be skipped.")
  .max(1000, "Keep the reason under 1,000 characters.");
