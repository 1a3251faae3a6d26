// One run of a prompt against a model: render → call → measure (latency, tokens, cost) → check the
// answer's JSON. The playground streams through it and eval runs call it once per dataset row, so
// both describe, time, price and check an answer the same way.
import type OpenAI from "openai";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { CompletionUsage } from "openai/resources/completions";

import { log } from "@/lib/log";
import { describeProviderError, type ProviderFailure } from "@/lib/providers/describe-provider-error";
import type { getProviderClient } from "@/lib/providers/get-provider-client";
import { priceTableFor } from "@/lib/providers/model-prices";
import { costOf } from "@/lib/providers/prices";
import { checkRunOutput, type JsonCheck } from "@/lib/runs/check-run-output";
import { renderForRun } from "@/lib/runs/render-for-run";
import { toOpenAIParams } from "@/lib/templates/render-prompt";
import type { ModelConfig, PromptContent } from "@/lib/validations/prompt";

export type ToolCallView = { name: string; arguments: string };

/** A provider as getProviderClient gives it: its client applies the outbound destination policy and GALLEY_LLM_TIMEOUT_MS. */
export type RunProvider = Awaited<ReturnType<typeof getProviderClient>>;

export type ExecuteRunOptions = {
  /** Prices, and the prompts that content references, are looked up in this project. */
  projectId: string;
  provider: RunProvider;
  /** The model to ask (see chooseRunModel). */
  model: string;
  /** The model settings in force: the prompt's, with any overrides for this run. */
  settings: ModelConfig;
  /** Aborting it (Stop, the browser going away, an eval run cancelled) aborts the request to the provider. */
  signal?: AbortSignal;
  /** Given, the answer is streamed and each piece of text handed over as it arrives; otherwise it comes in one response. */
  onDelta?: (text: string) => void;
  /** The project's prices, loaded once by callers that run many rows (eval runs); read per run otherwise. */
  prices?: Awaited<ReturnType<typeof priceTableFor>>;
} & (
  | {
      /** Messages rendered beforehand (renderForRun), for callers that refuse bad values before starting anything else. */
      messages: ChatCompletionMessageParam[];
    }
  | { promptName: string; content: PromptContent; values: Record<string, unknown> }
);

export type RunResult = {
  /** What was sent. */
  messages: ChatCompletionMessageParam[];
  /** The answer's text: what arrived, also when the run failed midway. */
  output: string;
  toolCalls: ToolCallView[];
  finishReason: string | null;
  /** Tokens as the provider counted them; null when it did not say. */
  usage: { inputTokens: number | null; outputTokens: number | null };
  /** Time to the first token; streamed runs only. */
  ttftMs: number | null;
  totalMs: number;
  /** USD at the project's prices; null when the model's price or the usage is unknown. */
  costUsd: number | null;
  /** Null when the run failed or the settings asked for no JSON. */
  jsonCheck: JsonCheck;
  failure: ProviderFailure | null;
};

/** What has arrived so far; kept outside the call so a run that fails midway still reports it. */
type Answer = {
  output: string;
  tools: Map<number, ToolCallView>;
  finishReason: string | null;
  usage: CompletionUsage | null;
  ttftMs: number | null;
};

type CallOptions = {
  client: OpenAI;
  params: ChatCompletionCreateParamsNonStreaming;
  signal: AbortSignal | undefined;
  answer: Answer;
  started: number;
};

async function streamAnswer({
  client,
  params,
  signal,
  answer,
  started,
  onDelta,
}: CallOptions & { onDelta: (text: string) => void }): Promise<void> {
  const stream = await client.chat.completions.create(
    { ...params, stream: true, stream_options: { include_usage: true } },
    { signal },
  );
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const text = choice?.delta?.content;
    if (text) {
      answer.ttftMs ??= Math.round(performance.now() - started);
      answer.output += text;
      onDelta(text);
    }
    for (const call of choice?.delta?.tool_calls ?? []) {
      answer.ttftMs ??= Math.round(performance.now() - started);
      const current = answer.tools.get(call.index) ?? { name: "", arguments: "" };
      answer.tools.set(call.index, {
        name: current.name + (call.function?.name ?? ""),
        arguments: current.arguments + (call.function?.arguments ?? ""),
      });
    }
    if (choice?.finish_reason) answer.finishReason = choice.finish_reason;
    if (chunk.usage) answer.usage = chunk.usage;
  }
}

async function fetchAnswer({ client, params, signal, answer }: CallOptions): Promise<void> {
  const completion = await client.chat.completions.create(params, { signal });
  const choice = completion.choices[0];
  answer.output = choice?.message.content ?? "";
  for (const [index, call] of (choice?.message.tool_calls ?? []).entries()) {
    answer.tools.set(
      index,
      call.type === "function"
        ? { name: call.function.name, arguments: call.function.arguments }
        : { name: call.custom.name, arguments: call.custom.input },
    );
  }
  answer.finishReason = choice?.finish_reason ?? null;
  answer.usage = completion.usage ?? null;
}

/**
 * Runs a prompt once. Problems found before the call (values that break the contract, a template
 * too large) throw AppErrors; everything the provider does wrong, a timeout and an abort come back
 * as `failure`, described as everywhere else (describeProviderError), with whatever had arrived.
 */
export async function executeRun(opts: ExecuteRunOptions): Promise<RunResult> {
  const messages =
    "messages" in opts
      ? opts.messages
      : await renderForRun({
          projectId: opts.projectId,
          promptName: opts.promptName,
          content: opts.content,
          values: opts.values,
        });
  const params: ChatCompletionCreateParamsNonStreaming = {
    ...toOpenAIParams(opts.settings),
    model: opts.model,
    messages,
  };
  const answer: Answer = { output: "", tools: new Map(), finishReason: null, usage: null, ttftMs: null };
  const call: CallOptions = {
    client: opts.provider.client,
    params,
    signal: opts.signal,
    answer,
    started: performance.now(),
  };
  let failure: ProviderFailure | null = null;
  try {
    if (opts.onDelta) await streamAnswer({ ...call, onDelta: opts.onDelta });
    else await fetchAnswer(call);
    if (!answer.finishReason)
      failure = {
        code: "network",
        status: null,
        message: "The answer ended early: the provider closed the stream without finishing.",
        hint: "Try again.",
      };
    else if (answer.finishReason === "content_filter")
      failure = {
        code: "content_filter",
        status: null,
        message: "The provider's content filter stopped the answer.",
        hint: "Rephrase the prompt or the variables.",
      };
  } catch (error) {
    failure = describeProviderError(error, { timeoutMs: opts.provider.timeoutMs });
    // The SDK reports a connection cut while the body arrives as a plain error, not a connection error.
    if (failure.code === "unknown" && !opts.signal?.aborted) {
      failure = {
        code: "network",
        status: null,
        message: "The connection to the provider dropped mid-answer.",
        hint: "Try again; if it keeps happening, check the provider.",
      };
    }
    if (failure.code === "unknown") log.warn("model run failed", { error });
  }
  const totalMs = Math.round(performance.now() - call.started);
  const usage = {
    inputTokens: answer.usage?.prompt_tokens ?? null,
    outputTokens: answer.usage?.completion_tokens ?? null,
  };
  const costUsd = costOf(
    opts.model,
    { input: usage.inputTokens, output: usage.outputTokens },
    opts.prices ?? (await priceTableFor({ projectId: opts.projectId })),
  );
  return {
    messages,
    output: answer.output,
    toolCalls: [...answer.tools.values()],
    finishReason: answer.finishReason,
    usage,
    ttftMs: answer.ttftMs,
    totalMs,
    costUsd,
    jsonCheck: failure ? null : checkRunOutput({ output: answer.output, responseFormat: opts.settings.responseFormat }),
    failure,
  };
}
