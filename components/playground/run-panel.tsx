"use client";

import { Columns2, Play } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";

import { RUN_EVENT } from "@/components/editor/template-editor";
import { RunColumn, type ColumnConfig } from "@/components/playground/run-column";
import { TestCaseBar } from "@/components/playground/test-case-bar";
import { parseValues, VariablesForm, type RawValues } from "@/components/playground/variables-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RunView } from "@/lib/playground/list-runs";
import type { TestCaseView } from "@/lib/playground/test-cases";
import type { ProviderView } from "@/lib/providers/provider-view";
import type { PromptContent } from "@/lib/validations/prompt";

type Props = {
  projectSlug: string;
  promptId: string;
  content: PromptContent;
  latestVersion: number;
  providers: ProviderView[];
  canManageProviders: boolean;
  reopen: RunView | null;
  testCases: TestCaseView[];
};

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

const MAX_COLUMNS = 4;

/**
 * The playground: one set of variable values, and up to four columns (each its own source,
 * provider, model and temperature) that run together on Ctrl/Cmd+Enter and stream independently.
 */
export function RunPanel({
  projectSlug,
  promptId,
  content,
  latestVersion,
  providers,
  canManageProviders,
  reopen,
  testCases,
}: Props) {
  const storageKey = `galley:values:${promptId}`;
  const [raw, setRaw] = useState<RawValues>(() => {
    if (reopen) return Object.fromEntries(Object.entries(reopen.variables).map(([k, v]) => [k, asText(v)]));
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? "{}") as RawValues;
    } catch {
      return {};
    }
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [columns, setColumns] = useState<ColumnConfig[]>(() => [
    reopen
      ? {
          id: 1,
          source: reopen.versionNumber ?? "draft",
          providerId: providers.find((p) => p.name === reopen.providerName)?.id ?? providers[0]?.id ?? "",
          model: reopen.model,
          temperature: "",
          maxTokens: "",
        }
      : { id: 1, source: "draft", providerId: providers[0]?.id ?? "", model: "", temperature: "", maxTokens: "" },
  ]);
  const runners = useRef(new Map<number, () => Promise<void>>());
  const variables = content.contract.variables;
  const versions = Array.from({ length: latestVersion }, (_, i) => latestVersion - i);

  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(raw));
  }, [raw, storageKey]);

  const register = useCallback((id: number, run: (() => Promise<void>) | null) => {
    if (run) runners.current.set(id, run);
    else runners.current.delete(id);
  }, []);

  const values = useCallback(() => {
    const parsed = parseValues(variables, raw);
    setErrors(parsed.errors);
    setFormError(Object.keys(parsed.errors).length ? "Fix the values marked above." : undefined);
    return Object.keys(parsed.errors).length ? null : parsed.values;
  }, [raw, variables]);

  const runAll = useCallback(() => {
    for (const run of runners.current.values()) void run();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key === "Enter") {
        e.preventDefault();
        runAll();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(RUN_EVENT, runAll);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(RUN_EVENT, runAll);
    };
  }, [runAll]);

  if (!providers.length) {
    return (
      <section aria-labelledby="run-heading" className="rounded-lg border border-dashed border-line bg-surface p-5">
        <h2 id="run-heading" className="font-semibold">
          Run
        </h2>
        <p className="mt-1 text-muted">
          To try this prompt against a model, connect an LLM provider first
          {canManageProviders ? (
            <>
              {" "}
              in{" "}
              <Link className="text-accent underline underline-offset-2" href={`/p/${projectSlug}/settings/providers`}>
                Settings → Providers
              </Link>
              .
            </>
          ) : (
            ": ask an admin of the project to add one."
          )}
        </p>
      </section>
    );
  }

  return (
    <section
      aria-labelledby="run-heading"
      className="space-y-4 rounded-lg border border-line bg-surface p-4"
      data-testid="run-panel"
    >
      {/* Stays at the top of its pane while the values and outputs scroll under it. */}
      <div className="sticky top-0 z-10 -mx-4 -mt-4 flex flex-wrap items-center gap-2 rounded-t-lg bg-surface px-4 pt-4 pb-2">
        <h2 id="run-heading" className="mr-auto font-semibold">
          Run
        </h2>
        <Button
          variant="ghost"
          icon={Columns2}
          disabled={columns.length >= MAX_COLUMNS}
          onClick={() =>
            setColumns((cs) => [
              ...cs,
              {
                ...cs[cs.length - 1]!,
                id: Math.max(...cs.map((c) => c.id)) + 1,
                source: latestVersion && cs.length === 1 ? latestVersion : cs[cs.length - 1]!.source,
              },
            ])
          }
        >
          Add column
        </Button>
        <Button onClick={runAll} title="Ctrl/Cmd+Enter" icon={Play}>
          {columns.length > 1 ? "Run all" : "Run"}{" "}
          <kbd className="rounded border border-white/30 px-1 text-[10px]">⌘↵</kbd>
        </Button>
      </div>
      <TestCaseBar
        endpoint={`/api/projects/${projectSlug}/prompts/${promptId}/test-cases`}
        initial={testCases}
        currentValues={values}
        onLoad={(loaded) => setRaw(Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, asText(v)])))}
      />
      <VariablesForm variables={variables} raw={raw} onChange={setRaw} errors={errors} />
      {formError ? <Alert>{formError}</Alert> : null}
      {/* Columns sit side by side while each has room (16rem), and wrap to rows in a narrow pane. */}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(min(100%,16rem),1fr))] gap-3">
        {columns.map((c, i) => (
          <RunColumn
            key={c.id}
            label={`Column ${i + 1}`}
            config={c}
            onConfig={(next) => setColumns((cs) => cs.map((x) => (x.id === c.id ? next : x)))}
            onRemove={columns.length > 1 ? () => setColumns((cs) => cs.filter((x) => x.id !== c.id)) : undefined}
            providers={providers}
            versions={versions}
            content={content}
            endpoint={`/api/projects/${projectSlug}/prompts/${promptId}/runs`}
            values={values}
            onValueProblems={(issues, message) => {
              setErrors(issues);
              setFormError(message);
            }}
            register={register}
          />
        ))}
      </div>
    </section>
  );
}
