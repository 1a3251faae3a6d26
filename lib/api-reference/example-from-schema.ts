// A plausible value for a JSON Schema, for request snippets when the document gives no example:
// the schema's own example, default, const or first allowed value, else required fields only.
import { resolveRef } from "@/lib/api-reference/resolve-ref";

type JsonSchema = Record<string, unknown>;

/** Options for {@link exampleFromSchema}. */
export type ExampleFromSchemaOptions = { document: unknown; schema: unknown; maxDepth?: number };

const asSchema = (value: unknown): JsonSchema =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : {};

export function exampleFromSchema({ document, schema, maxDepth = 6 }: ExampleFromSchemaOptions): unknown {
  return example(document, asSchema(schema), maxDepth, []);
}

function example(document: unknown, input: JsonSchema, depth: number, seen: string[]): unknown {
  let s = input;
  if (typeof s.$ref === "string") {
    if (seen.includes(s.$ref) || depth < 0) return null;
    seen = [...seen, s.$ref];
    s = { ...asSchema(resolveRef({ document, ref: s.$ref })), ...s, $ref: undefined };
  }
  if ("example" in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if ("default" in s) return s.default;
  const alternatives = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : []).map(asSchema);
  const first = alternatives.find((a) => a.type !== "null");
  if (first) return example(document, first, depth, seen);
  const type = (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type) as string | undefined;
  if (depth < 0) return null;
  if (type === "object" || "properties" in s) {
    const required = Array.isArray(s.required) ? s.required : [];
    return Object.fromEntries(
      Object.entries(asSchema(s.properties))
        .filter(([key]) => required.includes(key))
        .map(([key, value]) => [key, example(document, asSchema(value), depth - 1, seen)]),
    );
  }
  if (type === "array" || "items" in s) return [example(document, asSchema(s.items), depth - 1, seen)];
  if (type === "integer" || type === "number") return typeof s.minimum === "number" ? s.minimum : 1;
  if (type === "boolean") return true;
  if (type === "string") return "…";
  return null;
}
