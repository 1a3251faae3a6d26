import { describe, expect, it } from "vitest";

import { jsonSchema } from "./json-schema";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const schema = {
  type: "object",
  required: ["answer"],
  properties: { answer: { type: "string", minLength: 1 }, confidence: { type: "number", maximum: 1 } },
};
const run = (config: unknown, output: string) =>
  jsonSchema.evaluate({
    config: jsonSchema.configSchema.parse(config),
    sample: sampleForTest({ output }),
    ctx: testContext,
  });

describe("json-schema", () => {
  it("passes JSON that matches and lists every problem otherwise", async () => {
    expect(await run({ schema }, '{"answer":"yes","confidence":0.9}')).toMatchObject({ pass: true, score: 1 });
    const bad = await run({ schema }, '{"confidence":2}');
    expect(bad).toMatchObject({ pass: false, score: 0 });
    expect(bad.reason).toContain("$.answer: is required");
    expect(bad.reason).toContain("$.confidence: must be ≤ 1");
  });

  it("fails invalid JSON and an empty output without consulting the schema", async () => {
    expect((await run({ schema }, "{")).reason).toMatch(/not JSON/);
    expect((await run({ schema }, "")).reason).toMatch(/empty/);
  });

  it("refuses a schema ajv cannot use when it is saved", () => {
    const result = jsonSchema.configSchema.safeParse({ schema: { type: "strnig" } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ["schema"],
      message: expect.stringMatching(/^Not a usable JSON Schema/),
    });
    expect(jsonSchema.configSchema.safeParse({ schema: "not an object" }).success).toBe(false);
  });

  it("checks unicode values and a 1 MB string", async () => {
    expect(await run({ schema }, JSON.stringify({ answer: "日本語 🙂" }))).toMatchObject({ pass: true });
    expect(await run({ schema }, JSON.stringify({ answer: megabyteOutput }))).toMatchObject({ pass: true });
  });

  it("stops a backtracking pattern instead of hanging", async () => {
    const evil = { type: "string", pattern: "^(a+)+$" };
    const verdict = await run({ schema: evil }, JSON.stringify(`${"a".repeat(40)}!`));
    expect(verdict.pass).toBe(false);
    expect(verdict.reason).toMatch(/could not be checked: checking took longer/);
  });
});
