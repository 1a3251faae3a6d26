import type { EvalContext, EvalSample } from "../evaluator-kind";

/** A sample with every field empty but the output, for the kinds' unit tests. */
export function sampleForTest(overrides: Partial<EvalSample> = {}): EvalSample {
  return {
    input: {},
    output: "",
    expected: null,
    metadata: null,
    latencyMs: null,
    costUsd: null,
    responseSchema: null,
    ...overrides,
  };
}

export const testContext: EvalContext = { projectId: "project-for-test", signal: new AbortController().signal };

/** About 1 MB of text, the "huge output" every kind must handle without trouble. */
export const megabyteOutput = "lorem ipsum dolor sit amet ".repeat(40_000);
