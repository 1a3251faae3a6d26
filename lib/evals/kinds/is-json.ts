import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { jsonTypeOf, parseOutputJson } from "./parse-output-json";
import { allowFenceField } from "./shared-fields";

const configSchema = z.object({
  type: z
    .enum(["any", "object", "array"])
    .default("any")
    .describe("The JSON value the output must be: any value, an object or an array."),
  allowFence: allowFenceField,
});

export type IsJsonConfig = z.output<typeof configSchema>;

export const isJson: EvaluatorKind<IsJsonConfig> = {
  kind: "is-json",
  label: "Is JSON",
  description: "The output is valid JSON (optionally an object or an array).",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const parsed = parseOutputJson({ output: sample.output, allowFence: config.allowFence });
    if (!parsed.ok) return { pass: false, score: 0, reason: parsed.reason };
    const type = jsonTypeOf(parsed.value);
    if (config.type !== "any" && type !== config.type)
      return { pass: false, score: 0, reason: `The output is JSON, but a ${type}, not an ${config.type}.` };
    return { pass: true, score: 1, reason: `The output is a JSON ${type}.` };
  },
};
