// Checks a model's JSON answer against the response schema of the version, with ajv: all of JSON
// Schema (draft-07 by default; 2019-09 and 2020-12 when the schema's $schema says so), formats from
// ajv-formats. Server-side: ajv compiles a schema into code (new Function), which our CSP forbids
// in the browser.
import vm from "node:vm";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";

/**
 * Compiling is the expensive part (code generation, blocking: up to ~1 ms per property on a busy
 * 2-core machine), so it is bounded by size and done once per schema per process.
 */
export const MAX_SCHEMA_CHARS = 50_000;
const CACHE_SIZE = 100;
const MAX_PROBLEMS = 50;
/**
 * A schema's `pattern` is the author's regular expression run over the model's answer, and some
 * expressions backtrack for minutes on the wrong input (ReDoS). Validation runs under a vm timeout,
 * which V8 enforces inside regular expressions too, so one run cannot stall the server.
 */
// Wall-clock time: on a 2-core machine under load a plain check can wait 100 ms+ for the CPU, so
// the bound only stops runaway patterns (which take minutes), not checks that were merely scheduled late.
export const CHECK_TIMEOUT_MS = 1000;

export type SchemaCheck = { problems: string[]; schemaError: string | null };

type Draft = "draft-07" | "2019-09" | "2020-12";
type Compiled = { validate: ValidateFunction; ajv: Ajv; schema: object } | { error: string };

const instances = new Map<Draft, Ajv>();
const sandbox = vm.createContext({ validate: null, value: null });
const runValidate = new vm.Script("validate(value)");
const compiled = new Map<string, Compiled>();

function ajvFor(draft: Draft): Ajv {
  let ajv = instances.get(draft);
  if (!ajv) {
    // strict off: response schemas carry keywords ajv does not know (OpenAI's, vendors' x-…), which
    // are annotations, not errors. addUsedSchema off: two prompts may use the same $id for different
    // schemas. No loadSchema: a remote $ref is an error, never a request.
    const options = { allErrors: true, strict: false, addUsedSchema: false, logger: false as const };
    ajv = draft === "2020-12" ? new Ajv2020(options) : draft === "2019-09" ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    instances.set(draft, ajv);
  }
  return ajv;
}

function draftOf(schema: Record<string, unknown>): Draft | { error: string } {
  const declared = schema.$schema;
  if (declared === undefined) return "draft-07";
  if (typeof declared === "string" && /json-schema\.org\/draft\/2020-12\/schema/.test(declared)) return "2020-12";
  if (typeof declared === "string" && /json-schema\.org\/draft\/2019-09\/schema/.test(declared)) return "2019-09";
  if (typeof declared === "string" && /json-schema\.org\/draft-07\/schema/.test(declared)) return "draft-07";
  return {
    error: `$schema ${JSON.stringify(declared)} is not a version Galley checks (draft-07, 2019-09 or 2020-12).`,
  };
}

function compile(schema: Record<string, unknown>, text: string): Compiled {
  const hit = compiled.get(text);
  if (hit) {
    // Least recently used goes first: move a hit to the end.
    compiled.delete(text);
    compiled.set(text, hit);
    return hit;
  }
  const draft = draftOf(schema);
  let entry: Compiled;
  if (typeof draft !== "string") entry = draft;
  else {
    const ajv = ajvFor(draft);
    // A copy, so the cache holds its own object and ajv's own cache can be emptied of it on eviction.
    const own = JSON.parse(text) as object;
    try {
      entry = { validate: ajv.compile(own), ajv, schema: own };
    } catch (error) {
      ajv.removeSchema(own);
      entry = { error: (error as Error).message.replace(/^schema is invalid: /, "") };
    }
  }
  compiled.set(text, entry);
  if (compiled.size > CACHE_SIZE) {
    const [oldestText, oldest] = compiled.entries().next().value!;
    compiled.delete(oldestText);
    if ("ajv" in oldest) oldest.ajv.removeSchema(oldest.schema);
  }
  return entry;
}

const typeOf = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;

/** "/tags/1" → "$.tags[1]"; keys that are not plain names are quoted ($["a b"]). */
function pathOf(pointer: string, extra?: string): string {
  const segments = pointer
    ? pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    : [];
  if (extra !== undefined) segments.push(extra);
  return `$${segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("")}`;
}

function valueAt(value: unknown, pointer: string): unknown {
  if (!pointer) return value;
  return pointer
    .slice(1)
    .split("/")
    .reduce<unknown>(
      (v, s) =>
        v && typeof v === "object"
          ? (v as Record<string, unknown>)[s.replace(/~1/g, "/").replace(/~0/g, "~")]
          : undefined,
      value,
    );
}

const comparison: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<" };

function describe(error: ErrorObject, value: unknown): string {
  const p = error.params as Record<string, unknown>;
  const at = pathOf(error.instancePath);
  switch (error.keyword) {
    case "required":
      return `${pathOf(error.instancePath, String(p.missingProperty))}: is required`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `${pathOf(error.instancePath, String(p.additionalProperty ?? p.unevaluatedProperty))}: is not allowed`;
    case "type":
      return `${at}: expected ${String(p.type).split(",").join(" or ")}, got ${typeOf(valueAt(value, error.instancePath))}`;
    case "enum":
      return `${at}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
    case "anyOf":
      return `${at}: matches none of the allowed shapes`;
    case "oneOf":
      return p.passingSchemas
        ? `${at}: matches more than one of the allowed shapes`
        : `${at}: matches none of the allowed shapes`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `${at}: must be ${comparison[String(p.comparison)] ?? p.comparison} ${p.limit}`;
    case "minLength":
      return `${at}: must have at least ${p.limit} characters`;
    case "maxLength":
      return `${at}: must have at most ${p.limit} characters`;
    case "minItems":
      return `${at}: must have at least ${p.limit} items`;
    case "maxItems":
      return `${at}: must have at most ${p.limit} items`;
    case "pattern":
      return `${at}: must match the pattern ${p.pattern}`;
    case "format":
      return `${at}: must be a valid ${p.format}`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

/**
 * Every place where `value` does not fit `schema`, as "path: problem" (none when it fits), or why
 * the schema itself cannot be used (not valid JSON Schema, an unresolvable $ref, too large): a bad
 * schema is the prompt author's to fix, reported as such rather than as a bad answer or a crash.
 */
export function checkJsonAgainstSchema(opts: { value: unknown; schema: Record<string, unknown> }): SchemaCheck {
  const text = JSON.stringify(opts.schema);
  if (text.length > MAX_SCHEMA_CHARS)
    return {
      problems: [],
      schemaError: `it has ${text.length.toLocaleString("en")} characters; at most ${MAX_SCHEMA_CHARS.toLocaleString("en")} are checked.`,
    };
  const entry = compile(opts.schema, text);
  if ("error" in entry) return { problems: [], schemaError: entry.error };
  try {
    Object.assign(sandbox, { validate: entry.validate, value: opts.value });
    if (runValidate.runInContext(sandbox, { timeout: CHECK_TIMEOUT_MS })) return { problems: [], schemaError: null };
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      return {
        problems: [],
        schemaError: `checking took longer than ${CHECK_TIMEOUT_MS} ms; a pattern in it may backtrack without end on this answer.`,
      };
    }
    // Deeply nested answers against recursive schemas can exhaust the stack.
    return { problems: [`$: could not be checked (${(error as Error).message})`], schemaError: null };
  } finally {
    Object.assign(sandbox, { validate: null, value: null });
  }
  const problems = [...new Set((entry.validate.errors ?? []).map((e) => describe(e, opts.value)))];
  return { problems: problems.slice(0, MAX_PROBLEMS), schemaError: null };
}
