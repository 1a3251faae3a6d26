import { describe, expect, it } from "vitest";

import { HTTP_METHODS, listOperations } from "@/lib/api-reference/list-operations";
import { openApiDocument } from "@/lib/serving/openapi-document";

describe("listOperations", () => {
  it("lists every operation of Galley's document once, grouped by tag in the document's order", () => {
    const document = openApiDocument("https://galley.acme.internal");
    const groups = listOperations({ document });
    const inDocument = Object.values(document.paths).flatMap((item) =>
      Object.keys(item).filter((k) => (HTTP_METHODS as readonly string[]).includes(k)),
    );
    const listed = groups.flatMap((g) => g.operations);
    expect(listed).toHaveLength(inDocument.length);
    expect(new Set(listed.map((o) => o.id)).size).toBe(listed.length);
    expect(groups.map((g) => g.tag)).toEqual(document.tags.map((t) => t.name));

    const render = listed.find((o) => o.id === "renderPrompt")!;
    expect(render).toMatchObject({ method: "post", path: "/api/prompts/{name}/render", tag: "Prompts" });
    expect(render.security).toEqual([[{ scheme: "bearer", scopes: ["prompts:read"] }]]);
    expect(render.parameters.map((p) => [p.name, p.in, p.required, p.example])).toEqual([
      ["name", "path", true, "support/refund-reply"],
    ]);
    // The body is a components.requestBodies $ref, resolved with its schema and example.
    expect(render.requestBody).toMatchObject({ required: true, mediaType: "application/json", name: "RenderRequest" });
    expect(render.requestBody!.schema.fields.map((f) => f.name)).toEqual([
      "environment",
      "version",
      "variables",
      "strict",
      "unit",
    ]);
    expect(render.requestBody!.example).toEqual({ environment: "production", variables: { customer: "Ana" } });
    const notFound = render.responses.find((r) => r.status === "404")!;
    expect(notFound.bodyName).toBe("Error");
    expect(notFound.body!.fields[0]!.node.fields.map((f) => [f.name, f.required])).toEqual([
      ["code", true],
      ["message", true],
      ["details", false],
      ["requestId", false],
    ]);
    expect(listed.find((o) => o.id === "createVersion")!.security).toEqual([
      [{ scheme: "bearer", scopes: ["prompts:write"] }],
    ]);
  });

  it("merges path-level parameters, falls back to global security, and puts untagged operations last", () => {
    const groups = listOperations({
      document: {
        security: [{ session: [] }],
        tags: [{ name: "Things", description: "All things." }],
        components: { parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } } },
        paths: {
          "/things/{id}": {
            parameters: [
              { $ref: "#/components/parameters/Id" },
              { name: "q", in: "query", schema: { type: "string" } },
            ],
            get: {
              tags: ["Things"],
              parameters: [{ name: "q", in: "query", required: true, schema: { type: "integer" } }],
            },
            delete: { security: [{}] },
          },
        },
      },
    });
    expect(groups.map((g) => [g.tag, g.description, g.operations.map((o) => o.id)])).toEqual([
      ["Things", "All things.", ["get--things-id-"]],
      ["Other", undefined, ["delete--things-id-"]],
    ]);
    const [get] = groups[0]!.operations;
    expect(get!.parameters.map((p) => [p.name, p.in, p.required, p.schema.type])).toEqual([
      ["id", "path", true, "string"],
      ["q", "query", true, "integer"],
    ]);
    expect(get!.security).toEqual([[{ scheme: "session", scopes: [] }]]);
    expect(groups[1]!.operations[0]!.security).toBe("public");
  });
});
