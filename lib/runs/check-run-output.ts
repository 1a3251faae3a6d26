import { checkJsonAgainstSchema } from "@/lib/runs/check-json-against-schema";
import type { ModelConfig } from "@/lib/validations/prompt";

/** Whether an answer asked to be JSON is JSON that fits; null when the settings asked for no JSON. */
export type JsonCheck = { valid: boolean; error?: string } | null;

/** At most this many schema problems are named: the first few say what is wrong, fifty would bury it. */
const PROBLEMS_SHOWN = 5;

/**
 * Checks a model's answer against the response format it was asked for: JSON that parses, and for
 * `json_schema` one that fits the schema. A schema that cannot be used is the prompt author's to
 * fix, so it is reported as "not checked" rather than as a bad answer.
 */
export function checkRunOutput(opts: { output: string; responseFormat: ModelConfig["responseFormat"] }): JsonCheck {
  const format = opts.responseFormat;
  if (format?.type !== "json_object" && format?.type !== "json_schema") return null;
  let value: unknown;
  try {
    value = JSON.parse(opts.output);
  } catch (error) {
    return { valid: false, error: (error as Error).message };
  }
  if (format.type === "json_object") return { valid: true };
  const { problems, schemaError } = checkJsonAgainstSchema({ value, schema: format.schema });
  if (schemaError) return { valid: false, error: `not checked: the response schema cannot be used (${schemaError})` };
  return problems.length
    ? { valid: false, error: `does not fit the response schema: ${problems.slice(0, PROBLEMS_SHOWN).join("; ")}` }
    : { valid: true };
}
