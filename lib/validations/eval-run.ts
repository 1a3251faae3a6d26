import { z } from "zod";

import { MAX_INT4 } from "@/lib/validations/int4";
import { modelConfigSchema, promptContentSchema } from "@/lib/validations/prompt";

// Starting eval runs: from the studio and the review page (session routes) and from CI (/api/evals).

/** Bounds of one run: items are rows × columns, each one model call plus its evaluators. */
export const EVAL_RUN_LIMITS = { items: 20_000, evaluators: 20, columns: 5 } as const;

const versionNumber = z.number().int().min(1, "Versions start at 1.").max(MAX_INT4);
const envSlug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Use an environment's slug, such as production.");
const share = (what: string) =>
  z
    .number({ error: `Give the ${what} as a number from 0 to 1.` })
    .min(0, `The ${what} cannot be below 0.`)
    .max(1, `The ${what} cannot be above 1.`);

const evaluatorIds = z
  .array(z.string().min(1).max(100))
  .min(1, "Choose at least one evaluator.")
  .max(EVAL_RUN_LIMITS.evaluators, `Choose at most ${EVAL_RUN_LIMITS.evaluators} evaluators.`)
  .refine((ids) => new Set(ids).size === ids.length, "Choose each evaluator once.");

/**
 * Laid over every column's own model settings for this run. Like a PATCH it holds only what was
 * sent (modelConfigSchema has no defaults; zod 4 would apply them inside `.partial()`).
 */
export const evalModelOverridesSchema = z.object({
  /** A provider of the project (Settings → Providers); omitted: the prompt's, else the project's first. */
  providerId: z.string().min(1).max(100).optional(),
  model: z.string().trim().min(1).max(200).optional(),
  settings: modelConfigSchema.omit({ provider: true, model: true }).partial().optional(),
});
export type EvalModelOverrides = z.infer<typeof evalModelOverridesSchema>;

/** What a pass means for the CI verdict (GET /api/evals/{number}). */
export const evalCriteriaSchema = z.object({
  minPassRate: share("minimum pass rate")
    .default(1)
    .describe("The candidate's pass rate must be at least this (0–1, default 1: every row)."),
  maxRegression: share("maximum regression")
    .optional()
    .describe("How far the candidate's pass rate may fall below the baseline's (0–1); omitted: no limit."),
});
export type EvalCriteria = z.infer<typeof evalCriteriaSchema>;

/** POST /api/projects/{project}/eval-runs from the studio: a prompt's version or draft over a dataset. */
export const startEvalRunSchema = z.object({
  promptId: z.string().min(1, "Choose a prompt.").max(100),
  /** A saved version, or the editor's content (unsaved edits included). */
  candidate: z.union([z.object({ version: versionNumber }), z.object({ content: promptContentSchema })], {
    error: "Choose a version, or send the draft's content.",
  }),
  /**
   * The environment whose version runs beside the candidate as the baseline. Omitted: production,
   * when it runs this prompt; null: no baseline.
   */
  baseline: envSlug.nullable().optional(),
  /** More versions to run over the same rows. */
  versions: z
    .array(versionNumber)
    .max(EVAL_RUN_LIMITS.columns - 1, `Add at most ${EVAL_RUN_LIMITS.columns - 1} more versions.`)
    .default([]),
  datasetId: z.string().min(1, "Choose a dataset.").max(100),
  /** Omitted: the dataset's latest version. */
  datasetVersion: versionNumber.optional(),
  evaluatorIds,
  modelOverrides: evalModelOverridesSchema.optional(),
  criteria: evalCriteriaSchema.optional(),
});
export type StartEvalRunInput = z.infer<typeof startEvalRunSchema>;

/** POST /api/projects/{project}/eval-runs from the review page: the review's version against its environment. */
export const startReviewEvalRunSchema = z.object({
  reviewNumber: z.number().int().min(1).max(MAX_INT4),
  /** Without a gate on the review's environment, the run needs a dataset and evaluators. */
  datasetId: z.string().min(1).max(100).optional(),
  evaluatorIds: evaluatorIds.optional(),
  modelOverrides: evalModelOverridesSchema.optional(),
});
export type StartReviewEvalRunInput = z.infer<typeof startReviewEvalRunSchema>;

/**
 * Either body. A plain union would answer a mistake in either with one "invalid input" at the top;
 * choosing by `reviewNumber` first lets every problem name its field.
 */
export const evalRunRequestSchema = z.unknown().transform((body, ctx): StartEvalRunInput | StartReviewEvalRunInput => {
  const forReview = typeof body === "object" && body !== null && "reviewNumber" in body;
  const parsed = (forReview ? startReviewEvalRunSchema.strict() : startEvalRunSchema).safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return z.NEVER;
});

/** POST /api/evals: CI names things as people do, and may wait for the verdict. */
export const ciEvalRequestSchema = z
  .object({
    prompt: z.string().min(1).max(200).describe("The prompt's name, e.g. support/refund-reply."),
    version: versionNumber.optional().describe("The version to evaluate (the candidate); or send content."),
    content: promptContentSchema
      .optional()
      .describe("Unsaved content to evaluate instead of a version (a local prompt file), labelled Draft."),
    dataset: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("The dataset's name; its latest version is used. Leave out with gate."),
    evaluators: z
      .array(z.string().min(1).max(200))
      .min(1, "Name at least one evaluator.")
      .max(EVAL_RUN_LIMITS.evaluators, `Name at most ${EVAL_RUN_LIMITS.evaluators} evaluators.`)
      .optional()
      .describe("Evaluator names. Leave out with gate."),
    gate: envSlug
      .optional()
      .describe(
        "Run as this environment's evaluation gate would judge: its dataset, evaluators, minimum pass rate and regression limit, against what it runs.",
      ),
    baseline: envSlug
      .nullable()
      .optional()
      .describe(
        "The environment to compare with (default: the gate's environment, else production, when it runs the prompt); null: none.",
      ),
    minPassRate: evalCriteriaSchema.shape.minPassRate.describe(
      "The candidate's pass rate must be at least this (0–1, default 1: every row); with gate, the gate's.",
    ),
    maxRegression: evalCriteriaSchema.shape.maxRegression.describe(
      "How far the candidate's pass rate may fall below the baseline's (0–1); with gate, the gate's.",
    ),
    wait: z
      .number()
      .int()
      .min(0)
      .max(600, "Wait at most 600 seconds; then poll GET /api/evals/{number}.")
      .default(0)
      .describe("Seconds to wait for the run to finish before answering (0: answer at once)."),
  })
  .superRefine((r, ctx) => {
    if ((r.version === undefined) === (r.content === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["version"],
        message: "Send either the version to evaluate or its content (one of the two).",
      });
    if (r.gate !== undefined) {
      if (r.dataset !== undefined || r.evaluators !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["gate"],
          message: "The gate names the dataset and evaluators: leave dataset and evaluators out.",
        });
      return;
    }
    if (r.dataset === undefined)
      ctx.addIssue({ code: "custom", path: ["dataset"], message: "Name the dataset (or an environment's gate)." });
    if (r.evaluators === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["evaluators"],
        message: "Name at least one evaluator (or an environment's gate).",
      });
  });
export type CiEvalRequest = z.infer<typeof ciEvalRequestSchema>;

/** What CI reads: GET /api/evals/{number}, and POST /api/evals. */
export const ciEvalStatusSchema = z.object({
  number: z.number().int(),
  status: z.enum(["queued", "running", "finished", "cancelled", "failed"]),
  progress: z.object({
    total: z.number().int(),
    done: z.number().int().describe("Rows scored."),
    failed: z.number().int().describe("Rows that could not be run (their error is on the row)."),
  }),
  columns: z.array(
    z.object({
      label: z.string(),
      role: z.enum(["candidate", "baseline"]),
      version: z.number().int().nullable(),
      passRate: z.number().nullable().describe("Passing rows / scored rows (0–1); null until a row is scored."),
      meanScore: z.number().nullable(),
      errors: z.number().int(),
    }),
  ),
  regressions: z
    .object({
      rows: z.number().int().describe("Rows the baseline passed and the candidate failed (or could not run)."),
      positions: z.array(z.number().int()).describe("Their positions in the dataset (the first 50)."),
    })
    .nullable()
    .describe("null without a baseline column."),
  verdict: z.object({
    pass: z.boolean().nullable().describe("null until the run has finished."),
    reasons: z.array(z.string()),
  }),
  url: z.string().describe("The run's page in the studio."),
});
export type CiEvalStatus = z.infer<typeof ciEvalStatusSchema>;
