import { describe, expect, it } from "vitest";

import { responseSchema } from "./response-schema";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const schema = {
  type: "object",
  required: ["city"],
  properties: { city: { type: "string" } },
  additionalProperties: false,
};
const run = (output: string, declared: Record<string, unknown> | null, config: unknown = {}) =>
  responseSchema.evaluate({
    config: responseSchema.configSchema.parse(config),
    sample: sampleForTest({ output, responseSchema: declared }),
    ctx: testContext,
  });

describe("response-schema", () => {
  it("checks the output against the sample's declared response schema", async () => {
    expect(await run('{"city":"Zürich"}', schema)).toMatchObject({ pass: true, score: 1 });
    const bad = await run('{"city":1,"extra":true}', schema);
    expect(bad).toMatchObject({ pass: false });
    expect(bad.reason).toContain("$.city: expected string, got integer");
    expect(bad.reason).toContain("$.extra: is not allowed");
  });

  it("passes, saying there is nothing to check, when the content declares no schema", async () => {
    expect(await run("plain words", null)).toMatchObject({
      pass: true,
      score: 1,
      reason: "The evaluated content declares no response schema; nothing to check.",
    });
  });

  it("fails an empty output, invalid JSON and a 1 MB non-JSON output", async () => {
    expect(await run("", schema)).toMatchObject({ pass: false });
    expect(await run('{"city":', schema)).toMatchObject({ pass: false });
    expect(await run(megabyteOutput, schema)).toMatchObject({ pass: false });
  });

  it("reports a declared schema that cannot be used as such", async () => {
    expect((await run("{}", { type: 12 })).reason).toMatch(/^The response schema could not be checked/);
  });
});
