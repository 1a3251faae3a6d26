import type { FieldIssue } from "@/lib/errors";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { parseTemplate } from "@/lib/templates/parse-template";
import { collectReferences } from "@/lib/templates/render-template";
import type { PromptContent } from "@/lib/validations/prompt";

/** Every prompt name the content references. */
export function referencedNames(content: PromptContent): string[] {
  return templatesOf(content).flatMap((t) => collectReferences(parseTemplate(t.source).nodes).map((r) => r.prompt));
}

/**
 * References must name another prompt of the project (`latest` maps each known name to its latest
 * version number) and, when pinned, a version that exists. `prefix` goes before each issue path.
 */
export function referenceIssues(opts: {
  content: PromptContent;
  selfName: string;
  latest: Map<string, number>;
  prefix: string;
}): FieldIssue[] {
  return templatesOf(opts.content).flatMap((t) =>
    collectReferences(parseTemplate(t.source).nodes).flatMap((r) => {
      const path = `${opts.prefix}${t.path}`;
      if (r.prompt === opts.selfName) return [{ path, message: `{{> ${r.prompt}}} refers to this prompt itself.` }];
      const latest = opts.latest.get(r.prompt);
      if (latest === undefined)
        return [{ path, message: `{{> ${r.prompt}}}: there is no prompt named ${r.prompt} in this project.` }];
      if (r.version !== null && r.version > latest)
        return [
          {
            path,
            message: `{{> ${r.prompt}@${r.version}}}: ${r.prompt} has no version ${r.version} (latest is ${latest}).`,
          },
        ];
      return [];
    }),
  );
}
