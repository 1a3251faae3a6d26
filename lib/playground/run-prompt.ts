import crypto from "node:crypto";
import { toOpenAIParams } from "@/lib/templates/render-prompt";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { checkContent } from "@/lib/prompts/check-content";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { describeProviderError, type ProviderFailure } from "@/lib/providers/describe-provider-error";
import { costOf } from "@/lib/providers/prices";
import { priceTableFor } from "@/lib/providers/model-prices";
import { renderForRun } from "@/lib/runs/render-for-run";
import { checkJsonAgainstSchema } from "@/lib/runs/check-json-against-schema";
import type { ModelConfig, PromptContent } from "@/lib/validations/prompt";
import type { RunRequest } from "@/lib/validations/run";

export type ToolCallView = { name: string; arguments: string };

/** What the browser reads, one JSON object per line. */
export type RunEvent =
  | { type: "start"; model: string; provider: string }
  | { type: "delta"; text: string }
  | {
      type: "done";
      runId: string;
      inputTokens: number | null;
      outputTokens: number | null;
      costUsd: number | null;
      ttftMs: number | null;
      totalMs: number;
      finishReason: string | null;
      toolCalls: ToolCallView[];
      json: { valid: boolean; error?: string } | null;
    }
  | { type: "error"; runId: string; failure: ProviderFailure };

function toParams(model: string, config: ModelConfig): Omit<ChatCompletionCreateParamsStreaming, "messages"> {
  return { ...toOpenAIParams(config), model, stream: true, stream_options: { include_usage: true } } as Omit<ChatCompletionCreateParamsStreaming, "messages">;
}

/**
 * Renders the prompt and streams the provider's answer as RunEvents. Problems found before the
 * call (bad values, unknown provider, no model) throw AppErrors; provider failures arrive as an
 * "error" event. Every run is stored, failed ones too. `signal` (the browser going away, or Stop)
 * aborts the upstream request.
 */
export async function runPrompt(opts: { projectId: string; promptId: string; userId: string; request: RunRequest; signal?: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  const { request } = opts;
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const fromVersion = "version" in request.source ? await getVersionOrThrow({ projectId: opts.projectId, promptId: prompt.id, number: request.source.version }) : null;
  const content = fromVersion ? fromVersion.content : checkContent({ type: prompt.type, content: (request.source as { content: PromptContent }).content, forVersion: false });
  const messages = await renderForRun({ projectId: opts.projectId, promptName: prompt.name, content, values: request.values });
  const provider = await getProviderClient({ projectId: opts.projectId, providerId: request.providerId });
  const settings: ModelConfig = { ...content.modelConfig, ...request.settings };
  const model = request.model || settings.model || provider.defaultModel;
  if (!model) throw validationError([{ path: "model", message: "Choose a model, or set one in the prompt's model settings." }]);
  const params = toParams(model, settings);
  const draftHash = fromVersion ? null : crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);

  const upstream = new AbortController();
  opts.signal?.addEventListener("abort", () => upstream.abort(), { once: true });
  const encoder = new TextEncoder();

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: RunEvent) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser went away; the run is still recorded below.
        }
      };
      const started = performance.now();
      let ttftMs: number | null = null;
      let output = "";
      let finishReason: string | null = null;
      let usage: { prompt_tokens: number; completion_tokens: number } | null = null;
      const tools = new Map<number, ToolCallView>();
      let failure: ProviderFailure | null = null;
      send({ type: "start", model, provider: provider.name });
      try {
        const stream = await provider.client.chat.completions.create({ ...params, messages }, { signal: upstream.signal });
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          const text = choice?.delta?.content;
          if (text) {
            ttftMs ??= Math.round(performance.now() - started);
            output += text;
            send({ type: "delta", text });
          }
          for (const call of choice?.delta?.tool_calls ?? []) {
            ttftMs ??= Math.round(performance.now() - started);
            const current = tools.get(call.index) ?? { name: "", arguments: "" };
            tools.set(call.index, { name: current.name + (call.function?.name ?? ""), arguments: current.arguments + (call.function?.arguments ?? "") });
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          if (chunk.usage) usage = chunk.usage;
        }
        if (!finishReason) failure = { code: "network", status: null, message: "The answer ended early: the provider closed the stream without finishing.", hint: "Try again." };
        else if (finishReason === "content_filter") failure = { code: "content_filter", status: null, message: "The provider's content filter stopped the answer.", hint: "Rephrase the prompt or the variables." };
      } catch (error) {
        failure = describeProviderError(error, { timeoutMs: provider.timeoutMs });
        if (failure.code === "unknown" && !upstream.signal.aborted) {
          failure = { code: "network", status: null, message: "The connection to the provider dropped mid-answer.", hint: "Try again; if it keeps happening, check the provider." };
        }
        if (failure.code === "unknown") log.warn("playground run failed", { error });
      }
      const totalMs = Math.round(performance.now() - started);
      const inputTokens = usage?.prompt_tokens ?? null;
      const outputTokens = usage?.completion_tokens ?? null;
      const costUsd = costOf(model, { input: inputTokens, output: outputTokens }, await priceTableFor({ projectId: opts.projectId }));
      const toolCalls = [...tools.values()];
      const wantsJson = settings.responseFormat?.type === "json_object" || settings.responseFormat?.type === "json_schema";
      let json: { valid: boolean; error?: string } | null = null;
      if (wantsJson && !failure) {
        try {
          const parsed: unknown = JSON.parse(output);
          const schema = settings.responseFormat?.type === "json_schema" ? settings.responseFormat.schema : null;
          const { problems, schemaError } = schema ? checkJsonAgainstSchema({ value: parsed, schema }) : { problems: [], schemaError: null };
          if (schemaError) json = { valid: false, error: `not checked: the response schema cannot be used (${schemaError})` };
          else json = problems.length ? { valid: false, error: `does not fit the response schema: ${problems.slice(0, 5).join("; ")}` } : { valid: true };
        } catch (error) {
          json = { valid: false, error: (error as Error).message };
        }
      }
      const run = await db.playgroundRun.create({
        data: {
          projectId: opts.projectId,
          promptId: prompt.id,
          userId: opts.userId,
          versionNumber: fromVersion?.number ?? null,
          draftHash,
          providerName: provider.name,
          model,
          settings: settings as Prisma.InputJsonValue,
          variables: request.values as Prisma.InputJsonValue,
          renderedMessages: messages as unknown as Prisma.InputJsonValue,
          output,
          toolCalls: toolCalls.length ? (toolCalls as Prisma.InputJsonValue) : undefined,
          inputTokens,
          outputTokens,
          costUsd,
          ttftMs,
          totalMs,
          finishReason,
          error: failure ? (failure as unknown as Prisma.InputJsonValue) : undefined,
        },
      });
      if (failure) send({ type: "error", runId: run.id, failure });
      else send({ type: "done", runId: run.id, inputTokens, outputTokens, costUsd, ttftMs, totalMs, finishReason, toolCalls, json });
      try {
        controller.close();
      } catch {
        // already cancelled
      }
    },
    cancel() {
      upstream.abort();
    },
  });
}
