import crypto from "node:crypto";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkContent } from "@/lib/prompts/check-content";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import type { JsonCheck } from "@/lib/runs/check-run-output";
import { chooseRunModel } from "@/lib/runs/choose-run-model";
import { executeRun, type ToolCallView } from "@/lib/runs/execute-run";
import { renderForRun } from "@/lib/runs/render-for-run";
import type { ModelConfig } from "@/lib/validations/prompt";
import type { RunRequest } from "@/lib/validations/run";

export type { ToolCallView };

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
      json: JsonCheck;
    }
  | { type: "error"; runId: string; failure: ProviderFailure };

/**
 * Renders the prompt and streams the provider's answer as RunEvents. Problems found before the
 * call (bad values, unknown provider, no model) throw AppErrors; provider failures arrive as an
 * "error" event. Every run is stored, failed ones too. `signal` (the browser going away, or Stop)
 * aborts the upstream request.
 */
export async function runPrompt(opts: {
  projectId: string;
  promptId: string;
  userId: string;
  request: RunRequest;
  signal?: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const { request } = opts;
  const { source } = request;
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const { fromVersion, content } =
    "version" in source
      ? await getVersionOrThrow({ projectId: opts.projectId, promptId: prompt.id, number: source.version }).then(
          (version) => ({ fromVersion: version, content: version.content }),
        )
      : { fromVersion: null, content: checkContent({ type: prompt.type, content: source.content, forVersion: false }) };
  // Rendered (and the provider and model chosen) before the stream starts, so these problems answer as errors, not events.
  const messages = await renderForRun({
    projectId: opts.projectId,
    promptName: prompt.name,
    content,
    values: request.values,
  });
  const provider = await getProviderClient({ projectId: opts.projectId, providerId: request.providerId });
  const settings: ModelConfig = { ...content.modelConfig, ...request.settings };
  const model = chooseRunModel({ requested: request.model, settings, defaultModel: provider.defaultModel });
  const draftHash = fromVersion
    ? null
    : crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);

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
      send({ type: "start", model, provider: provider.name });
      const result = await executeRun({
        projectId: opts.projectId,
        provider,
        model,
        settings,
        messages,
        signal: upstream.signal,
        onDelta: (text) => send({ type: "delta", text }),
      });
      const { output, toolCalls, finishReason, ttftMs, totalMs, costUsd, failure } = result;
      const { inputTokens, outputTokens } = result.usage;
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
      else
        send({
          type: "done",
          runId: run.id,
          inputTokens,
          outputTokens,
          costUsd,
          ttftMs,
          totalMs,
          finishReason,
          toolCalls,
          json: result.jsonCheck,
        });
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
