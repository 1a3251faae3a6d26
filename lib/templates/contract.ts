// The contract: the variables a prompt takes. Detected from the template as the author types,
// refined by hand (type, required, default, description, example), stored with each version.
import type { Span, TemplateNode } from "./parse-template";

export const variableTypes = ["string", "number", "boolean", "enum", "json", "messages"] as const;
export type VariableType = (typeof variableTypes)[number];

/** What a JSON column or body can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Written out rather than inferred from contractSchema (prompt-content.ts), which checks that the two
// are the same type: the SDK bundles this file and ships its declarations without zod.
export type VariableSpec = {
  name: string;
  type: VariableType;
  required: boolean;
  /** Used when the caller gives no value; a variable with a default is never "missing". */
  default?: JsonValue;
  description?: string;
  example?: JsonValue;
  /** Allowed values when type is "enum". */
  values?: string[];
};

export type Contract = { variables: VariableSpec[] };

export type DetectedVariable = { name: string; type: VariableType; spans: Span[] };

const rootOf = (path: string) => path.split(".")[0]!;

/**
 * The variables a template uses, in order of first use, with a guessed type: plain use → string,
 * a section → boolean, a dotted path or {{.}} inside its section → json. Inside a section whose
 * variable is declared json (a list or object), names are fields of the item, not variables.
 */
export function detectVariables(nodes: TemplateNode[], declared: Contract = { variables: [] }): DetectedVariable[] {
  const found = new Map<string, DetectedVariable>();
  const jsonDeclared = new Set(declared.variables.filter((v) => v.type === "json").map((v) => v.name));
  const note = (name: string, type: VariableType, span: Span) => {
    const existing = found.get(name);
    if (!existing) found.set(name, { name, type, spans: [span] });
    else {
      existing.spans.push(span);
      if (type === "json" || (type === "string" && existing.type === "boolean")) existing.type = type;
    }
  };
  const walk = (list: TemplateNode[], itemScope: string | null) => {
    for (const node of list) {
      if (node.kind === "variable") {
        if (node.path === ".") {
          if (itemScope) note(itemScope, "json", node.span);
          continue;
        }
        if (itemScope) continue; // a field of the current item
        note(rootOf(node.path), node.path.includes(".") ? "json" : "string", node.span);
      } else if (node.kind === "section") {
        const name = rootOf(node.name);
        if (!itemScope) note(name, node.name.includes(".") ? "json" : "boolean", node.span);
        const listLike = jsonDeclared.has(name) || node.children.some((c) => c.kind === "variable" && c.path === ".");
        walk(node.children, !node.inverted && listLike ? name : itemScope);
      }
    }
  };
  walk(nodes, null);
  return [...found.values()];
}

/**
 * The contract for a new template text: variables still used keep what the author set, new ones
 * get the detected type and are required, ones no longer used are dropped. Message placeholders
 * (chat prompts) are passed in as `extra`.
 */
export function reconcileContract(opts: {
  detected: DetectedVariable[];
  previous: Contract;
  extra?: VariableSpec[];
}): Contract {
  const previous = new Map(opts.previous.variables.map((v) => [v.name, v]));
  const variables: VariableSpec[] = [];
  const seen = new Set<string>();
  for (const spec of [
    ...opts.detected.map((d) => previous.get(d.name) ?? { name: d.name, type: d.type, required: true }),
    ...(opts.extra ?? []),
  ]) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    variables.push(previous.get(spec.name) ?? spec);
  }
  return { variables };
}

/** What is wrong with a value (TemplateIssue's code for contract problems; see render-template). */
export type ValueProblemCode = "missing_variable" | "wrong_type" | "not_in_enum" | "unknown_variable";
export type ValueProblem = { code: ValueProblemCode; variable: string; message: string };

function typeProblem(spec: VariableSpec, value: unknown): string | null {
  switch (spec.type) {
    case "string":
      return typeof value === "string" ? null : `must be a string, got ${describe(value)}`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `must be a number, got ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean" ? null : `must be true or false, got ${describe(value)}`;
    case "enum":
      return typeof value === "string" && (spec.values ?? []).includes(value)
        ? null
        : `must be one of ${(spec.values ?? []).map((v) => JSON.stringify(v)).join(", ")}, got ${describe(value)}`;
    case "json":
      return value !== undefined ? null : "must be a JSON value";
    case "messages":
      return Array.isArray(value) &&
        value.every((m) => m && typeof m === "object" && typeof (m as { role?: unknown }).role === "string")
        ? null
        : `must be a list of messages like [{ "role": "user", "content": "…" }], got ${describe(value)}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Checks values against a contract and returns every problem at once (missing required variable,
 * wrong type, value not in the enum, unknown variable when strict), each naming its variable.
 * Returns the values with defaults filled in.
 */
export function checkValues(opts: { contract: Contract; values: Record<string, unknown>; strict?: boolean }): {
  values: Record<string, unknown>;
  problems: ValueProblem[];
} {
  const problems: ValueProblem[] = [];
  const values: Record<string, unknown> = { ...opts.values };
  const known = new Set<string>();
  for (const spec of opts.contract.variables) {
    known.add(spec.name);
    // Own values only: a variable named "constructor" or "toString" is not Object.prototype's.
    const given = Object.prototype.hasOwnProperty.call(values, spec.name) ? values[spec.name] : undefined;
    if (given === undefined || given === null) {
      if (spec.default !== undefined)
        Object.defineProperty(values, spec.name, {
          value: spec.default,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else if (spec.required)
        problems.push({
          code: "missing_variable",
          variable: spec.name,
          message: `${spec.name} is required${spec.description ? ` (${spec.description})` : ""}`,
        });
      continue;
    }
    const problem = typeProblem(spec, given);
    if (problem)
      problems.push({
        code: spec.type === "enum" ? "not_in_enum" : "wrong_type",
        variable: spec.name,
        message: `${spec.name} ${problem}`,
      });
  }
  if (opts.strict) {
    for (const name of Object.keys(opts.values)) {
      if (!known.has(name))
        problems.push({
          code: "unknown_variable",
          variable: name,
          message: `${name} is not a variable of this prompt`,
        });
    }
  }
  return { values, problems };
}
