import vm from "node:vm";
import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";

/**
 * Guards against catastrophic patterns (ReDoS): a pattern such as (a+)+$ backtracks for minutes on
 * the wrong text. Two bounds: only the first MAX_REGEX_INPUT characters of an output are searched
 * (the reason says so when an output is longer), and the search runs under a vm timeout, which V8
 * enforces inside regular expressions too; a search that hits it fails the sample with a reason.
 */
export const MAX_REGEX_INPUT = 100_000;
// Generous beside ajv's 100 ms: a sound pattern on 100,000 characters stays far under it even on a loaded machine.
export const REGEX_TIMEOUT_MS = 250;

const sandbox = vm.createContext({ pattern: null as RegExp | null, text: "" });
const runTest = new vm.Script("pattern.test(text)");

const configSchema = z
  .object({
    pattern: z
      .string()
      .min(1, "Enter a regular expression.")
      .max(2_000, "Use at most 2,000 characters.")
      .describe("A JavaScript regular expression, without the surrounding slashes."),
    // g and y make test() stateful (lastIndex), so one output's result would depend on the last one.
    flags: z
      .string()
      .regex(/^[imsu]*$/, "Use the flags i, m, s and u only.")
      .default("")
      .describe("i: ignore case, m: ^ and $ match at line breaks, s: . matches line breaks, u: Unicode."),
  })
  .superRefine((config, ctx) => {
    try {
      new RegExp(config.pattern, config.flags);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message: `Not a valid regular expression: ${(error as Error).message}`,
      });
    }
  });

export type RegexConfig = z.output<typeof configSchema>;

export const regex: EvaluatorKind<RegexConfig> = {
  kind: "regex",
  label: "Matches a regular expression",
  description: "The output matches a regular expression (anywhere, unless the pattern is anchored with ^ and $).",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) => {
    const pattern = new RegExp(config.pattern, config.flags);
    const cut = sample.output.length > MAX_REGEX_INPUT;
    const text = cut ? sample.output.slice(0, MAX_REGEX_INPUT) : sample.output;
    const note = cut ? ` (only the first ${MAX_REGEX_INPUT.toLocaleString("en")} characters were searched)` : "";
    let pass: boolean;
    try {
      Object.assign(sandbox, { pattern, text });
      pass = runTest.runInContext(sandbox, { timeout: REGEX_TIMEOUT_MS }) as boolean;
    } catch (error) {
      if ((error as { code?: string }).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw error;
      return {
        pass: false,
        score: 0,
        reason: `The pattern took longer than ${REGEX_TIMEOUT_MS} ms on this output and was stopped; it may backtrack without end (simplify nested repeats such as (a+)+)${note}.`,
      };
    } finally {
      Object.assign(sandbox, { pattern: null, text: "" });
    }
    return {
      pass,
      score: pass ? 1 : 0,
      reason: `The output ${pass ? "matches" : "does not match"} /${config.pattern}/${config.flags}${note}.`,
    };
  },
};
