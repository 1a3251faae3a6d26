import { describe, expect, it } from "vitest";

import { checkRunOutput } from "@/lib/runs/check-run-output";

const schema = {
  type: "object",
  properties: { answer: { type: "string" } },
  required: ["answer"],
  additionalProperties: false,
};

describe("checkRunOutput", () => {
  it("checks nothing when the settings ask for text (or say nothing)", () => {
    expect(checkRunOutput({ output: "not json", responseFormat: undefined })).toBeNull();
    expect(checkRunOutput({ output: "not json", responseFormat: { type: "text" } })).toBeNull();
  });

  it("says why an answer asked to be JSON is not JSON", () => {
    expect(checkRunOutput({ output: '{"answer": "yes"}', responseFormat: { type: "json_object" } })).toEqual({
      valid: true,
    });
    expect(checkRunOutput({ output: "Sure! Here is", responseFormat: { type: "json_object" } })).toEqual({
      valid: false,
      error: expect.stringMatching(/JSON/),
    });
    expect(checkRunOutput({ output: "", responseFormat: { type: "json_schema", name: "reply", schema } })).toEqual({
      valid: false,
      error: expect.stringMatching(/JSON/),
    });
  });

  it("names where the JSON does not fit the response schema, at most five places", () => {
    expect(
      checkRunOutput({ output: '{"answer": "yes"}', responseFormat: { type: "json_schema", name: "reply", schema } }),
    ).toEqual({ valid: true });
    expect(
      checkRunOutput({ output: '{"echo": 1}', responseFormat: { type: "json_schema", name: "reply", schema } }),
    ).toEqual({
      valid: false,
      error: "does not fit the response schema: $.answer: is required; $.echo: is not allowed",
    });
    const many = JSON.stringify(Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((k) => [k, 1])));
    const { error } = checkRunOutput({
      output: many,
      responseFormat: { type: "json_schema", name: "reply", schema: { type: "object", additionalProperties: false } },
    })!;
    expect(error?.split("; ")).toEqual([
      "does not fit the response schema: $.a: is not allowed",
      "$.b: is not allowed",
      "$.c: is not allowed",
      "$.d: is not allowed",
      "$.e: is not allowed",
    ]);
  });

  it("reports a schema it cannot use as not checked, not as a bad answer", () => {
    const check = checkRunOutput({
      output: '{"answer": "yes"}',
      responseFormat: {
        type: "json_schema",
        name: "reply",
        schema: { $schema: "https://example.com/my-dialect", type: "object" },
      },
    });
    expect(check).toEqual({
      valid: false,
      error: expect.stringMatching(
        /^not checked: the response schema cannot be used \(\$schema "https:\/\/example.com\/my-dialect" is not a version Galley checks/,
      ),
    });
  });
});
