import { describe, expect, it } from "vitest";

import { sameContent } from "@/components/collab/same-content";

describe("sameContent", () => {
  const base = {
    template: "Hi {{name}}",
    contract: { variables: [{ name: "name", type: "string" as const, required: true }] },
    modelConfig: { model: "m", temperature: 0.2 },
  };
  it("ignores key order and unset values", () => {
    expect(
      sameContent(base, {
        modelConfig: { temperature: 0.2, model: "m", topP: undefined },
        contract: { variables: [{ required: true, type: "string", name: "name" }] },
        template: "Hi {{name}}",
      }),
    ).toBe(true);
  });
  it("sees a changed text, setting or declaration", () => {
    expect(sameContent(base, { ...base, template: "Hi {{name}}!" })).toBe(false);
    expect(sameContent(base, { ...base, modelConfig: { model: "m" } })).toBe(false);
    expect(
      sameContent(base, {
        ...base,
        contract: { variables: [{ name: "name", type: "string", required: false }] },
      }),
    ).toBe(false);
  });
});
