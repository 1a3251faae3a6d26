import { AppError } from "@/lib/errors";
import { TemplateError } from "@/lib/templates/render-template";

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
