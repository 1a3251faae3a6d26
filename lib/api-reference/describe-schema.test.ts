import { describe, expect, it } from "vitest";

import { describeSchema } from "@/lib/api-reference/describe-schema";
import { resolveRef } from "@/lib/api-reference/resolve-ref";

const document = {
  components: {
    schemas: {
      Variable: {
        type: "object",
        description: "One variable of the contract.",
        properties: {
          name: { type: "string", pattern: "^[a-z]+$", minLength: 1, maxLength: 64 },
          type: { type: "string", enum: ["string", "number"] },
          default: { $ref: "#/components/schemas/JsonValue" },
        },
        required: ["name", "type"],
      },
      JsonValue: { description: "Any JSON value." },
      // A tree: each node holds nodes of its own kind.
      Node: {
        type: "object",
        properties: {
          label: { type: "string" },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        },
      },
      "a/b": { type: "integer", minimum: 1, maximum: 2147483647 },
    },
  },
};

describe("resolveRef", () => {
  it("follows local pointers, unescaping ~1 and ~0, and refuses remote or missing ones", () => {
    expect(resolveRef({ document, ref: "#/components/schemas/JsonValue" })).toEqual({ description: "Any JSON value." });
    expect(resolveRef({ document, ref: "#/components/schemas/a~1b" })).toMatchObject({ type: "integer" });
    expect(resolveRef({ document, ref: "#/components/schemas/Missing" })).toBeUndefined();
    expect(resolveRef({ document, ref: "https://example.com/schema.json#/x" })).toBeUndefined();
    expect(resolveRef({ document, ref: "#/components/schemas/JsonValue/description/length" })).toBeUndefined();
  });
});

describe("describeSchema", () => {
  it("lists fields with type, required, bounds, allowed values and descriptions, resolving $ref", () => {
    const node = describeSchema({
      document,
      schema: {
        type: "object",
        properties: {
          variables: { type: "array", maxItems: 500, items: { $ref: "#/components/schemas/Variable" } },
          limit: { type: "integer", minimum: 1, maximum: 200, default: 50, description: "Page size." },
          baseline: { anyOf: [{ type: "string" }, { type: "null" }] },
          version: { $ref: "#/components/schemas/a~1b" },
          labels: { type: "object", additionalProperties: { type: "integer" } },
        },
        required: ["variables"],
      },
    });
    expect(node.type).toBe("object");
    const [variables, limit, baseline, version, labels] = node.fields;
    expect(variables).toMatchObject({
      name: "variables",
      required: true,
      node: { type: "array of Variable", constraints: ["at most 500 items"] },
    });
    expect(variables!.node.fields.map((f) => [f.name, f.required, f.node.type])).toEqual([
      ["name", true, "string"],
      ["type", true, "string"],
      ["default", false, "any JSON value"],
    ]);
    expect(variables!.node.fields[0]!.node.constraints).toEqual(["1–64 characters", "pattern ^[a-z]+$"]);
    expect(variables!.node.fields[1]!.node.values).toEqual(['"string"', '"number"']);
    expect(limit).toMatchObject({
      required: false,
      node: { type: "integer", description: "Page size.", constraints: ["1–200", "default 50"] },
    });
    expect(baseline!.node.type).toBe("string | null");
    expect(version!.node).toMatchObject({ type: "integer", refName: "a/b", constraints: ["1–2,147,483,647"] });
    expect(labels!.node.type).toBe("map of integer");
  });

  it("describes each option of a union", () => {
    const node = describeSchema({
      document,
      schema: {
        oneOf: [
          { type: "object", properties: { role: { const: "user" }, content: { type: "string" } } },
          { type: "object", properties: { role: { const: "placeholder" }, name: { type: "string" } } },
        ],
      },
    });
    expect(node.type).toBe("one of");
    expect(node.variants.map((v) => v.fields.map((f) => f.name))).toEqual([
      ["role", "content"],
      ["role", "name"],
    ]);
    expect(node.variants[1]!.fields[0]!.node).toMatchObject({ type: "string", values: ['"placeholder"'] });
  });

  it("ends a schema that contains itself, and bounds the depth", () => {
    const tree = describeSchema({ document, schema: { $ref: "#/components/schemas/Node" } });
    const children = tree.fields.find((f) => f.name === "children")!.node;
    expect(children.type).toBe("array of Node");
    expect(children.truncated).toBe("cycle");
    expect(children.fields).toEqual([]);

    // Ten levels of nesting, shown two deep.
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 10; i++) deep = { type: "object", properties: { [`level${i}`]: deep } };
    const shallow = describeSchema({ document, schema: deep, maxDepth: 2 });
    const second = shallow.fields[0]!.node.fields[0]!.node;
    expect(second.type).toBe("object");
    expect(second.truncated).toBe("depth");
    expect(second.fields).toEqual([]);
  });

  it("treats an unknown or missing schema as any value instead of failing", () => {
    expect(describeSchema({ document, schema: undefined }).type).toBe("any JSON value");
    expect(describeSchema({ document, schema: { $ref: "#/components/schemas/Gone" } })).toMatchObject({
      type: "any JSON value",
      refName: "Gone",
    });
  });
});
