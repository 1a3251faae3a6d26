"use client";

import { Play, RotateCw, Square, Trash2 } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";

import { AddToDataset } from "@/components/datasets/add-to-dataset";
import { Button } from "@/components/ui/button";
import type { RunEvent, ToolCallView } from "@/lib/playground/run-prompt";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";
import type { ProviderView } from "@/lib/providers/provider-view";
import type { PromptContent } from "@/lib/validations/prompt";

export type ColumnConfig = {
  id: number;
  source: "draft" | number;
  providerId: string;
  model: string;
  temperature: string;
  maxTokens: string;
};

type Result = {
  status: "idle" | "running" | "done" | "failed";
  output: string;
  chunks: number;
  model?: string;
  metrics?: Extract<RunEvent, { type: "done" }>;
  failure?: ProviderFailure;
  toolCalls?: ToolCallView[];
};

const idle: Result = { status: "idle", output: "", chunks: 0 };

type Props = {
  config: ColumnConfig;
  onConfig: (c: ColumnConfig) => void;
  onRemove?: () => void;
  providers: ProviderView[];
  versions: number[];
  content: PromptContent;
  endpoint: string;
  /** Parses the shared values; null when they have problems (the form shows them). */
  values: () => Record<string, unknown> | null;
  onValueProblems: (issues: Record<string, string>, message?: string) => void;
  /** The panel calls the registered function to run every column together. */
  register: (id: number, run: (() => Promise<void>) | null) => void;
  label: string;
};

/** One column of the playground: its own source, provider, model and settings; streams on its own. */
export function RunColumn(props: Props) {
  const { config } = props;
  const [result, setResult] = useState<Result>(idle);
  // The values the shown answer was run with, for "Add to dataset" (the form may have changed since).
  const [ranWith, setRanWith] = useState<Record<string, unknown> | null>(null);
  const abort = useRef<AbortController | null>(null);
  const provider = props.providers.find((p) => p.id === config.providerId);
  const set = (patch: Partial<ColumnConfig>) => props.onConfig({ ...config, ...patch });

  const run = useCallback(async () => {
    if (abort.current) return;
    const values = props.values();
    if (!values) return;
    const controller = new AbortController();
    abort.current = controller;
    setRanWith(values);
    setResult({ ...idle, status: "running" });
    const temperature = config.temperature.trim() === "" ? undefined : Number(config.temperature);
    const maxTokens = config.maxTokens.trim() === "" ? undefined : Number(config.maxTokens);
    const settings = {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
    };
    try {
      const response = await fetch(props.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          source: config.source === "draft" ? { content: props.content } : { version: config.source },
          values,
          providerId: config.providerId,
          ...(config.model.trim() ? { model: config.model.trim() } : {}),
          ...(Object.keys(settings).length ? { settings } : {}),
        }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        // Problems found before the provider was called come back in the house error shape.
        const body = (await response.json().catch(() => null)) as {
          error?: { message: string; details?: { issues?: Array<{ path: string; message: string }> } };
        } | null;
        const issues = body?.error?.details?.issues ?? [];
        const valueIssues = issues.filter((i) => i.path.startsWith("values."));
        if (valueIssues.length)
          props.onValueProblems(
            Object.fromEntries(valueIssues.map((i) => [i.path, i.message])),
            "Fix the values marked above.",
          );
        const other = issues
          .filter((i) => !i.path.startsWith("values."))
          .map((i) => i.message)
          .join(" ");
        setResult({
          ...idle,
          status: "failed",
          failure: {
            code: "invalid",
            status: response.status,
            message:
              other ||
              (valueIssues.length
                ? "Some values are missing or wrong."
                : (body?.error?.message ?? `The server answered ${response.status}.`)),
            hint: "",
          },
        });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          const event = JSON.parse(line) as RunEvent;
          setResult((r) => {
            if (event.type === "start") return { ...r, model: event.model };
            if (event.type === "delta") return { ...r, output: r.output + event.text, chunks: r.chunks + 1 };
            if (event.type === "done") return { ...r, status: "done", metrics: event, toolCalls: event.toolCalls };
            return { ...r, status: "failed", failure: event.failure };
          });
        }
      }
    } catch (error) {
      const stopped = (error as Error).name === "AbortError";
      setResult((r) => ({
        ...r,
        status: "failed",
        failure: stopped
          ? { code: "aborted", status: null, message: "Stopped.", hint: "" }
          : {
              code: "network",
              status: null,
              message: "Could not reach the Galley server.",
              hint: "Check your connection and try again.",
            },
      }));
    } finally {
      abort.current = null;
      setResult((r) => (r.status === "running" ? { ...r, status: "done" } : r));
    }
  }, [config, props]);

  const { register } = props;
  useEffect(() => {
    register(config.id, run);
    return () => register(config.id, null);
  }, [config.id, register, run]);

  const m = result.metrics;
  let pretty: string | null = null;
  if (m?.json) {
    try {
      pretty = JSON.stringify(JSON.parse(result.output), null, 2);
    } catch {
      // not JSON at all: shown as it came, with the parse error in the metrics line
    }
  }
  const field = "block w-full rounded border border-line bg-surface px-2 py-1 text-sm text-ink";
  return (
    <section
      aria-label={props.label}
      className="@container min-w-0 space-y-2 rounded-md border border-line p-3"
      data-testid="run-column"
    >
      <div className="grid grid-cols-2 gap-2 @sm:grid-cols-3">
        <label className="space-y-0.5 text-xs text-muted">
          Source
          <select
            aria-label="Source"
            className={field}
            value={String(config.source)}
            onChange={(e) => set({ source: e.target.value === "draft" ? "draft" : Number(e.target.value) })}
          >
            <option value="draft">Editor (unsaved edits)</option>
            {props.versions.map((n) => (
              <option key={n} value={n}>
                Version {n}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Provider
          <select
            aria-label="Provider"
            className={field}
            value={config.providerId}
            onChange={(e) => set({ providerId: e.target.value })}
          >
            {props.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Model
          <input
            aria-label="Model"
            className={field}
            value={config.model}
            placeholder={props.content.modelConfig.model ?? provider?.defaultModel ?? "model name"}
            onChange={(e) => set({ model: e.target.value })}
          />
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Temperature
          <input
            aria-label="Temperature override"
            className={field}
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={config.temperature}
            placeholder="as saved"
            onChange={(e) => set({ temperature: e.target.value })}
          />
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Max tokens
          <input
            aria-label="Max tokens override"
            className={field}
            type="number"
            min={1}
            step={1}
            value={config.maxTokens}
            placeholder="as saved"
            onChange={(e) => set({ maxTokens: e.target.value })}
          />
        </label>
      </div>
      <div className="flex gap-2">
        {result.status === "running" ? (
          <Button variant="danger" icon={Square} onClick={() => abort.current?.abort()}>
            Stop
          </Button>
        ) : (
          <Button variant="secondary" icon={result.status === "idle" ? Play : RotateCw} onClick={() => void run()}>
            {result.status === "idle" ? "Run this" : "Re-run"}
          </Button>
        )}
        {props.onRemove ? (
          <Button
            variant="ghost"
            icon={Trash2}
            className="ml-auto"
            onClick={props.onRemove}
            aria-label={`Remove ${props.label}`}
          >
            Remove
          </Button>
        ) : null}
      </div>
      {result.status !== "idle" ? (
        <div className="space-y-2">
          <div
            aria-live="polite"
            data-testid="run-output"
            data-chunks={result.chunks}
            className="min-h-16 rounded-md border border-line bg-canvas p-3 font-mono text-[13px] break-words whitespace-pre-wrap"
          >
            {pretty ?? result.output}
            {result.status === "running" ? <span className="animate-pulse text-muted">▍</span> : null}
          </div>
          {result.toolCalls?.length ? (
            <ul className="space-y-1 text-xs" aria-label="Tool calls">
              {result.toolCalls.map((t, i) => (
                <li key={i} className="rounded border border-line p-2 font-mono">
                  {t.name}({t.arguments})
                </li>
              ))}
            </ul>
          ) : null}
          {m ? (
            <p className="text-xs text-muted" data-testid="run-metrics">
              {result.model} · first token {m.ttftMs ?? "—"} ms · total {m.totalMs} ms · tokens {m.inputTokens ?? "?"}{" "}
              in / {m.outputTokens ?? "?"} out · cost {m.costUsd === null ? "unknown" : `$${m.costUsd.toFixed(6)}`} ·
              finish {m.finishReason ?? "—"}
              {m.json ? (m.json.valid ? " · valid JSON" : ` · JSON ${m.json.error}`) : ""}
            </p>
          ) : null}
          {result.status === "done" && ranWith ? (
            <AddToDataset
              projectApi={props.endpoint.replace(/\/prompts\/.*$/, "")}
              values={ranWith}
              expected={result.output}
              metadata={{ source: "playground", prompt: props.label, model: result.model ?? config.model }}
            />
          ) : null}
          {result.failure ? (
            <div role="alert" className="rounded-md border border-danger/40 p-3 text-sm" data-testid="run-failure">
              <p className="font-medium text-danger">{result.failure.message}</p>
              {result.failure.hint ? <p className="text-muted">{result.failure.hint}</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
