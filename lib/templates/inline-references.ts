import { measureReferences } from "./measure-references";
import { parseTemplate, type TemplateNode } from "./parse-template";
import {
  referenceLabel,
  referenceLimitIssue,
  TemplateError,
  type ReferenceResolver,
  type TemplateIssue,
} from "./render-template";
import { LimitReached, WorkBudget, type TemplateLimits } from "./work-budget";

type ReferenceNode = Extract<TemplateNode, { kind: "reference" }>;
type Prepared = { problems: ReturnType<typeof parseTemplate>["problems"]; refs: ReferenceNode[] };

/**
 * Replaces every `{{> other/prompt}}` (and `{{> other/prompt@3}}`) with the referenced template's
 * text, recursively, so the result renders with no lookups. Variables, sections and comments stay
 * as they are. Unknown references, cycles and nesting deeper than MAX_REFERENCE_DEPTH (render-template) end in one
 * TemplateError listing every problem, as rendering does. The result's size and the references
 * followed are counted as it is built and stopped at the budget's limits (a TemplateError whose
 * issue names the reference chain); a fan-out of references is measured first and never built.
 */
export function inlineReferences(opts: {
  template: string;
  resolveReference: ReferenceResolver;
  promptName?: string;
  limits?: TemplateLimits;
  budget?: WorkBudget;
}): string {
  const issues: TemplateIssue[] = [];
  const budget = opts.budget ?? new WorkBudget(opts.limits, "resolved template");
  // A prompt included many times is parsed once.
  const prepared = new Map<string, Prepared>();
  const prepare = (source: string): Prepared => {
    let known = prepared.get(source);
    if (known) return known;
    const parsed = parseTemplate(source);
    const refs: ReferenceNode[] = [];
    const walk = (nodes: TemplateNode[]) => {
      for (const node of nodes) {
        if (node.kind === "reference") refs.push(node);
        else if (node.kind === "section") walk(node.children);
      }
    };
    if (!parsed.problems.length) walk(parsed.nodes);
    refs.sort((a, b) => a.span.start.offset - b.span.start.offset);
    prepared.set(source, (known = { problems: parsed.problems, refs }));
    return known;
  };
  const parts: string[] = [];
  const emit = (text: string, chain: string[]) => {
    budget.add(text, chain);
    parts.push(text);
  };
  const inline = (source: string, chain: string[]) => {
    budget.step(chain);
    const { problems, refs } = prepare(source);
    if (problems.length) {
      const where = chain.length > (opts.promptName ? 1 : 0) ? `In ${chain[chain.length - 1]}, line ` : "Line ";
      issues.push(
        ...problems.map((p) => ({
          code: "syntax_error" as const,
          message: `${where}${p.span.start.line}, column ${p.span.start.column}: ${p.message}`,
          span: p.span,
        })),
      );
      return emit(source, chain);
    }
    let at = 0;
    for (const ref of refs) {
      emit(source.slice(at, ref.span.start.offset), chain);
      at = ref.span.end.offset;
      const label = referenceLabel(ref);
      const limit = referenceLimitIssue(chain, ref);
      if (limit) {
        issues.push(limit);
        continue;
      }
      const target = opts.resolveReference(ref.prompt, ref.version);
      if (!target) {
        issues.push({
          code: "unknown_reference",
          prompt: ref.prompt,
          message: `Unknown prompt reference {{> ${label}}}`,
          span: ref.span,
        });
        continue;
      }
      inline(target.template, [...chain, ref.prompt]);
    }
    emit(at ? source.slice(at) : source, chain);
  };
  // A fan-out is measured over the reference graph first and refused before any text is built.
  const early = measureReferences({
    template: opts.template,
    resolveReference: opts.resolveReference,
    promptName: opts.promptName,
    budget,
  });
  if (early) throw new TemplateError([early]);
  try {
    inline(opts.template, opts.promptName ? [opts.promptName] : []);
  } catch (error) {
    if (error instanceof LimitReached) throw new TemplateError([error.issue]);
    throw error;
  }
  if (issues.length) throw new TemplateError(issues);
  return parts.join("");
}
