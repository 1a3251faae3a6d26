import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";

import type { ServedPromptBody } from "@/lib/serving/get-served-prompt";
import { openApiDocument, requestExamples } from "@/lib/serving/openapi-document";
import type { Contract } from "@/lib/templates/contract";
import type { ModelSettings, PromptMessage } from "@/lib/templates/render-prompt";
import { ciEvalRequestSchema } from "@/lib/validations/eval-run";
import { feedbackRequestSchema } from "@/lib/validations/feedback";
import { createVersionRequestSchema, renderRequestSchema } from "@/lib/validations/serving";
import type { Prompt } from "@/sdk/src/index";

const doc = openApiDocument("https://galley.acme.internal");
type Schema = { required?: string[]; properties: Record<string, unknown> };

// What an application developer writes against a client generated with openapi-typescript's
// defaults. Every @ts-expect-error must be needed: an `any` anywhere would make it unused (an error).
const sampleCalls = `
import type { components, operations } from "./galley-api";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type RenderBody = Json<components["requestBodies"]["RenderRequest"]>;
type CreateVersionBody = Json<components["requestBodies"]["CreateVersionRequest"]>;
type Rendered = Json<operations["renderPrompt"]["responses"][200]>;
type Served = Json<operations["getPrompt"]["responses"][200]>;
type Saved = Json<operations["createVersion"]["responses"][200]>;
type FeedbackBody = Json<components["requestBodies"]["FeedbackRequest"]>;
type ApiError = components["schemas"]["Error"];
// Only what the sample needs: the DOM library would triple the time to type-check.
declare function fetch(url: string, init: { method?: string; body?: string }): Promise<{ json(): Promise<unknown> }>;

async function call<T>(route: string, body?: unknown): Promise<T> {
  const res = await fetch("https://galley.acme.internal" + route, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return (await res.json()) as T;
}

export async function sample(): Promise<unknown[]> {
  // variables and strict have defaults, deploy too: a caller may leave them out.
  const render: RenderBody = { environment: "production" };
  const rendered = await call<Rendered>("/api/prompts/support/refund-reply/render", render);
  const role: string | undefined = rendered.messages[0]?.role;
  const save: CreateVersionBody = {
    message: "Shorter greeting",
    content: { template: "Hi {{name}}", contract: { variables: [{ name: "name", type: "string", required: true, default: { nested: [1, "two", null, true] } }] }, modelConfig: { model: "gpt-4o-mini", temperature: 0.2 } },
  };
  const saved = await call<Saved>("/api/prompts/support/refund-reply/versions", save);
  const versions: number[] = saved.deployments.map((d) => d.toVersion);
  const served = await call<Served>("/api/prompts/support/refund-reply");
  const environment: string | null = served.environment;
  // During a split the answer names its arm; feedback sends it back.
  const release: string | null = served.release;
  const feedback: FeedbackBody = release ? { release, score: "up" } : { version: served.version, score: 4.5, comment: "ok" };
  await call<unknown>("/api/prompts/support/refund-reply/feedback", feedback);
  // @ts-expect-error thumbs are up or down
  const wrongThumb: FeedbackBody = { version: 7, score: "meh" };
  const list: operations["listPrompts"]["parameters"]["query"] = { folder: "support/", limit: 20 };
  const notFound: ApiError = { error: { code: "not_found", message: "No such prompt." } };
  // @ts-expect-error a version is a number
  const wrongVersion: string = served.version;
  // @ts-expect-error a chat message's role is one of the prompt roles
  const wrongRole: components["schemas"]["ChatMessageInput"] = { role: "robot", content: "beep" };
  // @ts-expect-error the error codes are a closed list
  const wrongCode: ApiError = { error: { code: "teapot", message: "" } };
  // @ts-expect-error a version needs a message
  const noMessage: CreateVersionBody = { content: save.content };
  // CI: minPassRate and wait have defaults; the verdict is read from the run.
  const evalBody: Json<components["requestBodies"]["EvalRequest"]> = { prompt: "support/refund-reply", version: 7, dataset: "golden", evaluators: ["mentions refund"] };
  const evalRun = await call<Json<operations["getEval"]["responses"][200]>>("/api/evals", evalBody);
  const passed: boolean | null = evalRun.verdict.pass;
  // @ts-expect-error a run's status is one of its states
  const wrongStatus: typeof evalRun.status = "done";
  return [role, versions, environment, wrongThumb, list, notFound, wrongVersion, wrongRole, wrongCode, noMessage, passed, wrongStatus];
}
`;

describe("openApiDocument", () => {
  it("describes every /api/prompts route from the validating schemas, with the error shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual([
      "/api/prompts",
      "/api/prompts/{name}",
      "/api/prompts/{name}/render",
      "/api/prompts/{name}/feedback",
      "/api/prompts/{name}/versions",
      "/api/evals",
      "/api/evals/{number}",
    ]);
    const get = doc.paths["/api/prompts/{name}"].get;
    expect(get.parameters.map((p) => p.name)).toEqual([
      "name",
      "environment",
      "version",
      "resolve",
      "unit",
      "Galley-Unit",
      "If-None-Match",
    ]);
    for (const status of [200, 304] as const)
      expect(Object.keys(get.responses[status].headers)).toEqual(
        expect.arrayContaining(["Galley-Version", "Galley-Release"]),
      );
    expect(Object.keys(get.responses)).toEqual(
      expect.arrayContaining(["200", "304", "308", "401", "404", "422", "429"]),
    );
    const body = doc.components.requestBodies.CreateVersionRequest.content["application/json"].schema as Schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(["content", "message", "baseVersion", "deploy", "type"]),
    );
  });

  it("describes the served prompt with the schema that types the handler's answer", () => {
    // ServedPromptBody is inferred from the same schema, so its content fields are the content types
    // (type-checked), not `unknown`, and the document's ServedPrompt names the shared components.
    expectTypeOf<ServedPromptBody["contract"]>().toEqualTypeOf<Contract>();
    expectTypeOf<ServedPromptBody["modelConfig"]>().toEqualTypeOf<ModelSettings>();
    expectTypeOf<NonNullable<ServedPromptBody["messages"]>>().toEqualTypeOf<PromptMessage[]>();
    // …and it is what the SDK reads it as.
    expectTypeOf<ServedPromptBody>().toExtend<Omit<Prompt, "isFallback" | "render" | "toOpenAI">>();
    const served = doc.components.schemas.ServedPrompt as Schema;
    expect(served.properties).toMatchObject({
      contract: { $ref: "#/components/schemas/Contract" },
      modelConfig: { $ref: "#/components/schemas/ModelConfig" },
      messages: { items: { $ref: "#/components/schemas/ChatMessage" } },
    });
    expect(served.required).toEqual([
      "name",
      "type",
      "version",
      "release",
      "environment",
      "contract",
      "modelConfig",
      "description",
      "tags",
      "resolved",
      "updatedAt",
    ]);
  });

  it("describes splits: the unit id (bounded) in the query or a header, the arm's headers, and the feedback route", () => {
    const get = doc.paths["/api/prompts/{name}"].get;
    expect(get.parameters.find((p) => p.name === "unit")).toMatchObject({ in: "query", schema: { maxLength: 200 } });
    expect(get.parameters.find((p) => p.name === "Galley-Unit")).toMatchObject({
      in: "header",
      schema: { maxLength: 200 },
    });
    const render = doc.components.requestBodies.RenderRequest.content["application/json"].schema as Schema;
    expect(render.properties).toMatchObject({ unit: { maxLength: 200 } });
    const feedback = doc.paths["/api/prompts/{name}/feedback"].post;
    expect(feedback.security).toEqual([{ bearer: ["prompts:read"] }]);
    expect(Object.keys(feedback.responses)).toEqual(expect.arrayContaining(["202", "401", "404", "422"]));
    expect(feedback.description).toMatch(
      /a rating whose id this prompt already has is not stored again and is still answered 202/,
    );
    const body = doc.components.requestBodies.FeedbackRequest.content["application/json"].schema as Schema;
    expect(body.required).toEqual(["score"]);
    expect(body.properties).toMatchObject({
      id: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,100}$" },
      release: { type: "string" },
      version: { type: "integer" },
      comment: { maxLength: 2000 },
      traceId: { maxLength: 200 },
      unit: { maxLength: 200 },
      score: { anyOf: [{ enum: ["up", "down"] }, { type: "number", minimum: -1_000_000, maximum: 1_000_000 }] },
    });
    expect(feedbackRequestSchema.safeParse({ score: "up" }).error?.issues[0]?.message).toMatch(
      /send the answer's "release"/,
    );
    expect(feedbackRequestSchema.safeParse({ release: "abc.7", version: 6, score: 1 }).success).toBe(false);
    expect(feedbackRequestSchema.safeParse({ release: "abc.7", score: 1 }).success).toBe(true);
  });

  it("reads request bodies on the input side: fields with a default are not required", () => {
    const render = doc.components.requestBodies.RenderRequest.content["application/json"].schema as Schema;
    expect(render.required ?? []).toEqual([]);
    expect(render.properties).toMatchObject({ strict: { default: false }, variables: { default: {} } });
    const create = doc.components.requestBodies.CreateVersionRequest.content["application/json"].schema as Schema;
    expect(create.required).toEqual(["content", "message"]);
    // Query parameters likewise: resolve defaults to "true".
    expect(doc.paths["/api/prompts/{name}"].get.parameters.find((p) => p.name === "resolve")).toMatchObject({
      required: false,
      schema: { default: "true" },
    });
  });

  it("describes the CI eval routes from the schemas that validate them: what to start, and the verdict to read", () => {
    const start = doc.components.requestBodies.EvalRequest.content["application/json"].schema as Schema;
    // A version or content, a gate or a dataset with evaluators: one of each (the schema's refinement says which).
    expect(start.required).toEqual(["prompt"]);
    expect(start.properties).toMatchObject({
      version: { type: "integer" },
      content: { type: "object" },
      gate: { type: "string" },
      minPassRate: { default: 1, maximum: 1 },
      wait: { default: 0, maximum: 600 },
    });
    const statusRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/EvalStatus" } } } };
    expect(doc.paths["/api/evals"].post.responses[200]).toMatchObject(statusRef);
    expect(doc.paths["/api/evals/{number}"].get.responses[200]).toMatchObject(statusRef);
    const status = doc.components.schemas.EvalStatus as Schema;
    expect(status.required).toEqual(["number", "status", "progress", "columns", "regressions", "verdict", "url"]);
    expect(status.properties.status).toMatchObject({ enum: ["queued", "running", "finished", "cancelled", "failed"] });
  });

  it("keeps every schema in components, so each $ref resolves from the document root", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/(schemas|requestBodies)\/[A-Za-z]+$/);
      const [, , kind, name] = ref.split("/") as [string, string, "schemas" | "requestBodies", string];
      expect(doc.components[kind], ref).toHaveProperty(name!);
    }
    expect(JSON.stringify(doc)).not.toMatch(/\$defs|"\$schema"|"\$id"|__shared/);
  });

  it("gives each request body an example its own schema accepts, and each operation a tag and the key scope it needs", () => {
    const schemas = {
      RenderRequest: renderRequestSchema,
      CreateVersionRequest: createVersionRequestSchema,
      EvalRequest: ciEvalRequestSchema,
      FeedbackRequest: feedbackRequestSchema,
    };
    for (const [id, schema] of Object.entries(schemas)) {
      const example = doc.components.requestBodies[id as keyof typeof schemas].content["application/json"].example;
      expect(example, id).toEqual(requestExamples[id as keyof typeof schemas]);
      expect(schema.safeParse(example).error, id).toBeUndefined();
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const tags = doc.tags.map((t) => t.name);
    for (const op of operations) {
      expect(tags, op.operationId).toContain(op.tags[0]);
      expect(op.security, op.operationId).toEqual([{ bearer: [expect.stringMatching(/^prompts:(read|write)$/)] }]);
    }
    expect(doc.paths["/api/prompts/{name}/versions"].post.security).toEqual([{ bearer: ["prompts:write"] }]);
    expect(doc.paths["/api/prompts/{name}"].get.security).toEqual([{ bearer: ["prompts:read"] }]);
  });

  it("passes redocly's recommended rules with no errors and no warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "/openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it("generates an openapi-typescript client that type-checks under --strict against sample calls", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-openapi-"));
    try {
      fs.writeFileSync(path.join(dir, "galley-api.ts"), astToString(await openapiTS(doc as unknown as OpenAPI3)));
      fs.writeFileSync(path.join(dir, "sample.ts"), sampleCalls);
      const program = ts.createProgram([path.join(dir, "sample.ts")], {
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ["lib.es2022.d.ts"],
        types: [],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map(
          (d) =>
            `${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
