// The template language, shared by server, browser and SDK (no server-only imports here).
// Mustache semantics without HTML escaping:
//   {{name}} {{ user.name }} {{{name}}}   variable (dotted paths walk objects)
//   {{#name}}…{{/name}}                  section: skipped when falsy or empty, repeated per list item
//   {{^name}}…{{/name}}                  inverted section: rendered when falsy or empty
//   {{! comment }}                       dropped
//   {{> support/greeting}}               another prompt of the project, at the version the same
//   {{> support/greeting@3}}             environment runs, or pinned to version 3
//   {{.}}                                the current list item inside a section
//   \{{                                  a literal "{{" (JSON needs no escaping: only "{{" opens a tag)

export type Position = { offset: number; line: number; column: number };
export type Span = { start: Position; end: Position };

export type TemplateNode =
  | { kind: "text"; value: string; span: Span }
  | { kind: "variable"; path: string; span: Span }
  | { kind: "section"; name: string; inverted: boolean; children: TemplateNode[]; span: Span }
  | { kind: "comment"; span: Span }
  | { kind: "reference"; prompt: string; version: number | null; span: Span };

export type TemplateProblem = { message: string; span: Span };

export type ParsedTemplate = { nodes: TemplateNode[]; problems: TemplateProblem[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const PROMPT_NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
const REFERENCE = /^([^@\s]+)(?:@(\d+))?$/;

/** Line and column (1-based) of every offset, computed once per template. */
function positionsOf(source: string) {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

type Frame = { node: Extract<TemplateNode, { kind: "section" }> | null; children: TemplateNode[] };

/** Every walker of the parsed tree (rendering, variable detection) recurses once per section level. */
export const MAX_SECTION_DEPTH = 64;

/** Parses a template into nodes, collecting every problem (with its position) instead of stopping at the first. */
export function parseTemplate(source: string): ParsedTemplate {
  const at = positionsOf(source);
  const span = (start: number, end: number): Span => ({ start: at(start), end: at(end) });
  const problems: TemplateProblem[] = [];
  const root: Frame = { node: null, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  let text = "";
  let textStart = 0;
  let tooDeep = false;

  const flush = (end: number) => {
    if (text) top().children.push({ kind: "text", value: text, span: span(textStart, end) });
    text = "";
  };

  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("{{", i);
    if (open === -1) {
      if (!text) textStart = i;
      text += source.slice(i);
      break;
    }
    if (open > 0 && source[open - 1] === "\\") {
      // \{{ is a literal "{{": keep what precedes the backslash, then the braces.
      if (!text) textStart = i;
      text += source.slice(i, open - 1) + "{{";
      i = open + 2;
      continue;
    }
    if (!text) textStart = i;
    text += source.slice(i, open);
    const triple = source.startsWith("{{{", open);
    const closeToken = triple ? "}}}" : "}}";
    const close = source.indexOf(closeToken, open + (triple ? 3 : 2));
    if (close === -1) {
      flush(open);
      problems.push({
        message: `Unclosed tag: "${source.slice(open, open + 20)}…" has no closing "${closeToken}". Write \\{{ for a literal "{{".`,
        span: span(open, source.length),
      });
      text = source.slice(open);
      textStart = open;
      break;
    }
    flush(open);
    const end = close + closeToken.length;
    const inner = source.slice(open + (triple ? 3 : 2), close).trim();
    const tagSpan = span(open, end);
    i = end;
    if (triple) {
      if (NAME.test(inner) || inner === ".") top().children.push({ kind: "variable", path: inner, span: tagSpan });
      else
        problems.push({
          message: `"${inner}" is not a variable name (letters, digits and _; dots for fields).`,
          span: tagSpan,
        });
      continue;
    }
    const sigil = inner[0];
    const rest = inner.slice(1).trim();
    if (!inner) {
      problems.push({
        message: "Empty tag {{}}: write a variable name inside, or \\{{ for literal braces.",
        span: tagSpan,
      });
    } else if (sigil === "!") {
      top().children.push({ kind: "comment", span: tagSpan });
    } else if (sigil === "#" || sigil === "^") {
      if (!NAME.test(rest)) {
        problems.push({ message: `"${rest}" is not a valid section name.`, span: tagSpan });
        continue;
      }
      if (stack.length > MAX_SECTION_DEPTH) {
        // Stop here rather than build a tree deep enough to overflow the stack of what walks it.
        problems.push({ message: `Sections are nested more than ${MAX_SECTION_DEPTH} levels deep.`, span: tagSpan });
        tooDeep = true;
        break;
      }
      const node: Extract<TemplateNode, { kind: "section" }> = {
        kind: "section",
        name: rest,
        inverted: sigil === "^",
        children: [],
        span: tagSpan,
      };
      top().children.push(node);
      stack.push({ node, children: node.children });
    } else if (sigil === "/") {
      const frame = top();
      if (!frame.node) {
        problems.push({ message: `{{/${rest}}} closes a section that was never opened.`, span: tagSpan });
      } else if (frame.node.name !== rest) {
        problems.push({
          message: `{{/${rest}}} does not match the open section {{${frame.node.inverted ? "^" : "#"}${frame.node.name}}}.`,
          span: tagSpan,
        });
      } else {
        frame.node.span = { start: frame.node.span.start, end: tagSpan.end };
        stack.pop();
      }
    } else if (sigil === ">") {
      const match = REFERENCE.exec(rest);
      if (!match || !PROMPT_NAME.test(match[1]!)) {
        problems.push({
          message: `"${rest}" is not a prompt reference: write {{> folder/prompt}} or {{> folder/prompt@3}}.`,
          span: tagSpan,
        });
      } else {
        top().children.push({
          kind: "reference",
          prompt: match[1]!,
          version: match[2] ? Number(match[2]) : null,
          span: tagSpan,
        });
      }
    } else if (inner === "." || NAME.test(inner)) {
      top().children.push({ kind: "variable", path: inner, span: tagSpan });
    } else {
      problems.push({
        message: `"${inner}" is not a variable name (letters, digits and _; dots for fields). Write \\{{ for literal braces.`,
        span: tagSpan,
      });
    }
  }
  if (tooDeep) return { nodes: root.children, problems };
  flush(source.length);
  for (const frame of stack.slice(1).reverse()) {
    const n = frame.node!;
    problems.push({
      message: `Section {{${n.inverted ? "^" : "#"}${n.name}}} is never closed: add {{/${n.name}}}.`,
      span: n.span,
    });
  }
  problems.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { nodes: root.children, problems };
}
