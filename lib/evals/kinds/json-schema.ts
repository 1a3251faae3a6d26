import { z } from "zod";

import { checkJsonAgainstSchema } from "@/lib/runs/check-json-against-schema";

import type { EvaluatorKind } from "../evaluator-kind";
import { parseOutputJson } from "./parse-output-json";
import { allowFenceField } from "./shared-fields";

// ajv compiles each schema once per process (checkJsonAgainstSchema keeps compiled schemas by
// their text), so a run over 10,000 rows compiles this evaluator's schema once.
const configSchema = z.object({
  schema: z
    .record(z.string(), z.unknown(), { message: "Enter a JSON Schema object." })
    .superRefine((schema, ctx) => {
      const { schemaError } = checkJsonAgainstSchema({ value: null, schema });
      if (schemaError) ctx.addIssue({ code: "custom", message: `Not a usable JSON Schema: ${schemaError}` });
    })
    .describe("The JSON Schema (draft-07, 2019-09 or 2020-12) the output must match."),
  allowFence: allowFenceField,
});

export type JsonSchemaConfig = z.output<typeof configSchema>;

export const jsonSchema: EvaluatorKind<JsonSchemaConfig> = {
  kind: "json-schema",
  label: "Matches a JSON Schema",
  description: "The output is JSON that matches a JSON Schema (checked with ajv).",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const parsed = parseOutputJson({ output: sample.output, allowFence: config.allowFence });
    if (!parsed.ok) return { pass: false, score: 0, reason: parsed.reason };
    const check = checkJsonAgainstSchema({ value: parsed.value, schema: config.schema });
    // A schema that compiled when saved may still time out on one output (a backtracking pattern).
    if (check.schemaError)
      return { pass: false, score: 0, reason: `The schema could not be checked: ${check.schemaError}` };
    if (check.problems.length > 0) return { pass: false, score: 0, reason: check.problems.join("; ") };
    return { pass: true, score: 1, reason: "The output matches the schema." };
  },
};
