// Checks a model's JSON answer against the response schema of the version: the JSON Schema subset
// that structured outputs use (type, properties, required, additionalProperties, items, enum,
// const, anyOf, minimum/maximum, minLength/maxLength, minItems/maxItems). Browser-safe.

type Schema = Record<string, unknown>;

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
const matchesType = (v: unknown, t: string) => typeOf(v) === t || (t === "number" && typeof v === "number");

/** Every place where `value` does not fit `schema`, as "path: problem" (empty when it fits). */
export function checkJsonAgainstSchema(value: unknown, schema: Schema, path = "$"): string[] {
  const problems: string[] = [];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types.length && !types.some((t) => matchesType(value, t))) return [`${path}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) problems.push(`${path}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => checkJsonAgainstSchema(value, s as Schema, path).length === 0)) problems.push(`${path}: matches none of the allowed shapes`);
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) problems.push(`${path}: must be ≥ ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) problems.push(`${path}: must be ≤ ${schema.maximum}`);
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) problems.push(`${path}: must have at least ${schema.minLength} characters`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) problems.push(`${path}: must have at most ${schema.maxLength} characters`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) problems.push(`${path}: must have at least ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) problems.push(`${path}: must have at most ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === "object") value.forEach((item, i) => problems.push(...checkJsonAgainstSchema(item, schema.items as Schema, `${path}[${i}]`)));
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of Array.isArray(schema.required) ? (schema.required as string[]) : []) if (!(key in obj)) problems.push(`${path}.${key}: is required`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) problems.push(...checkJsonAgainstSchema(v, props[key], `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${key}: is not allowed`);
    }
  }
  return problems;
}
