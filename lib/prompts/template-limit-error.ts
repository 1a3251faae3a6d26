import { AppError, validationError } from "@/lib/errors";
import { TemplateError, type TemplateIssue } from "@/lib/templates/render-template";

/**
 * The 422 for a template whose resolution or render hit a work bound (lib/templates/work-budget):
 * code template_too_large, naming the reference chain where it stopped. Null for any other error.
 * `prompt` names what was being resolved (e.g. "support/reply v3"); `path` is the field for forms.
 */
export function templateLimitError(opts: { error: unknown; prompt: string; path: string }): AppError | null {
  if (!(opts.error instanceof TemplateError)) return null;
  const issue = opts.error.issues.find((i) => i.limit);
  if (!issue) return null;
  return new AppError({
    code: "template_too_large",
    message: `${opts.prompt}: ${issue.message}`,
    details: {
      limit: issue.limit,
      chain: issue.chain ?? [],
      issues: [{ path: opts.path, message: issue.message, code: issue.code }],
    },
  });
}

/**
 * What to throw for an error a render or a resolution threw: template_too_large for a work bound
 * (templateLimitError), a 422 listing every other template problem with its code at the field
 * `pathOf` names, and any other error as it is.
 */
export function templateProblem(opts: {
  error: unknown;
  prompt: string;
  pathOf: (issue: TemplateIssue) => string;
  message?: string;
}): unknown {
  const tooLarge = templateLimitError({ error: opts.error, prompt: opts.prompt, path: "template" });
  if (tooLarge) return tooLarge;
  if (!(opts.error instanceof TemplateError)) return opts.error;
  return validationError(
    opts.error.issues.map((i) => ({ path: opts.pathOf(i), message: i.message, code: i.code })),
    opts.message,
  );
}
