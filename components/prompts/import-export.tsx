"use client";

import { Download, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { Button, buttonClass } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

type Result = { created: string[]; updated: string[]; unchanged: string[] };

/** Export every prompt (JSON or YAML) and import a file, with every problem listed by its path. */
export function ImportExport({ projectSlug, canImport }: { projectSlug: string; canImport: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ message: string; issues: Array<[string, string]> } | null>(null);

  async function onFile(file: File) {
    setBusy(true);
    setProblems(null);
    try {
      const format = /\.json$/i.test(file.name) ? "json" : "yaml";
      const imported = await apiFetch<Result>(`/api/projects/${projectSlug}/import`, {
        body: { format, content: await file.text() },
      });
      toast.success(
        `Imported: ${imported.created.length} new, ${imported.updated.length} updated, ${imported.unchanged.length} unchanged.`,
      );
      router.refresh();
    } catch (e) {
      const error = e as ApiError;
      setProblems({ message: error.message, issues: Object.entries(error.fields) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <a href={`/api/projects/${projectSlug}/export?format=yaml`} className={buttonClass("secondary")} download>
          <Icon icon={Download} />
          Export YAML
        </a>
        <a href={`/api/projects/${projectSlug}/export?format=json`} className={buttonClass("ghost")} download>
          JSON
        </a>
        {canImport ? (
          <>
            <input
              ref={input}
              type="file"
              accept=".yaml,.yml,.json"
              className="sr-only"
              aria-label="Import file"
              onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
            />
            <Button variant="secondary" icon={Upload} busy={busy} onClick={() => input.current?.click()}>
              {busy ? "Importing…" : "Import…"}
            </Button>
          </>
        ) : null}
      </div>
      {problems ? (
        <div
          role="alert"
          className="space-y-1 rounded-md border border-danger/40 bg-surface p-3 text-sm"
          data-testid="import-problems"
        >
          <p className="font-medium text-danger">{problems.message}</p>
          {problems.issues.length ? (
            <ul className="max-h-64 list-disc space-y-0.5 overflow-auto pl-5">
              {problems.issues.map(([path, message]) => (
                <li key={path}>
                  <code className="text-xs">{path}</code>: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
