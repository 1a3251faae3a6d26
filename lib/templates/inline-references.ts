import { parseTemplate, type TemplateNode } from "./parse-template";
import { referenceLabel, referenceLimitIssue, TemplateError, type ReferenceResolver, type TemplateIssue } from "./render-template";

/**
 * Replaces every `{{> other/prompt}}` (and `{{> other/prompt@3}}`) with the referenced template's
 * text, recursively, so the result renders with no lookups. Variables, sections and comments stay
 * as they are. Unknown references, cycles and nesting deeper than MAX_REFERENCE_DEPTH (render-template) end in one
 * TemplateError listing every problem, as rendering does.
 */
export function inlineReferences(opts: { template: string; resolveReference: ReferenceResolver; promptName?: string }): string {
  const issues: TemplateIssue[] = [];
  const inline = (source: string, chain: string[]): string => {
    const parsed = parseTemplate(source);
    if (parsed.problems.length) {
      const where = chain.length > (opts.promptName ? 1 : 0) ? `In ${chain[chain.length - 1]}, line ` : "Line ";
      issues.push(...parsed.problems.map((p) => ({ message: `${where}${p.span.start.line}, column ${p.span.start.column}: ${p.message}`, span: p.span })));
      return source;
    }
    const refs: Array<Extract<TemplateNode, { kind: "reference" }>> = [];
    const walk = (nodes: TemplateNode[]) => {
      for (const node of nodes) {
        if (node.kind === "reference") refs.push(node);
        else if (node.kind === "section") walk(node.children);
      }
    };
    walk(parsed.nodes);
    if (!refs.length) return source;
    let out = "";
    let at = 0;
    for (const ref of refs.sort((a, b) => a.span.start.offset - b.span.start.offset)) {
      out += source.slice(at, ref.span.start.offset);
      at = ref.span.end.offset;
      const label = referenceLabel(ref);
      const limit = referenceLimitIssue(chain, ref);
      if (limit) {
        issues.push(limit);
        continue;
      }
      const target = opts.resolveReference(ref.prompt, ref.version);
      if (!target) {
        issues.push({ prompt: ref.prompt, message: `Unknown prompt reference {{> ${label}}}`, span: ref.span });
        continue;
      }
      out += inline(target.template, [...chain, ref.prompt]);
    }
    return out + source.slice(at);
  };
  const result = inline(opts.template, opts.promptName ? [opts.promptName] : []);
  if (issues.length) throw new TemplateError(issues);
  return result;
}
