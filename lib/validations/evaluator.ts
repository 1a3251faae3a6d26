// Evaluator rules, shared by the route handlers, the Evaluators page and the OpenAPI document. The
// settings (config) are a plain object here: their kind's own schema checks them in lib/evaluators
// (parseEvaluatorConfig), with problems named config.<field>, because the kinds live on the server.
import { z } from "zod";

export const evaluatorNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");
const kindSchema = z.string({ error: "Choose a kind." }).min(1, "Choose a kind.").max(50);
const weightSchema = z
  .number({ error: "Enter a weight." })
  .min(0, "Use a weight of 0 or more.")
  .max(100, "Use a weight of at most 100.");
const configSchema = z.record(z.string(), z.unknown(), { error: "The settings are an object." });

export const createEvaluatorSchema = z.object({
  name: evaluatorNameSchema,
  kind: kindSchema,
  config: configSchema.default({}),
  negate: z.boolean().default(false),
  weight: weightSchema.default(1),
});
export type CreateEvaluatorInput = z.infer<typeof createEvaluatorSchema>;

// No defaults: a PATCH writes only the fields it names (zod 4 applies defaults inside partial()). A
// new kind needs its config; a config alone is checked against the saved kind (in updateEvaluator).
export const updateEvaluatorSchema = z
  .object({
    name: evaluatorNameSchema.optional(),
    kind: kindSchema.optional(),
    config: configSchema.optional(),
    negate: z.boolean().optional(),
    weight: weightSchema.optional(),
    archived: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== undefined && value.config === undefined)
      ctx.addIssue({ code: "custom", path: ["config"], message: "A new kind needs its settings." });
  });
export type UpdateEvaluatorInput = z.infer<typeof updateEvaluatorSchema>;

export const evaluatorListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
  archived: z.enum(["true", "false"], { error: "archived is true or false." }).optional(),
});

const jsonObject = z.record(z.string().max(200, "Keys use at most 200 characters."), z.unknown());

/** A sample to score on the spot: what a dataset row and a run would give an evaluator. */
export const evalSampleSchema = z.object({
  output: z.string({ error: "Enter the output to score." }).max(1_000_000, "Use at most 1,000,000 characters."),
  expected: z.string().max(1_000_000, "Use at most 1,000,000 characters.").nullable().default(null),
  input: jsonObject.default({}),
  metadata: jsonObject.nullable().default(null),
  latencyMs: z.number().min(0).max(86_400_000).nullable().default(null),
  costUsd: z.number().min(0).max(1_000_000).nullable().default(null),
  responseSchema: jsonObject.nullable().default(null),
});

/** "Try it" on a saved evaluator. */
export const tryEvaluatorSchema = z.object({ sample: evalSampleSchema });

/** "Try it" on an evaluator being written, before it is saved (its settings are checked as it is applied). */
export const tryUnsavedEvaluatorSchema = z.object({
  evaluator: z.object({
    kind: kindSchema,
    config: configSchema.default({}),
    negate: z.boolean().default(false),
    weight: weightSchema.default(1),
  }),
  sample: evalSampleSchema,
});
