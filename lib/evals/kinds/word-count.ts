import type { z } from "zod";

import type { EvaluatorKind } from "../evaluator-kind";
import { checkCountRange, countRangeSchema } from "./count-range";

const configSchema = countRangeSchema("words");

export type WordCountConfig = z.output<typeof configSchema>;

/**
 * Words are runs of characters between spaces or line breaks (any Unicode white space). Scripts
 * written without spaces (Chinese, Japanese, Thai) count a run as one word: use char-count there.
 */
export const countWords = (text: string) => text.match(/\S+/gu)?.length ?? 0;

export const wordCount: EvaluatorKind<WordCountConfig> = {
  kind: "word-count",
  label: "Word count in range",
  description: "The output has between a minimum and a maximum number of words (separated by white space).",
  group: "deterministic",
  configSchema,
  evaluate: async ({ config, sample }) =>
    checkCountRange({ count: countWords(sample.output), range: config, unit: "words" }),
};
