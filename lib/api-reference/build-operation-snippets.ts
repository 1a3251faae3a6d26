// The example calls the API reference shows for an operation: curl, fetch, and the TypeScript SDK
// where the SDK covers the route. Examples come from the document (a body's or parameter's
// example), else from the schema, so a snippet always matches what the server validates.
import { exampleFromSchema } from "@/lib/api-reference/example-from-schema";
import type { ApiOperation } from "@/lib/api-reference/list-operations";

export type OperationSnippets = { curl: string; fetch: string; sdk?: string };

/** Options for {@link buildOperationSnippets}. */
export type BuildOperationSnippetsOptions = {
  /** Where this Galley is reached, e.g. https://galley.example.com */
  origin: string;
  operation: ApiOperation;
  /** The OpenAPI document, for $ref in schemas without examples. */
  document: unknown;
};

/** A single-quoted shell word: nothing inside is expanded. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const indent = (text: string, by: string) => text.replaceAll("\n", `\n${by}`);
/** Pretty JSON as a JavaScript literal: identifier keys unquoted (JSON escapes every newline inside strings). */
const jsLiteral = (json: string) => json.replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, "$1$2:");

/** A path parameter's value in the URL: each segment encoded, slashes kept (prompt names are paths). */
const pathValue = (value: unknown) => String(value).split("/").map(encodeURIComponent).join("/");

/** The URL with path parameters filled in, and required (or exemplified) query parameters. */
function exampleUrl(origin: string, operation: ApiOperation): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = operation.parameters.find((p) => p.name === name && p.in === "path")?.example;
    return value === undefined ? `{${name}}` : pathValue(value);
  });
  const query = new URLSearchParams();
  for (const p of operation.parameters)
    if (p.in === "query" && (p.required || p.example !== undefined))
      query.set(p.name, typeof p.example === "string" ? p.example : JSON.stringify(p.example ?? "…"));
  const search = query.toString();
  return `${origin.replace(/\/$/, "")}${path}${search ? `?${search}` : ""}`;
}

function exampleBody(document: unknown, operation: ApiOperation): unknown {
  const body = operation.requestBody;
  if (!body) return undefined;
  return body.example !== undefined ? body.example : exampleFromSchema({ document, schema: body.rawSchema });
}

const SDK_SETUP = `import { createGalley } from "@galley/sdk";

const galley = createGalley({ baseUrl: ORIGIN, apiKey: process.env.GALLEY_API_KEY! });`;

/** The SDK's way to do what an operation does, for the operations it covers (it reads and renders prompts). */
function sdkSnippet(origin: string, operation: ApiOperation, body: unknown): string | undefined {
  const setup = SDK_SETUP.replace("ORIGIN", JSON.stringify(origin));
  const name = operation.parameters.find((p) => p.name === "name" && p.in === "path")?.example;
  if (typeof name !== "string") return undefined;
  if (operation.id === "getPrompt")
    return `${setup}

// Cached: fresh for a minute, then served stale while one refresh runs.
const prompt = await galley.getPrompt(${JSON.stringify(name)}, { environment: "production" });
console.log(prompt.version, prompt.messages ?? prompt.template);`;
  if (operation.id === "renderPrompt") {
    const request = (body ?? {}) as { environment?: string; variables?: Record<string, unknown> };
    return `${setup}

// The SDK renders on your side from its cached copy: no request per render.
const prompt = await galley.getPrompt(${JSON.stringify(name)}, { environment: ${JSON.stringify(request.environment ?? "production")} });
const { messages, ...settings } = prompt.toOpenAI(${JSON.stringify(request.variables ?? {})});`;
  }
  return undefined;
}

export function buildOperationSnippets({
  origin,
  operation,
  document,
}: BuildOperationSnippetsOptions): OperationSnippets {
  const url = exampleUrl(origin, operation);
  const method = operation.method.toUpperCase();
  const body = exampleBody(document, operation);
  const json = body === undefined ? undefined : JSON.stringify(body, null, 2);
  const authorized = operation.security !== "public";

  const curlLines = [
    `curl${method === "GET" ? "" : ` -X ${method}`} ${shellQuote(url)}`,
    ...(authorized ? [`-H "Authorization: Bearer $GALLEY_API_KEY"`] : []),
    ...(json !== undefined ? [`-H "Content-Type: application/json"`, `-d ${shellQuote(json)}`] : []),
  ];
  const curl = curlLines.join(" \\\n  ");

  const headers = [
    ...(authorized ? ["Authorization: `Bearer ${process.env.GALLEY_API_KEY}`,"] : []),
    ...(json !== undefined ? [`"Content-Type": "application/json",`] : []),
  ];
  const init = [
    ...(method === "GET" ? [] : [`method: "${method}",`]),
    ...(headers.length ? [`headers: {\n    ${headers.join("\n    ")}\n  },`] : []),
    ...(json !== undefined ? [`body: JSON.stringify(${indent(jsLiteral(json), "  ")}),`] : []),
  ];
  const fetch = `const response = await fetch(${JSON.stringify(url)}${init.length ? `, {\n  ${init.join("\n  ")}\n}` : ""});
// Errors: { error: { code, message, details?, requestId } }
if (!response.ok) throw new Error((await response.json()).error.message);
const data = await response.json();`;

  const sdk = sdkSnippet(origin.replace(/\/$/, ""), operation, body);
  return { curl, fetch, ...(sdk ? { sdk } : {}) };
}
