import type { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { checkCountRange, countRangeSchema } from "./count-range";

const configSchema = countRangeSchema("characters");

export type CharCountConfig = z.output<typeof configSchema>;

/** Characters are Unicode code points, so an emoji outside the BMP is one, not two UTF-16 units. */
export const countChars = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

export const charCount: EvaluatorKind<CharCountConfig> = {
  kind: "char-count",
  label: "Character count in range",
  description: "The output has between a minimum and a maximum number of characters.",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) =>
    checkCountRange({ count: countChars(sample.output), range: config, unit: "characters" }),
};
