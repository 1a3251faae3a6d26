import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/serving/openapi-document";

describe("openApiDocument", () => {
  it("describes every /api/prompts route from the validating schemas, with the error shape", () => {
    const doc = openApiDocument("https://galley.example.com");
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/api/prompts", "/api/prompts/{name}", "/api/prompts/{name}/render", "/api/prompts/{name}/versions"]);
    const get = doc.paths["/api/prompts/{name}"].get;
    expect(get.parameters.map((p) => p.name)).toEqual(["name", "environment", "version", "resolve", "If-None-Match"]);
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(["200", "304", "308", "401", "404", "422", "429"]));
    const body = doc.paths["/api/prompts/{name}/versions"].post.requestBody.content["application/json"].schema as { required: string[]; properties: Record<string, unknown> };
    expect(body.required).toEqual(expect.arrayContaining(["content", "message"]));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["baseVersion", "deploy", "type"]));
  });
});
