// Pure, browser- and SDK-safe: a prompt version's content rendered into what an LLM call takes.
// The server (render route, playground) and the SDK both use it, so they cannot disagree.
// lib/templates imports nothing but itself, by relative paths, so the SDK bundles it as it is; the
// one exception, zod in prompt-content.ts, is never imported by the code the SDK bundles.
import { checkValues, type Contract, type JsonValue } from "./contract";
import { contractWithReferences } from "./contract-with-references";
import { parseTemplate } from "./parse-template";
import { renderTemplate, syntaxIssues, TemplateError, type ReferenceResolver } from "./render-template";
import { WorkBudget, type TemplateLimits } from "./work-budget";

export type PromptMessage =
  { role: "system" | "user" | "assistant"; content: string } | { role: "placeholder"; name: string };
export type RenderableContent = { template?: string | null; messages?: PromptMessage[] | null; contract: Contract };
export type RenderedMessage = { role: string; content: unknown; [key: string]: unknown };

/**
 * A version's model settings (modelConfigSchema's type, written out for the SDK as Contract is; see
 * prompt-content.ts), which stand for OpenAI chat.completions parameters.
 */
export type ModelSettings = {
  provider?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stop?: string[];
  responseFormat?:
    | { type: "text" }
    | { type: "json_object" }
    | { type: "json_schema"; name: string; schema: Record<string, JsonValue>; strict?: boolean };
  tools?: Array<{
    type: "function";
    function: { name: string; description?: string; parameters: Record<string, JsonValue> };
  }>;
};

export type OpenAIParams = {
  model?: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  stop?: string[];
  response_format?:
    | { type: "json_object" }
    | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };
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
      ? {
          response_format: {
            type: "json_schema" as const,
            json_schema: {
              name: config.responseFormat.name,
              schema: config.responseFormat.schema,
              strict: config.responseFormat.strict,
            },
          },
        }
      : {}),
    ...(config.tools?.length ? { tools: config.tools } : {}),
  };
}

/**
 * Renders a text or chat prompt with values checked against its contract and the defaults of the
 * prompts it includes (every problem at once, each naming its variable). A text prompt gives its
 * text and one user message; placeholders take the message list given for them. All messages
 * share one work budget (`limits`), so a prompt's total output is bounded.
 */
export function renderPrompt(opts: {
  content: RenderableContent;
  values: Record<string, unknown>;
  strict?: boolean;
  resolveReference?: ReferenceResolver;
  promptName?: string;
  limits?: TemplateLimits;
}): { text: string | null; messages: RenderedMessage[] } {
  const sources = opts.content.messages
    ? opts.content.messages.flatMap((m) => (m.role === "placeholder" ? [] : [m.content]))
    : [opts.content.template ?? ""];
  const parsed = sources.map((source) => parseTemplate(source));
  // Every message's syntax problems and every value's, at once, before anything renders.
  const syntax = parsed.flatMap(syntaxIssues);
  const contract = syntax.length
    ? opts.content.contract
    : contractWithReferences({
        contract: opts.content.contract,
        templates: parsed,
        resolveReference: opts.resolveReference,
      });
  const checked = checkValues({ contract, values: opts.values, strict: opts.strict });
  if (syntax.length || checked.problems.length) throw new TemplateError([...syntax, ...checked.problems]);
  const budget = new WorkBudget(opts.limits);
  let next = 0;
  const render = () =>
    renderTemplate({
      template: parsed[next++]!,
      values: checked.values,
      resolveReference: opts.resolveReference,
      promptName: opts.promptName,
      budget,
    });
  if (!opts.content.messages) {
    const text = render();
    return { text, messages: [{ role: "user", content: text }] };
  }
  const messages = opts.content.messages.flatMap((m): RenderedMessage[] => {
    if (m.role !== "placeholder") return [{ role: m.role, content: render() }];
    const list = checked.values[m.name];
    return Array.isArray(list) ? (list as RenderedMessage[]) : [];
  });
  return { text: null, messages };
}
