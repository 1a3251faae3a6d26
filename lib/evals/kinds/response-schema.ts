import { z } from "zod";

import { checkJsonAgainstSchema } from "@/lib/runs/check-json-against-schema";

import type { EvaluatorKind } from "../evaluator-kind";
import { parseOutputJson } from "./parse-output-json";
import { allowFenceField } from "./shared-fields";

const configSchema = z.object({
  allowFence: allowFenceField,
});

export type ResponseSchemaConfig = z.output<typeof configSchema>;

/**
 * Content that declares no response schema passes, with a reason saying so: the evaluator is often
 * shared by prompts with and without one, and "nothing to check" is not a regression. Add is-json
 * beside it when an answer must be JSON regardless.
 */
export const responseSchema: EvaluatorKind<ResponseSchemaConfig> = {
  kind: "response-schema",
  label: "Matches the response schema",
  description: "The output matches the JSON schema the evaluated version declares in its response format.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    if (!sample.responseSchema)
      return { pass: true, score: 1, reason: "The evaluated content declares no response schema; nothing to check." };
    const parsed = parseOutputJson({ output: sample.output, allowFence: config.allowFence });
    if (!parsed.ok) return { pass: false, score: 0, reason: parsed.reason };
    const check = checkJsonAgainstSchema({ value: parsed.value, schema: sample.responseSchema });
    if (check.schemaError)
      return { pass: false, score: 0, reason: `The response schema could not be checked: ${check.schemaError}` };
    if (check.problems.length > 0) return { pass: false, score: 0, reason: check.problems.join("; ") };
    return { pass: true, score: 1, reason: "The output matches the response schema." };
  },
};
