import { describe, expect, it } from "vitest";

import { detectVariables, reconcileContract, type Contract } from "@/lib/templates/contract";
import { diffContracts } from "@/lib/templates/diff-contracts";
import { parseTemplate } from "@/lib/templates/parse-template";

const detect = (t: string, declared?: Contract) =>
  detectVariables(parseTemplate(t).nodes, declared).map((v) => [v.name, v.type]);

describe("detectVariables", () => {
  it("finds variables in order of first use with a guessed type", () => {
    expect(detect("Hi {{name}} {{#vip}}★{{/vip}} {{order.id}} {{name}} {{> shared/sig}} {{! x }}")).toEqual([
      ["name", "string"],
      ["vip", "boolean"],
      ["order", "json"],
    ]);
  });

  it("treats names inside a list section as fields of the item", () => {
    expect(detect("{{#tags}}[{{.}}]{{/tags}}")).toEqual([["tags", "json"]]);
    const declared: Contract = { variables: [{ name: "items", type: "json", required: true }] };
    expect(detect("{{#items}}{{sku}} x{{qty}}{{/items}} for {{customer}}", declared)).toEqual([
      ["items", "boolean"],
      ["customer", "string"],
    ]);
    // Without a declaration, inner names are variables of their own (mustache looks them up outside too).
    expect(detect("{{#premium}}{{discount}}{{/premium}}")).toEqual([
      ["premium", "boolean"],
      ["discount", "string"],
    ]);
  });
});

describe("reconcileContract", () => {
  it("keeps what the author set for variables still used, adds new ones as required, drops unused ones", () => {
    const previous: Contract = {
      variables: [
        {
          name: "tone",
          type: "enum",
          values: ["formal", "casual"],
          required: false,
          default: "formal",
          description: "Voice",
        },
        { name: "gone", type: "string", required: true },
      ],
    };
    const detected = detectVariables(parseTemplate("{{tone}} {{name}}").nodes);
    expect(
      reconcileContract({ detected, previous, extra: [{ name: "history", type: "messages", required: false }] }),
    ).toEqual({
      variables: [
        previous.variables[0],
        { name: "name", type: "string", required: true },
        { name: "history", type: "messages", required: false },
      ],
    });
  });
});

describe("diffContracts", () => {
  const base: Contract = {
    variables: [
      { name: "name", type: "string", required: true },
      { name: "tone", type: "enum", values: ["formal", "casual"], required: true },
      { name: "locale", type: "string", required: false },
    ],
  };

  it("flags removed variables, new required ones and narrowed types as breaking", () => {
    const after: Contract = {
      variables: [
        { name: "tone", type: "enum", values: ["formal"], required: true },
        { name: "locale", type: "enum", values: ["en", "fr"], required: false },
        { name: "product", type: "string", required: true },
        { name: "note", type: "string", required: true, default: "" },
      ],
    };
    const changes = diffContracts(base, after).map((c) => [c.variable, c.kind, c.breaking]);
    expect(changes).toEqual([
      ["name", "removed", true],
      ["tone", "values-changed", true],
      ["locale", "type-changed", true],
      ["product", "added", true],
      ["note", "added", false],
    ]);
    expect(diffContracts(base, after).find((c) => c.variable === "product")!.message).toBe(
      "`product` is new and required: apps that render this prompt without `product` will fail.",
    );
  });

  it("does not flag widening changes", () => {
    const after: Contract = {
      variables: [
        { name: "name", type: "string", required: false },
        { name: "tone", type: "string", required: true },
        { name: "locale", type: "string", required: false, description: "BCP 47" },
      ],
    };
    expect(diffContracts(base, after).filter((c) => c.breaking)).toEqual([]);
    expect(diffContracts(base, base)).toEqual([]);
  });
});
