// A JSON Schema (as the OpenAPI document holds it) turned into what the API reference shows: a
// nested list of fields with their type, whether they are required, bounds, allowed values and
// descriptions. References are resolved; depth is bounded, so recursive schemas end.
import { refName, resolveRef } from "@/lib/api-reference/resolve-ref";

type JsonSchema = Record<string, unknown>;

/** One schema, ready to render. */
export type SchemaNode = {
  /** "string", "integer", "object", "array of object", "string | null", "any JSON value"… */
  type: string;
  /** The component it came from ($ref), e.g. "Contract". */
  refName?: string;
  description?: string;
  /** Bounds and formats in words: "1–2147483647", "at most 500 items", "pattern ^[a-z]+$", "default 20". */
  constraints: string[];
  /** Allowed values (enum or const), JSON-encoded. */
  values?: string[];
  /** An object's fields, or the fields of an array's object items. */
  fields: SchemaField[];
  /** The alternatives of anyOf / oneOf (other than null). */
  variants: SchemaNode[];
  /** Set when the tree stops here: the depth bound, or a schema that contains itself. */
  truncated?: "depth" | "cycle";
};

export type SchemaField = { name: string; required: boolean; node: SchemaNode };

/** Options for {@link describeSchema}. */
export type DescribeSchemaOptions = {
  /** The OpenAPI document, for $ref. */
  document: unknown;
  schema: unknown;
  /** How many levels of nested fields to show (default 6). */
  maxDepth?: number;
};

const asSchema = (value: unknown): JsonSchema =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : {};
const num = (value: unknown) => (typeof value === "number" ? value : undefined);
const fmt = (n: number) => (Math.abs(n) >= 10000 && Number.isInteger(n) ? n.toLocaleString("en-US") : String(n));

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const u = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined)
    return min === max ? `exactly ${fmt(min)}${u}` : `${fmt(min)}–${fmt(max)}${u}`;
  if (min !== undefined) return `at least ${fmt(min)}${u}`;
  if (max !== undefined) return `at most ${fmt(max)}${u}`;
  return undefined;
}

function constraintsOf(s: JsonSchema): string[] {
  const out = [
    range(num(s.minimum), num(s.maximum), ""),
    num(s.exclusiveMinimum) !== undefined ? `more than ${fmt(num(s.exclusiveMinimum)!)}` : undefined,
    num(s.exclusiveMaximum) !== undefined ? `less than ${fmt(num(s.exclusiveMaximum)!)}` : undefined,
    range(num(s.minLength), num(s.maxLength), "characters"),
    range(num(s.minItems), num(s.maxItems), "items"),
    typeof s.format === "string" ? `format ${s.format}` : undefined,
    typeof s.pattern === "string" ? `pattern ${s.pattern}` : undefined,
    "default" in s ? `default ${JSON.stringify(s.default)}` : undefined,
  ];
  return out.filter((c): c is string => c !== undefined);
}

const isNull = (s: JsonSchema) => s.type === "null";

export function describeSchema({ document, schema, maxDepth = 6 }: DescribeSchemaOptions): SchemaNode {
  return describe(document, asSchema(schema), 0, maxDepth, []);
}

function describe(document: unknown, input: JsonSchema, depth: number, maxDepth: number, seen: string[]): SchemaNode {
  let s = input;
  let name: string | undefined;
  if (typeof s.$ref === "string") {
    const ref = s.$ref;
    name = refName(ref);
    if (seen.includes(ref))
      return { type: "object", refName: name, constraints: [], fields: [], variants: [], truncated: "cycle" };
    seen = [...seen, ref];
    // Siblings of $ref (3.1: description, default) override what it points at.
    const { $ref: _ref, ...siblings } = s;
    s = { ...asSchema(resolveRef({ document, ref })), ...siblings };
  }
  const node: SchemaNode = {
    type: "",
    ...(name ? { refName: name } : {}),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    constraints: constraintsOf(s),
    fields: [],
    variants: [],
  };
  if (Array.isArray(s.enum)) node.values = s.enum.map((v) => JSON.stringify(v));
  else if ("const" in s) node.values = [JSON.stringify(s.const)];

  const alternatives = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : []).map(asSchema);
  const nullable = alternatives.some(isNull) || (Array.isArray(s.type) && s.type.includes("null"));
  const others = alternatives.filter((a) => !isNull(a));

  if (others.length === 1) {
    // `X | null`: show X's own shape, marked nullable.
    const inner = describe(document, others[0]!, depth, maxDepth, seen);
    return {
      ...inner,
      type: `${inner.type} | null`,
      description: node.description ?? inner.description,
      refName: node.refName ?? inner.refName,
      constraints: [...inner.constraints, ...node.constraints],
    };
  }
  if (others.length > 1) {
    node.type = nullable ? "one of (or null)" : "one of";
    if (depth >= maxDepth) node.truncated = "depth";
    else node.variants = others.map((o) => describe(document, o, depth + 1, maxDepth, seen));
    return node;
  }

  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is string => typeof t === "string");
  const base = types.filter((t) => t !== "null");
  if (base.includes("array") || "items" in s) {
    const items = describe(document, asSchema(s.items), depth, maxDepth, seen);
    node.type = `array of ${items.refName ?? items.type}`;
    node.fields = items.fields;
    node.variants = items.variants;
    if (items.values) node.values = items.values;
    if (items.truncated) node.truncated = items.truncated;
    node.constraints.push(...items.constraints.map((c) => `each: ${c}`));
  } else if (base.includes("object") || "properties" in s) {
    node.type = "object";
    const properties = Object.entries(asSchema(s.properties));
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    if (properties.length && depth >= maxDepth) node.truncated = "depth";
    else
      node.fields = properties.map(([key, value]) => ({
        name: key,
        required: required.includes(key),
        node: describe(document, asSchema(value), depth + 1, maxDepth, seen),
      }));
    if (!properties.length && "additionalProperties" in s) {
      const values = describe(document, asSchema(s.additionalProperties), depth, maxDepth, seen);
      node.type = `map of ${values.refName ?? values.type}`;
    }
  } else if (base.length) {
    node.type = base.join(" | ");
  } else if (node.values) {
    node.type = typeof JSON.parse(node.values[0]!) === "string" ? "string" : "value";
  } else {
    node.type = "any JSON value";
  }
  if (nullable && !node.type.endsWith("| null")) node.type += " | null";
  return node;
}
