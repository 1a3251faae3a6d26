// The conformance suite (sdk/conformance/cases/*.json, described by schema.json) as TypeScript
// runners use it: every case loaded and checked against one renderer, so lib/templates and the
// built SDK bundle are held to the same expectations as the Python SDK (sdk/python/tests).
import fs from "node:fs";
import path from "node:path";

import type { Contract } from "../../lib/templates/contract";
import type { PromptMessage, RenderedMessage } from "../../lib/templates/render-prompt";
import type { ReferenceResolver, TemplateIssue } from "../../lib/templates/render-template";
import type { TemplateLimits } from "../../lib/templates/work-budget";

export type ExpectedIssue = {
  code: string;
  variable?: string;
  prompt?: string;
  line?: number;
  column?: number;
};

export type ConformanceCase = {
  name: string;
  description?: string;
  content: { template?: string; messages?: PromptMessage[]; contract?: Contract };
  references?: Record<string, { template: string; contract?: Contract }>;
  values: Record<string, unknown>;
  strict?: boolean;
  promptName?: string;
  limits?: TemplateLimits;
  expect: { text: string } | { messages: RenderedMessage[] } | { errors: ExpectedIssue[] };
};

/** What a renderer under test must offer: renderPrompt's signature and its error's issues. */
export type Renderer = {
  renderPrompt(opts: {
    content: { template?: string | null; messages?: PromptMessage[] | null; contract: Contract };
    values: Record<string, unknown>;
    strict?: boolean;
    resolveReference?: ReferenceResolver;
    promptName?: string;
    limits?: TemplateLimits;
  }): { text: string | null; messages: RenderedMessage[] };
  TemplateError: abstract new (...args: never[]) => { issues: TemplateIssue[] };
};

export const casesDir = path.join(__dirname, "cases");

/** Every case, by file (cases/<topic>.json), in the order written. */
export function loadConformanceCases(): Array<{ file: string; cases: ConformanceCase[] }> {
  return fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({
      file,
      cases: (JSON.parse(fs.readFileSync(path.join(casesDir, file), "utf8")) as { cases: ConformanceCase[] }).cases,
    }));
}

/** The case's references as a resolver: "name@3" for a pinned version, "name" otherwise. */
export function resolverOf(c: ConformanceCase): ReferenceResolver | undefined {
  const references = c.references;
  if (!references) return undefined;
  return (prompt, version) => {
    const key = version === null ? prompt : `${prompt}@${version}`;
    return Object.prototype.hasOwnProperty.call(references, key) ? references[key]! : null;
  };
}

/**
 * An issue as the suite compares it: code and names always; line and column where expected, or
 * wherever the issue has them with `positions` (sdk/conformance/run_python.py does the same).
 */
function project(issue: TemplateIssue, expected: ExpectedIssue | undefined, positions: boolean): ExpectedIssue {
  const at = issue.span?.start;
  return {
    code: issue.code,
    ...(issue.variable !== undefined ? { variable: issue.variable } : {}),
    ...(issue.prompt !== undefined ? { prompt: issue.prompt } : {}),
    ...((positions && at) || expected?.line !== undefined ? { line: at?.line } : {}),
    ...((positions && at) || expected?.column !== undefined ? { column: at?.column } : {}),
  };
}

/**
 * Renders one case and returns what it gave, shaped like the case's `expect`, so a test compares
 * the two with one deep equality (and a failure shows the difference).
 */
export function outcomeOf(
  c: ConformanceCase,
  renderer: Renderer,
  opts: { positions?: boolean } = {},
): ConformanceCase["expect"] | object {
  try {
    const rendered = renderer.renderPrompt({
      content: {
        template: c.content.template ?? null,
        messages: c.content.messages ?? null,
        contract: c.content.contract ?? { variables: [] },
      },
      values: c.values,
      strict: c.strict,
      resolveReference: resolverOf(c),
      promptName: c.promptName,
      limits: c.limits,
    });
    if (c.content.messages) return rendered.text === null ? { messages: rendered.messages } : rendered;
    // A text prompt also gives its text as one user message; anything else shows up as a difference.
    const [only, ...more] = rendered.messages;
    const asOneMessage =
      !more.length && only?.role === "user" && only.content === rendered.text && Object.keys(only).length === 2;
    return asOneMessage && rendered.text !== null ? { text: rendered.text } : rendered;
  } catch (error) {
    if (!(error instanceof renderer.TemplateError)) throw error;
    const expected = c.expect && "errors" in c.expect ? c.expect.errors : [];
    return { errors: error.issues.map((issue, i) => project(issue, expected[i], opts.positions ?? false)) };
  }
}
