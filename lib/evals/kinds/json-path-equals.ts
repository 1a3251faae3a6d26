import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { jsonEqual, parseJsonPath, readJsonPath } from "./json-path";
import { parseOutputJson } from "./parse-output-json";
import { allowFenceField } from "./shared-fields";

const configSchema = z.object({
  path: z
    .string()
    .superRefine((path, ctx) => {
      const parsed = parseJsonPath(path);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    })
    .describe('Where to look in the output\'s JSON: $.name, $["any key"], $.list[0] ([-1] is the last item).'),
  value: z
    .json()
    .optional()
    .describe("The JSON value expected there; leave empty to use the row's expected output (read as JSON when it is)."),
  allowFence: allowFenceField,
});

export type JsonPathEqualsConfig = z.output<typeof configSchema>;

function expectedValue(
  config: JsonPathEqualsConfig,
  expected: string | null,
): { ok: true; value: unknown } | { ok: false } {
  if (config.value !== undefined) return { ok: true, value: config.value };
  if (expected === null) return { ok: false };
  // An expected output of 42 means the number when it parses as JSON, the text otherwise.
  try {
    return { ok: true, value: JSON.parse(expected) };
  } catch {
    return { ok: true, value: expected };
  }
}

const shown = (v: unknown) => {
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

export const jsonPathEquals: EvaluatorKind<JsonPathEqualsConfig> = {
  kind: "json-path-equals",
  label: "JSON path equals",
  description: "The output is JSON and the value at a path (e.g. $.answer.id) equals a given JSON value.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const parsed = parseOutputJson({ output: sample.output, allowFence: config.allowFence });
    if (!parsed.ok) return { pass: false, score: 0, reason: parsed.reason };
    const want = expectedValue(config, sample.expected);
    if (!want.ok)
      return {
        pass: false,
        score: 0,
        reason: "Nothing to compare with: no value is configured and the row has no expected output.",
      };
    const path = parseJsonPath(config.path);
    if (!path.ok) throw new Error(`Invalid JSON path ${config.path}: ${path.message}`);
    const at = readJsonPath(parsed.value, path.segments);
    if (!at.found) return { pass: false, score: 0, reason: `The output has nothing at ${config.path}.` };
    const pass = jsonEqual(at.value, want.value);
    return {
      pass,
      score: pass ? 1 : 0,
      reason: pass
        ? `${config.path} is ${shown(at.value)}.`
        : `${config.path} is ${shown(at.value)}, expected ${shown(want.value)}.`,
    };
  },
};
