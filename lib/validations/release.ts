// Bodies of the release (split) routes: start, ramp, promote to 100 %, abort.
import { z } from "zod";

import { validationError } from "@/lib/errors";
import { armsSchema } from "@/lib/releases/arms";
import { gateOverrideReason } from "@/lib/validations/gate";
import { MAX_INT4 } from "@/lib/validations/int4";

/** A split as a request names it: armsSchema, with version numbers the database can hold. */
export const requestedArmsSchema = armsSchema.refine((arms) => arms.every((arm) => arm.version <= MAX_INT4), {
  message: `A version number is at most ${MAX_INT4}.`,
});

/** A release id as it appears in a URL: what Prisma's cuid() makes, with room to spare. */
export const releaseIdSchema = z
  .string()
  .regex(/^[a-z0-9]{1,64}$/, "A release id is lowercase letters and digits (at most 64).");

const reason = z.string().trim().max(1000, "Keep the reason under 1,000 characters.");
const version = z.number().int().min(1, "A version number starts at 1.").max(MAX_INT4);

/** POST …/prompts/{id}/releases: start a split in an unprotected environment. */
export const startReleaseSchema = z.object({
  environment: z.string().min(1, "Choose an environment.").max(100),
  arms: requestedArmsSchema,
  /** The version the person saw the environment run; a mismatch is a 409. */
  expectedVersion: version.nullable().optional(),
  reason: reason.optional(),
  gateOverrideReason: gateOverrideReason.optional(),
});

/** PATCH …/releases/{id}: ramp, new weights for the same versions, naming the split the person saw. */
export const rampReleaseSchema = z.object({
  arms: requestedArmsSchema,
  expectedArms: requestedArmsSchema,
  reason: reason.optional(),
  gateOverrideReason: gateOverrideReason.optional(),
});

/** POST …/releases/{id}/promote: one arm to 100 %, ending the release. */
export const promoteReleaseSchema = z.object({
  version,
  expectedArms: requestedArmsSchema.optional(),
  reason: reason.optional(),
  gateOverrideReason: gateOverrideReason.optional(),
});

/** POST …/releases/{id}/abort: back to the version the environment ran before the split. */
export const abortReleaseSchema = z.object({
  reason: reason.optional(),
  expectedArms: requestedArmsSchema.optional(),
});

/** The release id of a route's URL, or 422 naming it (never a database lookup with a 10 KB id). */
export function parseReleaseId(value: string): string {
  const parsed = releaseIdSchema.safeParse(value);
  if (!parsed.success) throw validationError([{ path: "releaseId", message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}
