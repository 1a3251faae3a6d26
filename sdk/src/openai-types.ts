// The shapes toOpenAI() returns, written out so that they are assignable to the openai package's
// ChatCompletionMessageParam and chat.completions.create parameters without the SDK depending on
// openai at run time (or at type level: apps may use another OpenAI-compatible client). Each is a
// subset of openai's own type; a test type-checks them against the openai package.
import type { OpenAIParams } from "../../lib/templates/render-prompt";

export type ChatTextPart = { type: "text"; text: string };
export type ChatImagePart = { type: "image_url"; image_url: { url: string; detail?: "auto" | "low" | "high" } };
export type ChatToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };

/** One chat message, as openai's ChatCompletionMessageParam takes it. */
export type ChatMessage =
  | { role: "developer"; content: string | ChatTextPart[]; name?: string }
  | { role: "system"; content: string | ChatTextPart[]; name?: string }
  | { role: "user"; content: string | Array<ChatTextPart | ChatImagePart>; name?: string }
  | {
      role: "assistant";
      content?: string | ChatTextPart[] | null;
      name?: string;
      refusal?: string | null;
      tool_calls?: ChatToolCall[];
    }
  | { role: "tool"; content: string | ChatTextPart[]; tool_call_id: string };

/**
 * What toOpenAI() returns: the messages plus the version's model settings, ready to spread into
 * chat.completions.create. `model` is absent when the version names none, so give one first:
 * `create({ model: "gpt-4o-mini", ...prompt.toOpenAI(vars) })`.
 */
export type ChatCompletionParams = OpenAIParams & { messages: ChatMessage[] };
