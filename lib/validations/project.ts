import { z } from "zod";

import { auditActions, auditGroupNames } from "@/lib/audit/audit-actions";
import { roles } from "@/lib/auth/permissions";
import { emailSchema } from "@/lib/validations/auth";

export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(80, "Use at most 80 characters.");

export const createProjectSchema = z.object({ name: projectNameSchema });
export const renameProjectSchema = z.object({ name: projectNameSchema });

export const roleSchema = z.enum(roles, { error: `Choose a role: ${roles.join(", ")}.` });

export const createInviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeMemberRoleSchema = z.object({ role: roleSchema });

// The audit filter takes one catalogue action, or a group for all of its actions (what the old
// "starts with member." filter was used for). An empty value is no filter, as a blank form field sends.
const auditActionFilters = [...auditGroupNames, ...auditActions];
const auditActionFilterSchema = z.enum(auditActionFilters, {
  error: `Choose an action or a group: ${auditActionFilters.join(", ")}.`,
});

export const auditQuerySchema = z.object({
  action: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(auditActionFilterSchema.optional())
    .optional(),
  actor: z.string().trim().max(254).optional(),
  from: z.iso.date({ error: "Use a date like 2026-01-31." }).optional(),
  to: z.iso.date({ error: "Use a date like 2026-01-31." }).optional(),
  // Audit ids are bigints: 18 digits stay inside PostgreSQL's range.
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "Invalid cursor.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
