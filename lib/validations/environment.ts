import { z } from "zod";

import { gateOverrideReason } from "@/lib/validations/gate";
import { MAX_INT4 } from "@/lib/validations/int4";

const environmentName = z.string().trim().min(1, "Name the environment.").max(40, "Use at most 40 characters.");
const requiredApprovals = z.number().int().min(1, "At least 1 approval.").max(10, "At most 10 approvals.");

export const environmentInputSchema = z.object({
  name: environmentName,
  protected: z.boolean().default(false),
  requiredApprovals: requiredApprovals.default(1),
});

/**
 * PATCH: every field optional and none defaulted, so a request changes only what it names. Not
 * `environmentInputSchema.partial()`: zod 4 still applies `.default()` inside `.partial()`, and a
 * position-only PATCH (the ↑/↓ buttons) would switch protection off and approvals back to 1.
 */
export const updateEnvironmentSchema = z.object({
  name: environmentName.optional(),
  protected: z.boolean().optional(),
  requiredApprovals: requiredApprovals.optional(),
  position: z.number().int().min(0).max(MAX_INT4).optional(),
});

const pointInTime = z.iso
  .datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-11-24T09:00:00Z." })
  .optional();
/** GET …/environments/{slug}?at=ISO[&from=ISO]: what it ran at `at`, and how it changed since `from`. */
export const environmentAtQuerySchema = z.object({ at: pointInTime, from: pointInTime });
/** DELETE …/environments/{slug}?confirm=true: needed while the environment serves prompts. */
export const deleteEnvironmentQuerySchema = z.object({ confirm: z.string().max(10).optional() });

/** POST …/prompts/{id}/deployments: point an environment at a version (409 if it moved since `expectedVersion`). */
export const deployRequestSchema = z.object({
  environment: z.string().min(1, "Choose an environment."),
  version: z.number().int().min(1).max(MAX_INT4),
  expectedVersion: z.number().int().min(1).max(MAX_INT4).nullable().optional(),
  reason: z.string().max(1000).optional(),
  emergencyRollback: z.boolean().optional(),
  /** ADMIN/OWNER: deploy past an environment's evaluation gate that has not passed, saying why. */
  gateOverrideReason: gateOverrideReason.optional(),
});
