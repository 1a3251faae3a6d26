import "server-only";

import { z } from "zod";

import { AppError } from "@/lib/errors";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { executeRun } from "@/lib/runs/execute-run";
import { parseTemplate } from "@/lib/templates/parse-template";
import { renderTemplate, TemplateError } from "@/lib/templates/render-template";

import type { EvaluatorKind } from "../evaluator-kind";

const JUDGE_INSTRUCTIONS = (min: number, max: number) =>
  `You are an evaluator. Judge the answer described by the user with the rubric given. Reply with a JSON object and nothing else: {"score": <an integer from ${min} to ${max}, higher is better>, "reasoning": "<one short paragraph>"}.`;

const configSchema = z
  .object({
    providerId: z
      .string()
      .min(1, "Choose a provider.")
      .max(100)
      .describe("The provider that runs the judge (Settings → Providers)."),
    model: z.string().trim().min(1, "Enter a model.").max(200).describe("The judge's model, e.g. gpt-4o-mini."),
    rubric: z
      .string()
      .min(1, "Write the rubric.")
      .max(20_000, "Use at most 20,000 characters.")
      .superRefine((rubric, ctx) => {
        const problems = parseTemplate(rubric).problems;
        for (const p of problems.slice(0, 5))
          ctx.addIssue({
            code: "custom",
            message: `Line ${p.span.start.line}, column ${p.span.start.column}: ${p.message}`,
          });
      })
      .describe(
        "What the judge checks, as a template over {{input.<variable>}}, {{output}}, {{expected}} and {{metadata.<key>}}.",
      ),
    scaleMin: z
      .number()
      .int("Use a whole number.")
      .min(0)
      .max(100)
      .default(1)
      .describe("The lowest score the judge gives."),
    scaleMax: z
      .number()
      .int("Use a whole number.")
      .min(1)
      .max(100)
      .default(5)
      .describe("The highest score the judge gives."),
    passAt: z.number().min(0).max(100).default(4).describe("The least score (on the judge's scale) that passes."),
    temperature: z.number().min(0).max(2).default(0).describe("The judge's temperature; 0 answers most consistently."),
  })
  .refine((c) => c.scaleMin < c.scaleMax, {
    message: "The highest score must be above the lowest.",
    path: ["scaleMax"],
  })
  .refine((c) => c.passAt >= c.scaleMin && c.passAt <= c.scaleMax, {
    message: "The passing score must be on the scale.",
    path: ["passAt"],
  });

export type LlmJudgeConfig = z.output<typeof configSchema>;

const judgeAnswerSchema = z.object({ score: z.number(), reasoning: z.string().max(20_000).default("") });

/** The judge's JSON, bounded and on the scale; null with the problem otherwise. */
function readJudgeAnswer(output: string, config: LlmJudgeConfig): { score: number; reasoning: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(output);
  } catch {
    return `The judge did not answer JSON: ${JSON.stringify(output.slice(0, 200))}.`;
  }
  const parsed = judgeAnswerSchema.safeParse(value);
  if (!parsed.success) return `The judge's JSON lacks a numeric "score": ${JSON.stringify(output.slice(0, 200))}.`;
  if (parsed.data.score < config.scaleMin || parsed.data.score > config.scaleMax)
    return `The judge's score ${parsed.data.score} is outside the scale ${config.scaleMin}–${config.scaleMax}.`;
  return parsed.data;
}

/**
 * An LLM grades the output with a rubric. The judge is asked for {score, reasoning} with
 * response_format json_object; its score is mapped from its scale onto 0–1 and its reasoning
 * becomes the verdict's reason. Its tokens and cost are reported so they count toward the run.
 * A provider failure or an unreadable judge answer throws (the row's error, retried by a run):
 * it says nothing about the output being judged.
 */
export const llmJudge: EvaluatorKind<LlmJudgeConfig> = {
  kind: "llm-judge",
  label: "LLM judge",
  description: "A model grades the output with your rubric on a score scale; its reasoning is kept.",
  group: "llm",
  configSchema,
  evaluate: async ({ config, sample, ctx }) => {
    let rubric: string;
    try {
      rubric = renderTemplate({
        template: config.rubric,
        values: {
          input: sample.input,
          output: sample.output,
          expected: sample.expected ?? "",
          metadata: sample.metadata ?? {},
        },
      });
    } catch (error) {
      if (error instanceof TemplateError)
        throw new AppError({
          code: "validation_failed",
          message: `The judge's rubric cannot be rendered: ${error.message}`,
        });
      throw error;
    }
    const provider = await getProviderClient({ projectId: ctx.projectId, providerId: config.providerId });
    const result = await executeRun({
      projectId: ctx.projectId,
      provider,
      model: config.model,
      settings: { temperature: config.temperature, responseFormat: { type: "json_object" } },
      signal: ctx.signal,
      messages: [
        { role: "system", content: JUDGE_INSTRUCTIONS(config.scaleMin, config.scaleMax) },
        { role: "user", content: rubric },
      ],
    });
    if (result.failure)
      throw new AppError({
        code: result.failure.code === "rate_limited" ? "rate_limited" : "unavailable",
        message: `The judge (${provider.name}, ${config.model}) failed: ${result.failure.message}`,
        details: { failure: result.failure },
        ...(result.failure.retryAfterSeconds
          ? { headers: { "retry-after": String(result.failure.retryAfterSeconds) } }
          : {}),
      });
    const answer = readJudgeAnswer(result.output, config);
    if (typeof answer === "string") throw new AppError({ code: "unavailable", message: answer });
    const score = (answer.score - config.scaleMin) / (config.scaleMax - config.scaleMin);
    const pass = answer.score >= config.passAt;
    return {
      pass,
      score,
      reason: answer.reasoning || `Scored ${answer.score} of ${config.scaleMax} (no reasoning given).`,
      ...(result.costUsd === null ? {} : { costUsd: result.costUsd }),
      ...(result.usage.inputTokens === null ? {} : { inputTokens: result.usage.inputTokens }),
      ...(result.usage.outputTokens === null ? {} : { outputTokens: result.usage.outputTokens }),
    };
  },
};
