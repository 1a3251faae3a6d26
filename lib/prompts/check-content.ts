import { validationError, type FieldIssue } from "@/lib/errors";
import type { PromptContent } from "@/lib/validations/prompt";
import { contractFor, templateProblems, type PromptKind } from "@/lib/prompts/prompt-text";

/**
 * Checks content against the prompt's type (text: one template; chat: at least one message) and,
 * when saving a version, against the template syntax. Returns the content with its contract
 * recomputed from the templates, so a stored contract always matches its text.
 */
export function checkContent(opts: { type: PromptKind; content: PromptContent; forVersion: boolean }): PromptContent {
  const { content } = opts;
  const issues: FieldIssue[] = [];
  if (opts.type === "TEXT") {
    if (content.template === undefined) issues.push({ path: "content.template", message: "A text prompt needs a template." });
    if (content.messages !== undefined) issues.push({ path: "content.messages", message: "A text prompt has a template, not messages." });
  } else {
    if (!content.messages?.length) issues.push({ path: "content.messages", message: "A chat prompt needs at least one message." });
    if (content.template !== undefined) issues.push({ path: "content.template", message: "A chat prompt has messages, not a template." });
  }
  if (opts.forVersion && !issues.length) {
    for (const { path, problem } of templateProblems(content)) {
      issues.push({ path: `content.${path}`, message: `Line ${problem.span.start.line}, column ${problem.span.start.column}: ${problem.message}` });
    }
  }
  if (issues.length) throw validationError(issues);
  return { ...content, contract: contractFor(content) as PromptContent["contract"] };
}
