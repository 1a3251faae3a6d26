import { getEnv } from "@/lib/env";
import { AppError, validationError, type FieldIssue } from "@/lib/errors";
import { contractFor, templateProblems, templatesOf, type PromptKind } from "@/lib/prompts/prompt-text";
import type { PromptContent } from "@/lib/templates/prompt-content";
import { formatBytes, utf8Length } from "@/lib/templates/work-budget";

/**
 * Checks content against the prompt's type (text: one template; chat: at least one message) and,
 * when saving a version, against the template syntax. Returns the content with its contract
 * recomputed from the templates, so a stored contract always matches its text.
 */
export function checkContent(opts: { type: PromptKind; content: PromptContent; forVersion: boolean }): PromptContent {
  const { content } = opts;
  const issues: FieldIssue[] = [];
  if (opts.type === "TEXT") {
    if (content.template === undefined)
      issues.push({ path: "content.template", message: "A text prompt needs a template." });
    if (content.messages !== undefined)
      issues.push({ path: "content.messages", message: "A text prompt has a template, not messages." });
  } else {
    if (!content.messages?.length)
      issues.push({ path: "content.messages", message: "A chat prompt needs at least one message." });
    if (content.template !== undefined)
      issues.push({ path: "content.template", message: "A chat prompt has messages, not a template." });
  }
  if (opts.forVersion && !issues.length) {
    // A version no app could be served (see GALLEY_MAX_RESOLVED_BYTES) is refused before its text is even parsed.
    const max = getEnv().GALLEY_MAX_RESOLVED_BYTES;
    const bytes = templatesOf(content).reduce((sum, t) => sum + utf8Length(t.source), 0);
    if (bytes > max) {
      const message = `The text is ${formatBytes(bytes)}, more than the ${formatBytes(max)} a prompt may grow to (GALLEY_MAX_RESOLVED_BYTES): shorten it.`;
      throw new AppError({
        code: "template_too_large",
        message,
        details: {
          limit: "bytes",
          chain: [],
          issues: [{ path: `content.${templatesOf(content)[0]?.path ?? "template"}`, message }],
        },
      });
    }
    for (const { path, problem } of templateProblems(content)) {
      issues.push({
        path: `content.${path}`,
        message: `Line ${problem.span.start.line}, column ${problem.span.start.column}: ${problem.message}`,
      });
    }
  }
  if (issues.length) throw validationError(issues);
  return { ...content, contract: contractFor(content) };
}
