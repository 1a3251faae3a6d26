import "server-only";

import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { countServed } from "@/lib/outcomes/usage-counter";
import { loadReferencedTemplates, referenceResolver } from "@/lib/prompts/load-referenced-templates";
import { templateProblem } from "@/lib/prompts/template-limit-error";
import { assignArm } from "@/lib/releases/arms";
import { releaseOf } from "@/lib/serving/build-split-answer";
import { DEFAULT_ENVIRONMENT, loadServedVersion, type ServedSelector } from "@/lib/serving/load-served-version";
import { renderPrompt, toOpenAIParams } from "@/lib/templates/render-prompt";

/**
 * POST /api/prompts/{name}/render: the deployed (or pinned) version rendered with the caller's
 * variables into messages and OpenAI parameters, ready for chat.completions.create. Contract
 * violations are a 422 listing every variable. During a release the unit's arm is rendered, as
 * GET /api/prompts/{name} would serve it to that unit.
 */
export async function renderServedPrompt(opts: {
  projectId: string;
  name: string;
  selector: ServedSelector;
  variables: Record<string, unknown>;
  strict: boolean;
  unit?: string;
  /** The API key that asked: the render is counted as a request it was served (lib/outcomes). Benches and tests leave it out. */
  apiKeyId?: string;
}) {
  const found = await loadServedVersion({ projectId: opts.projectId, name: opts.name, selector: opts.selector });
  if (found.kind === "moved")
    throw new AppError({
      code: "not_found",
      message: `${opts.name} was renamed to ${found.to}; render it under its new name.`,
      details: { name: found.to },
    });
  const served = found.split
    ? assignArm(found.split.arms, {
        promptId: found.served.prompt.id,
        releaseId: found.split.releaseId,
        unit: opts.unit,
      }).served
    : found.served;
  const templates = await loadReferencedTemplates({
    projectId: opts.projectId,
    content: served.content,
    environment: served.environment ?? opts.selector.environment ?? DEFAULT_ENVIRONMENT,
  });
  try {
    const rendered = renderPrompt({
      content: served.content,
      values: opts.variables,
      strict: opts.strict,
      resolveReference: referenceResolver(templates),
      promptName: served.prompt.name,
      limits: { maxBytes: getEnv().GALLEY_MAX_RESOLVED_BYTES },
    });
    if (opts.apiKeyId)
      countServed({
        projectId: opts.projectId,
        promptId: served.prompt.id,
        environmentId: served.environmentId,
        releaseId: served.releaseId,
        version: served.version,
        apiKeyId: opts.apiKeyId,
      });
    return {
      name: served.prompt.name,
      version: served.version,
      release: releaseOf(served),
      environment: served.environment,
      type: served.prompt.type === "CHAT" ? "chat" : "text",
      ...(rendered.text !== null ? { text: rendered.text } : {}),
      messages: rendered.messages,
      ...toOpenAIParams(served.content.modelConfig),
    };
  } catch (error) {
    throw templateProblem({
      error,
      prompt: `${served.prompt.name} v${served.version}`,
      pathOf: (i) => (i.variable ? `variables.${i.variable}` : i.prompt ? `references.${i.prompt}` : "template"),
    });
  }
}
