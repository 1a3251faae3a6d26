// Pure, browser- and SDK-safe: a prompt version's content rendered into what an LLM call takes.
// The server (render route, playground) and the SDK both use it, so they cannot disagree.
// lib/templates imports nothing but itself, by relative paths, so the SDK bundles it as it is.
import { checkValues, type Contract } from "./contract";
import { renderTemplate, TemplateError, type ReferenceResolver } from "./render-template";

export type PromptMessage = { role: "system" | "user" | "assistant"; content: string } | { role: "placeholder"; name: string };
export type RenderableContent = { template?: string | null; messages?: PromptMessage[] | null; contract: Contract };
export type RenderedMessage = { role: string; content: unknown; [key: string]: unknown };

/** The OpenAI chat.completions parameters a version's model settings stand for. */
export type ModelSettings = {
  provider?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stop?: string[];
  responseFormat?: { type: "text" } | { type: "json_object" } | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict?: boolean };
  tools?: Array<{ type: "function"; function: { name: string; description?: string; parameters: Record<string, unknown> } }>;
};

export type OpenAIParams = {
  model?: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  stop?: string[];
  response_format?: { type: "json_object" } | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };
  tools?: ModelSettings["tools"];
};

export function toOpenAIParams(config: ModelSettings): OpenAIParams {
  return {
    ...(config.model ? { model: config.model } : {}),
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxTokens !== undefined ? { max_tokens: config.maxTokens } : {}),
    ...(config.topP !== undefined ? { top_p: config.topP } : {}),
    ...(config.stop?.length ? { stop: config.stop } : {}),
    ...(config.responseFormat?.type === "json_object" ? { response_format: { type: "json_object" as const } } : {}),
    ...(config.responseFormat?.type === "json_schema"
      ? { response_format: { type: "json_schema" as const, json_schema: { name: config.responseFormat.name, schema: config.responseFormat.schema, strict: config.responseFormat.strict } } }
      : {}),
    ...(config.tools?.length ? { tools: config.tools } : {}),
  };
}

/**
 * Renders a text or chat prompt with values checked against its contract (every problem at once,
 * each naming its variable). A text prompt gives its text and one user message; placeholders take
 * the message list given for them.
 */
export function renderPrompt(opts: { content: RenderableContent; values: Record<string, unknown>; strict?: boolean; resolveReference?: ReferenceResolver; promptName?: string }): { text: string | null; messages: RenderedMessage[] } {
  const checked = checkValues({ contract: opts.content.contract, values: opts.values, strict: opts.strict });
  if (checked.problems.length) throw new TemplateError(checked.problems);
  const render = (template: string) => renderTemplate({ template, values: checked.values, resolveReference: opts.resolveReference, promptName: opts.promptName });
  if (!opts.content.messages) {
    const text = render(opts.content.template ?? "");
    return { text, messages: [{ role: "user", content: text }] };
  }
  const messages = opts.content.messages.flatMap((m): RenderedMessage[] => {
    if (m.role !== "placeholder") return [{ role: m.role, content: render(m.content) }];
    const list = checked.values[m.name];
    return Array.isArray(list) ? (list as RenderedMessage[]) : [];
  });
  return { text: null, messages };
}
