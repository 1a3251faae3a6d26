import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { buildOperationSnippets } from "@/lib/api-reference/build-operation-snippets";
import { describeSchema } from "@/lib/api-reference/describe-schema";
import type { ApiOperation } from "@/lib/api-reference/list-operations";

const document = {
  components: {
    schemas: {
      Note: {
        type: "object",
        properties: {
          text: { type: "string" },
          pinned: { type: "boolean" },
          tags: { type: "array", items: { type: "string" } },
        },
        required: ["text", "tags"],
      },
    },
  },
};
const anyValue = describeSchema({ document, schema: {} });

/** An operation on a path with two parameters (one a prompt name with slashes) and a JSON body. */
const comment: ApiOperation = {
  id: "addComment",
  method: "post",
  path: "/api/prompts/{name}/comments/{number}",
  tag: "Prompts",
  security: [[{ scheme: "bearer", scopes: ["prompts:write"] }]],
  parameters: [
    { name: "name", in: "path", required: true, example: "support/o'brien reply", schema: anyValue },
    { name: "number", in: "path", required: true, example: 12, schema: anyValue },
    { name: "environment", in: "query", required: false, example: "staging", schema: anyValue },
    { name: "cursor", in: "query", required: false, schema: anyValue },
  ],
  requestBody: {
    required: true,
    mediaType: "application/json",
    schema: anyValue,
    rawSchema: { $ref: "#/components/schemas/Note" },
    example: { text: "It's fine", tags: ["a"] },
  },
  responses: [],
};

/** Runs the fetch snippet against a fake fetch and returns the request it made. */
async function runFetchSnippet(code: string) {
  const calls: Array<{ url: string; init?: { method?: string; headers?: Record<string, string>; body?: string } }> = [];
  const fakeFetch = async (url: string, init?: (typeof calls)[number]["init"]) => {
    calls.push({ url, init });
    return { ok: true, json: async () => ({ ok: true }) };
  };
  const run = new Function("fetch", "process", `return (async () => {\n${code}\nreturn data;\n})();`) as (
    f: typeof fakeFetch,
    p: { env: Record<string, string> },
  ) => Promise<unknown>;
  const data = await run(fakeFetch, { env: { GALLEY_API_KEY: "gk_test" } });
  return { calls, data };
}

describe("buildOperationSnippets", () => {
  const origin = "https://galley.acme.internal/";

  it("fills in path parameters (slashes kept, the rest encoded) and exemplified query parameters", () => {
    const { curl } = buildOperationSnippets({ origin, operation: comment, document });
    const url = "https://galley.acme.internal/api/prompts/support/o'brien%20reply/comments/12?environment=staging";
    // What the shell passes to curl, parsed by sh itself (the apostrophes are quoted).
    const words = execFileSync(
      "sh",
      ["-c", `for w in ${curl.slice(5).replaceAll("\\\n", " ")}; do printf '%s\\n' "$w"; done`],
      {
        encoding: "utf8",
      },
    );
    const args = words.trimEnd().split("\n");
    expect(args[0]).toBe("-X");
    expect(args[1]).toBe("POST");
    expect(args[2]).toBe(url);
  });

  it("sends the body example through curl -d, quoted for the shell", () => {
    const { curl } = buildOperationSnippets({ origin, operation: comment, document });
    const body = execFileSync("sh", ["-c", `printf %s ${curl.slice(curl.indexOf("-d ") + 3)}`], { encoding: "utf8" });
    expect(JSON.parse(body)).toEqual({ text: "It's fine", tags: ["a"] });
    expect(curl).toContain('-H "Authorization: Bearer $GALLEY_API_KEY"');
    expect(curl).toContain('-H "Content-Type: application/json"');
  });

  it("makes a fetch snippet that runs and sends the same request", async () => {
    const { fetch } = buildOperationSnippets({ origin, operation: comment, document });
    const { calls, data } = await runFetchSnippet(fetch);
    expect(data).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      "https://galley.acme.internal/api/prompts/support/o'brien%20reply/comments/12?environment=staging",
    );
    expect(calls[0]!.init?.method).toBe("POST");
    expect(calls[0]!.init?.headers).toEqual({ Authorization: "Bearer gk_test", "Content-Type": "application/json" });
    expect(JSON.parse(calls[0]!.init!.body!)).toEqual({ text: "It's fine", tags: ["a"] });
  });

  it("builds a body from the schema's required fields when the document gives no example, and leaves auth out of public calls", async () => {
    const operation: ApiOperation = {
      ...comment,
      method: "put",
      security: "public",
      requestBody: { ...comment.requestBody!, example: undefined },
    };
    const { curl, fetch, sdk } = buildOperationSnippets({ origin, operation, document });
    expect(curl).not.toContain("Authorization");
    const { calls } = await runFetchSnippet(fetch);
    expect(calls[0]!.init?.method).toBe("PUT");
    expect(calls[0]!.init?.headers).toEqual({ "Content-Type": "application/json" });
    expect(JSON.parse(calls[0]!.init!.body!)).toEqual({ text: "…", tags: ["…"] });
    expect(sdk).toBeUndefined();
  });

  it("leaves a GET without a body or method, and offers the SDK only for what it covers", async () => {
    const get: ApiOperation = {
      ...comment,
      id: "getPrompt",
      method: "get",
      path: "/api/prompts/{name}",
      parameters: [{ ...comment.parameters[0]!, example: "support/refund-reply" }],
      requestBody: undefined,
    };
    const { curl, fetch, sdk } = buildOperationSnippets({ origin, operation: get, document });
    expect(curl).toBe(
      `curl 'https://galley.acme.internal/api/prompts/support/refund-reply' \\\n  -H "Authorization: Bearer $GALLEY_API_KEY"`,
    );
    const { calls } = await runFetchSnippet(fetch);
    expect(calls[0]!.init).toEqual({ headers: { Authorization: "Bearer gk_test" } });
    expect(sdk).toContain(
      'createGalley({ baseUrl: "https://galley.acme.internal", apiKey: process.env.GALLEY_API_KEY! })',
    );
    expect(sdk).toContain('galley.getPrompt("support/refund-reply", { environment: "production" })');
  });
});
