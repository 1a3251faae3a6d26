// The "Use this prompt" examples: how an application reads and renders a prompt, with its name,
// environment and variables filled in. Pure (the panel runs in the browser); a test type-checks the
// TypeScript example against the built SDK and the openai package, so what people copy compiles.
import type { Contract, VariableSpec } from "@/lib/templates/contract";

/** Options for {@link buildUsageExamples}. */
export type UsageExamplesOptions = {
  /** Where this Galley is reached, e.g. https://galley.example.com */
  origin: string;
  /** The prompt's name (support/refund-reply). */
  name: string;
  /** The environment slug the examples read from. */
  environment: string;
  contract: Contract;
};

export type UsageExamples = { fetch: string; render: string; sdk: string; python: string };

const placeholder: Record<string, unknown> = {
  string: "…",
  number: 1,
  boolean: true,
  json: {},
  messages: [{ role: "user", content: "…" }],
};

/** An example value: the variable's example, else its default, else a placeholder of its type. */
const exampleValue = (v: VariableSpec) =>
  v.example ?? v.default ?? (v.type === "enum" ? (v.values?.[0] ?? "…") : placeholder[v.type]);

/** The TypeScript type of a variable's value, as the SDK's getPrompt<V> takes it. */
function valueType(v: VariableSpec): string {
  switch (v.type) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
      return (v.values ?? []).map((x) => JSON.stringify(x)).join(" | ") || "string";
    case "messages":
      return "ChatMessage[]";
    case "json":
      return "unknown";
  }
}

/** A JSON value written as a Python literal (True, False, None; JSON strings are Python strings). */
function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(", ")}]`;
  if (typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`)
      .join(", ")}}`;
  return JSON.stringify(value);
}

export function buildUsageExamples({ origin, name, environment, contract }: UsageExamplesOptions): UsageExamples {
  const values = Object.fromEntries(contract.variables.map((v) => [v.name, exampleValue(v)]));
  const variablesType = contract.variables.length
    ? `{ ${contract.variables.map((v) => `${v.name}${v.required && v.default === undefined ? "" : "?"}: ${valueType(v)}`).join("; ")} }`
    : "Record<string, never>";
  const query = environment === "production" ? "" : `?environment=${encodeURIComponent(environment)}`;
  const sdkImports = contract.variables.some((v) => v.type === "messages")
    ? "createGalley, type ChatMessage"
    : "createGalley";
  return {
    fetch: `curl -H "Authorization: Bearer $GALLEY_API_KEY" \\\n  "${origin}/api/prompts/${name}${query}"`,
    render: `curl -X POST -H "Authorization: Bearer $GALLEY_API_KEY" -H "Content-Type: application/json" \\\n  -d '${JSON.stringify({ environment, variables: values }).replaceAll("'", "'\\''")}' \\\n  "${origin}/api/prompts/${name}/render"`,
    sdk: `import OpenAI from "openai";
import { ${sdkImports} } from "@galley/sdk";

const galley = createGalley({ baseUrl: ${JSON.stringify(origin)}, apiKey: process.env.GALLEY_API_KEY! });
const openai = new OpenAI();

const prompt = await galley.getPrompt<${variablesType}>(${JSON.stringify(name)}, { environment: ${JSON.stringify(environment)} });
const completion = await openai.chat.completions.create({
  model: "gpt-4o-mini", // used when the version names no model
  ...prompt.toOpenAI(${JSON.stringify(values)}),
});`,
    python: `import os

from galley import Galley
from openai import OpenAI

galley = Galley(${JSON.stringify(origin)}, os.environ["GALLEY_API_KEY"])
client = OpenAI()

prompt = galley.get_prompt(${JSON.stringify(name)}, environment=${JSON.stringify(environment)})
completion = client.chat.completions.create(
    **prompt.openai_params(${pythonLiteral(values)}, default_model="gpt-4o-mini")
)
print(completion.choices[0].message.content)`,
  };
}
