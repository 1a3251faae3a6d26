import { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { containsFields, evaluateContains } from "./contains";

// contains with ignoreCase fixed on: a kind of its own because that is the name people look for.
const configSchema = z.object(containsFields);

export type IcontainsConfig = z.output<typeof configSchema>;

export const icontains: EvaluatorKind<IcontainsConfig> = {
  kind: "icontains",
  label: "Contains (any case)",
  description: "Like contains, with upper and lower case treated as equal.",
  group: "deterministic",
  configSchema,
  evaluate: ({ config, sample }) =>
    evaluateContains({ config: { ...config, ignoreCase: true }, output: sample.output, expected: sample.expected }),
};
