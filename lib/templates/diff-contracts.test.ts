import { describe, expect, it } from "vitest";

import type { Contract } from "@/lib/templates/contract";
import { diffContracts } from "@/lib/templates/diff-contracts";

describe("diffContracts for a first deployment", () => {
  const contract: Contract = {
    variables: [
      { name: "customer", type: "string", required: true },
      { name: "tone", type: "enum", values: ["formal", "casual"], required: true, default: "formal" },
      { name: "locale", type: "string", required: false },
    ],
  };

  it("calls every variable new and nothing breaking when the environment runs nothing yet", () => {
    const changes = diffContracts(null, contract);
    expect(changes.map((c) => [c.variable, c.kind, c.breaking])).toEqual([
      ["customer", "added", false],
      ["tone", "added", false],
      ["locale", "added", false],
    ]);
    expect(changes.map((c) => c.message)).toEqual([
      "`customer` is new (required).",
      "`tone` is new.",
      "`locale` is new.",
    ]);
  });

  it("still flags a new required variable as breaking when a version runs", () => {
    const running: Contract = { variables: [{ name: "locale", type: "string", required: false }] };
    expect(
      diffContracts(running, contract)
        .filter((c) => c.breaking)
        .map((c) => c.variable),
    ).toEqual(["customer"]);
  });
});
