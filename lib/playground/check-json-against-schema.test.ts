import { describe, expect, it } from "vitest";
import { checkJsonAgainstSchema } from "@/lib/playground/check-json-against-schema";

const schema = {
  type: "object",
  properties: {
    queue: { type: "string", enum: ["billing", "shipping", "other"] },
    urgent: { type: "boolean" },
    score: { type: "number", minimum: 0, maximum: 1 },
    tags: { type: "array", items: { type: "string" }, maxItems: 2 },
  },
  required: ["queue", "urgent"],
  additionalProperties: false,
};

describe("checkJsonAgainstSchema", () => {
  it("accepts a fitting answer", () => {
    expect(checkJsonAgainstSchema({ queue: "billing", urgent: false, score: 0.5, tags: ["a"] }, schema)).toEqual([]);
  });

  it("lists every mismatch with its path", () => {
    expect(checkJsonAgainstSchema({ queue: "sales", score: 2, tags: ["a", 3, "c"], extra: 1 }, schema)).toEqual([
      "$.urgent: is required",
      '$.queue: must be one of "billing", "shipping", "other"',
      "$.score: must be ≤ 1",
      "$.tags: must have at most 2 items",
      "$.tags[1]: expected string, got integer",
      "$.extra: is not allowed",
    ]);
    expect(checkJsonAgainstSchema([1], schema)).toEqual(["$: expected object, got array"]);
  });
});
