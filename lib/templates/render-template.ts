import { checkValues, type Contract, type ValueProblemCode } from "./contract";
import { contractWithReferences } from "./contract-with-references";
import { measureReferences } from "./measure-references";
import { parseTemplate, type ParsedTemplate, type Span, type TemplateNode } from "./parse-template";
import { LimitReached, WorkBudget, type TemplateLimits } from "./work-budget";

export const MAX_REFERENCE_DEPTH = 10;

/**
 * What kind of problem an issue is, the same in every renderer (lib/templates, the TypeScript SDK,
 * the Python SDK) and in the server's 422 answers (details.issues[].code); sdk/conformance pins them.
 */
export const templateIssueCodes = [
  "syntax_error",
  "missing_variable",
  "wrong_type",
  "not_in_enum",
  "unknown_variable",
  "unknown_reference",
  "reference_cycle",
  "reference_too_deep",
  "output_too_large",
  "too_much_work",
] as const;
export type TemplateIssueCode = (typeof templateIssueCodes)[number];
// Every contract problem is a template issue too.
export type CodesCoverValueProblems = Holds<ValueProblemCode extends TemplateIssueCode ? true : false>;
type Holds<T extends true> = T;

export type TemplateIssue = {
  code: TemplateIssueCode;
  message: string;
  variable?: string;
  prompt?: string;
  span?: Span;
  /** Set when a work bound stopped the render or resolution (see work-budget), with where it was. */
  limit?: "bytes" | "steps";
  chain?: string[];
};

/** The only error rendering throws: every problem found, each naming its variable or reference. */
export class TemplateError extends Error {
  readonly issues: TemplateIssue[];
  constructor(issues: TemplateIssue[]) {
    super(issues.map((i) => i.message).join("; "));
    this.name = "TemplateError";
    this.issues = issues;
  }
}

/** Looks up a referenced prompt's template (already loaded by the caller); null when there is none. */
export type ReferenceResolver = (
  prompt: string,
  version: number | null,
) => { template: string; contract?: Contract } | null;

export type RenderOptions = {
  template: string | ParsedTemplate;
  values: Record<string, unknown>;
  contract?: Contract;
  /** Unknown variables are errors (instead of being ignored). */
  strict?: boolean;
  resolveReference?: ReferenceResolver;
  /** The prompt being rendered, so a reference back to it is reported as a cycle at once. */
  promptName?: string;
  /** Bounds on output size and work (defaults in work-budget); ignored when `budget` is given. */
  limits?: TemplateLimits;
  /** Shared by the messages of one prompt, so their total is bounded, not each one's. */
  budget?: WorkBudget;
};

function lookup(stack: unknown[], path: string): unknown {
  if (path === ".") return stack[stack.length - 1];
  const [head, ...rest] = path.split(".");
  for (let i = stack.length - 1; i >= 0; i--) {
    const scope = stack[i];
    if (
      scope &&
      typeof scope === "object" &&
      !Array.isArray(scope) &&
      Object.prototype.hasOwnProperty.call(scope, head!)
    ) {
      let value: unknown = (scope as Record<string, unknown>)[head!];
      for (const key of rest) {
        // Fields of objects only: a list's own "length" is JavaScript's, not the template language's.
        value =
          value &&
          typeof value === "object" &&
          !Array.isArray(value) &&
          Object.prototype.hasOwnProperty.call(value, key)
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      return value;
    }
  }
  return undefined;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === false ||
  value === "" ||
  (Array.isArray(value) && value.length === 0);

/**
 * Renders a template: mustache semantics, no HTML escaping. Values are checked against the
 * contract first (with the defaults of included prompts, see contractWithReferences); syntax
 * errors, contract problems, unknown references, cycles and too-deep references all end in one
 * TemplateError listing every problem. Output size and work are counted as the render goes and
 * stop it at the budget's limits with a TemplateError naming the reference chain.
 */
export function renderTemplate(opts: RenderOptions): string {
  const parsed = typeof opts.template === "string" ? parseTemplate(opts.template) : opts.template;
  const issues = syntaxIssues(parsed);
  let values = opts.values;
  if (opts.contract) {
    const contract = issues.length
      ? opts.contract
      : contractWithReferences({
          contract: opts.contract,
          templates: [parsed],
          resolveReference: opts.resolveReference,
        });
    const checked = checkValues({ contract, values: opts.values, strict: opts.strict });
    values = checked.values;
    issues.push(...checked.problems);
  }
  if (issues.length) throw new TemplateError(issues);

  const budget = opts.budget ?? new WorkBudget(opts.limits);
  // A template whose resolved form is too large is refused as serving refuses it, before rendering.
  if (opts.resolveReference && collectReferences(parsed.nodes).length) {
    const early = measureReferences({
      template: parsed,
      resolveReference: opts.resolveReference,
      promptName: opts.promptName,
      budget,
    });
    if (early) throw new TemplateError([early]);
  }
  // A prompt included many times is parsed once per render.
  const parsedReferences = new Map<string, ParsedTemplate>();
  const out: string[] = [];
  const emit = (text: string, chain: string[]) => {
    budget.add(text, chain);
    out.push(text);
  };
  const render = (nodes: TemplateNode[], stack: unknown[], chain: string[]) => {
    for (const node of nodes) {
      budget.step(chain);
      switch (node.kind) {
        case "text":
          emit(node.value, chain);
          break;
        case "variable":
          emit(stringify(lookup(stack, node.path)), chain);
          break;
        case "comment":
          break;
        case "section": {
          const value = lookup(stack, node.name);
          if (node.inverted) {
            if (isEmpty(value)) render(node.children, stack, chain);
          } else if (Array.isArray(value)) {
            for (const item of value) {
              budget.step(chain);
              render(node.children, [...stack, item], chain);
            }
          } else if (!isEmpty(value)) {
            render(node.children, [...stack, value], chain);
          }
          break;
        }
        case "reference": {
          const label = referenceLabel(node);
          const limit = referenceLimitIssue(chain, node);
          if (limit) {
            issues.push(limit);
            break;
          }
          const target = opts.resolveReference?.(node.prompt, node.version) ?? null;
          if (!target) {
            issues.push({
              code: "unknown_reference",
              prompt: node.prompt,
              message: `Unknown prompt reference {{> ${label}}}`,
              span: node.span,
            });
            break;
          }
          let inner = parsedReferences.get(target.template);
          if (!inner) parsedReferences.set(target.template, (inner = parseTemplate(target.template)));
          if (inner.problems.length) {
            issues.push(
              ...inner.problems.map((p) => ({
                code: "syntax_error" as const,
                prompt: node.prompt,
                message: `In ${label}, line ${p.span.start.line}: ${p.message}`,
              })),
            );
            break;
          }
          render(inner.nodes, stack, [...chain, node.prompt]);
          break;
        }
      }
    }
  };
  try {
    render(parsed.nodes, [values], opts.promptName ? [opts.promptName] : []);
  } catch (error) {
    if (error instanceof LimitReached) throw new TemplateError([error.issue]);
    throw error;
  }
  if (issues.length) throw new TemplateError(issues);
  return out.join("");
}

/** A parsed template's problems as issues, each with its line and column. */
export const syntaxIssues = (parsed: ParsedTemplate): TemplateIssue[] =>
  parsed.problems.map((p) => ({
    code: "syntax_error",
    message: `Line ${p.span.start.line}, column ${p.span.start.column}: ${p.message}`,
    span: p.span,
  }));

type ReferenceNode = Extract<TemplateNode, { kind: "reference" }>;
export const referenceLabel = (node: ReferenceNode) =>
  node.version === null ? node.prompt : `${node.prompt}@${node.version}`;

/** A reference that would close a cycle or nest too deep, given the prompts it is inside of. */
export function referenceLimitIssue(chain: string[], node: ReferenceNode): TemplateIssue | null {
  if (chain.includes(node.prompt))
    return {
      code: "reference_cycle",
      prompt: node.prompt,
      message: `Reference cycle: ${[...chain, node.prompt].join(" → ")}`,
      span: node.span,
    };
  if (chain.length >= MAX_REFERENCE_DEPTH)
    return {
      code: "reference_too_deep",
      prompt: node.prompt,
      message: `References nest deeper than ${MAX_REFERENCE_DEPTH} levels at ${referenceLabel(node)}`,
      span: node.span,
    };
  return null;
}

/** Every prompt a template references (directly), so the caller can load them before rendering. */
export function collectReferences(nodes: TemplateNode[]): Array<{ prompt: string; version: number | null }> {
  const refs: Array<{ prompt: string; version: number | null }> = [];
  const walk = (list: TemplateNode[]) => {
    for (const node of list) {
      if (node.kind === "reference") refs.push({ prompt: node.prompt, version: node.version });
      else if (node.kind === "section") walk(node.children);
    }
  };
  walk(nodes);
  return refs;
}
