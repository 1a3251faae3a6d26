import { z } from "zod";

import { evalRunStatuses } from "@/lib/validations/eval-run-statuses";
import { MAX_INT4 } from "@/lib/validations/int4";

export { evalRunStatuses, liveEvalRunStatuses, type EvalRunStatus } from "@/lib/validations/eval-run-statuses";

// Query values arrive as text; a number past int4 would otherwise reach PostgreSQL as a 500.
const runNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `${name} is a run number.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_INT4, `${name} must be a whole number from 1 to ${MAX_INT4}.`);

/** GET …/eval-runs: newest first; `before` is the last run number of the previous page. */
export const listEvalRunsSchema = z.object({
  prompt: z.string().trim().max(200, "prompt is a prompt name or part of one.").optional(),
  status: z.enum(evalRunStatuses, { message: `status is one of ${evalRunStatuses.join(", ")}.` }).optional(),
  before: runNumber("before").optional(),
});
export type ListEvalRunsInput = z.infer<typeof listEvalRunsSchema>;

export const matrixFilters = ["failures", "differences", "regressions"] as const;
export type MatrixFilter = (typeof matrixFilters)[number];

/**
 * The matrix's filters: failures only (a cell failed or errored), differences only (cells of a row
 * differ in pass or output), regressions only (the reference column passes, another fails); `q`
 * searches values, expected and outputs; `after` is the last row position of the previous page.
 */
export const matrixQuerySchema = z.object({
  filter: z.enum(matrixFilters, { message: `filter is one of ${matrixFilters.join(", ")}.` }).optional(),
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  after: z
    .string()
    .regex(/^\d{1,10}$/, "after is the nextAfter of a previous page.")
    .transform(Number)
    .refine((n) => n <= MAX_INT4, "after is the nextAfter of a previous page.")
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "limit is a number from 1 to 100.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, "limit is a number from 1 to 100.")
    .optional(),
});
export type MatrixQuery = z.infer<typeof matrixQuerySchema>;

/** GET …/eval-runs/compare?a=&b=: two finished runs of one dataset version, with the matrix's filters. */
export const compareEvalRunsSchema = matrixQuerySchema.extend({ a: runNumber("a"), b: runNumber("b") });

export const exportEvalRunSchema = matrixQuerySchema.omit({ after: true, limit: true }).extend({
  format: z.enum(["csv", "json"], { message: "format is csv or json." }).default("csv"),
});
