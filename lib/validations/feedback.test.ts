import { describe, expect, it } from "vitest";

import { feedbackRequestSchema, MAX_FEEDBACK_ID } from "@/lib/validations/feedback";

const issues = (body: unknown) =>
  feedbackRequestSchema.safeParse(body).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("feedbackRequestSchema: id", () => {
  it("is optional, and kept as sent", () => {
    expect(feedbackRequestSchema.parse({ version: 1, score: "up" }).id).toBeUndefined();
    const id = "A-z_0.9:" + "x".repeat(MAX_FEEDBACK_ID - 8);
    expect(feedbackRequestSchema.parse({ id, version: 1, score: "up" }).id).toBe(id);
    expect(feedbackRequestSchema.parse({ id: "550e8400-e29b-41d4-a716-446655440000", version: 1, score: 1 }).id).toBe(
      "550e8400-e29b-41d4-a716-446655440000",
    );
  });

  it("refuses an empty, too long or oddly spelled id, naming the field", () => {
    const message = 'id: The id is 1 to 100 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".';
    for (const id of ["", "x".repeat(MAX_FEEDBACK_ID + 1), "a b", "a/b", "é", "a\n"])
      expect(issues({ id, version: 1, score: "up" }), JSON.stringify(id)).toEqual([message]);
    expect(issues({ id: 42, version: 1, score: "up" })).toEqual([expect.stringMatching(/^id: /)]);
  });
});
