import { z } from "zod";
import { MAX_INT4 } from "@/lib/validations/int4";

export const environmentInputSchema = z.object({
  name: z.string().trim().min(1, "Name the environment.").max(40, "Use at most 40 characters."),
  protected: z.boolean().default(false),
  requiredApprovals: z.number().int().min(1, "At least 1 approval.").max(10, "At most 10 approvals.").default(1),
});

export const updateEnvironmentSchema = environmentInputSchema.partial().extend({ position: z.number().int().min(0).max(MAX_INT4).optional() });
