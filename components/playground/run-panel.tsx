"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunEvent, ToolCallView } from "@/lib/playground/run-prompt";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";
import type { ProviderView } from "@/lib/providers/provider-view";
import type { VariableSpec } from "@/lib/templates/contract";
import type { PromptContent } from "@/lib/validations/prompt";
import { ApiError } from "@/lib/client/api-fetch";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { parseValues, VariablesForm, type RawValues } from "@/components/playground/variables-form";

type Props = { projectSlug: string; promptId: string; content: PromptContent; providers: ProviderView[]; canManageProviders: boolean };

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

/**
 * Runs the editor's current content (unsaved edits included) against a provider and streams the
 * answer in. Ctrl/Cmd+Enter runs, Stop aborts the request (and the server aborts the provider's).
 */
export function RunPanel({ projectSlug, promptId, content, providers, canManageProviders }: Props) {
  const storageKey = `galley:values:${promptId}`;
  const [raw, setRaw] = useState<RawValues>(() => {
    if (typeof window === "undefined") return {};
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? "{}") as RawValues;
    } catch {
      return {};
    }
  });
  const [providerId, setProviderId] = useState(providers[0]?.id ?? "");
  const [model, setModel] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<Result>(idle);
  const abort = useRef<AbortController | null>(null);
  const variables = content.contract.variables as VariableSpec[];
  const provider = providers.find((p) => p.id === providerId);
  const modelPlaceholder = content.modelConfig.model ?? provider?.defaultModel ?? "model name";

  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(raw));
  }, [raw, storageKey]);

  const run = useCallback(async () => {
    if (result.status === "running") return;
    const parsed = parseValues(variables, raw);
    setErrors(parsed.errors);
    setFormError(undefined);
    if (Object.keys(parsed.errors).length) return;
    const controller = new AbortController();
    abort.current = controller;
    setResult({ status: "running", output: "", chunks: 0 });
    try {
      const response = await fetch(`/api/projects/${projectSlug}/prompts/${promptId}/runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ source: { content }, values: parsed.values, providerId, ...(model.trim() ? { model: model.trim() } : {}) }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        // Problems found before the provider was called come back in the house error shape.
        const body = (await response.json().catch(() => null)) as { error?: { message: string; details?: { issues?: Array<{ path: string; message: string }> } } } | null;
        const issues = body?.error?.details?.issues ?? [];
        setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
        setFormError(issues.length ? "Fix the values marked below." : (body?.error?.message ?? `The server answered ${response.status}.`));
        setResult(idle);
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
      if ((error as Error).name === "AbortError") setResult((r) => ({ ...r, status: "failed", failure: { code: "aborted", status: null, message: "Stopped.", hint: "" } }));
      else setFormError(error instanceof ApiError ? error.message : "Could not reach the Galley server.");
    } finally {
      abort.current = null;
      setResult((r) => (r.status === "running" ? { ...r, status: "done" } : r));
    }
  }, [content, model, projectSlug, promptId, providerId, raw, result.status, variables]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key === "Enter") {
        e.preventDefault();
        void run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  if (!providers.length) {
    return (
      <section aria-labelledby="run-heading" className="rounded-lg border border-dashed border-line bg-surface p-5">
        <h2 id="run-heading" className="font-semibold">Run</h2>
        <p className="mt-1 text-muted">
          To try this prompt against a model, connect an LLM provider first
          {canManageProviders ? (
            <>
              {" "}
              in <Link className="text-accent hover:underline" href={`/p/${projectSlug}/settings/providers`}>Settings → Providers</Link>.
            </>
          ) : (
            ": ask an admin of the project to add one."
          )}
        </p>
      </section>
    );
  }

  const m = result.metrics;
  const pretty = m?.json?.valid ? JSON.stringify(JSON.parse(result.output), null, 2) : null;
  return (
    <section aria-labelledby="run-heading" className="space-y-4 rounded-lg border border-line bg-surface p-5" data-testid="run-panel">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="run-heading" className="mr-auto font-semibold">Run</h2>
        <label className="space-y-0.5 text-xs text-muted">
          Provider
          <select aria-label="Provider" value={providerId} onChange={(e) => setProviderId(e.target.value)} className="block rounded border border-line bg-surface px-2 py-1 text-sm text-ink">
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Model
          <input aria-label="Model" value={model} onChange={(e) => setModel(e.target.value)} placeholder={modelPlaceholder} className="block w-48 rounded border border-line bg-surface px-2 py-1 text-sm text-ink" />
        </label>
        {result.status === "running" ? (
          <Button variant="danger" onClick={() => abort.current?.abort()}>
            Stop
          </Button>
        ) : (
          <Button onClick={() => void run()} title="Ctrl/Cmd+Enter">
            Run <kbd className="rounded border border-white/30 px-1 text-[10px]">⌘↵</kbd>
          </Button>
        )}
      </div>
      <VariablesForm variables={variables} raw={raw} onChange={setRaw} errors={errors} />
      {formError ? <Alert>{formError}</Alert> : null}
      {result.status !== "idle" ? (
        <div className="space-y-2">
          <div aria-live="polite" data-testid="run-output" data-chunks={result.chunks} className="min-h-16 whitespace-pre-wrap rounded-md border border-line bg-canvas p-3 font-mono text-[13px]">
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
              {result.model} · first token {m.ttftMs ?? "—"} ms · total {m.totalMs} ms · tokens {m.inputTokens ?? "?"} in / {m.outputTokens ?? "?"} out · cost {m.costUsd === null ? "unknown" : `$${m.costUsd.toFixed(6)}`} · finish {m.finishReason ?? "—"}
              {m.json ? (m.json.valid ? " · valid JSON" : ` · not valid JSON: ${m.json.error}`) : ""}
            </p>
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
