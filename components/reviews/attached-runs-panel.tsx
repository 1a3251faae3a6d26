"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import type { ReviewPanelProps } from "@/components/reviews/review-panel-props";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

/** The playground runs the author attached as evidence, and (for the author) a picker to change them. */
export function AttachedRunsPanel({ review, abilities, recentRuns, api }: ReviewPanelProps & { api: string }) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>(review.runs.map((r) => r.id));
  const { busy, error, fields, run } = useRequest();
  if (!review.runs.length && !abilities.attachRuns) return null;
  return (
    <section aria-labelledby="runs-heading" className="space-y-2">
      <h2 id="runs-heading" className="font-semibold">
        Playground runs attached by {review.author.name}
      </h2>
      {review.runs.length === 0 ? <p className="text-muted">None yet.</p> : null}
      <ul className="space-y-2" data-testid="review-runs">
        {review.runs.map((r) => (
          <li key={r.id} className="rounded-md border border-line bg-surface p-3">
            <div className="flex flex-wrap gap-3 text-xs text-muted">
              <span className="font-mono">{r.source}</span>
              <span>
                {r.providerName} · {r.model}
              </span>
              <span>
                {r.totalMs ?? "—"} ms · {r.inputTokens ?? "?"}/{r.outputTokens ?? "?"} tokens ·{" "}
                {r.costUsd === null ? "cost unknown" : `$${r.costUsd.toFixed(6)}`}
              </span>
              <span>
                <Time value={r.createdAt} />
              </span>
            </div>
            <pre className="mt-2 max-h-48 overflow-auto text-xs whitespace-pre-wrap">
              {r.output || r.error?.message || ""}
            </pre>
          </li>
        ))}
      </ul>
      {abilities.attachRuns ? (
        <details className="rounded-md border border-line bg-surface p-3">
          <summary className="cursor-pointer text-sm">Choose runs to attach</summary>
          {recentRuns.length === 0 ? (
            <p className="mt-2 text-muted">
              This prompt has no playground runs yet. Run it in the editor (Ctrl/Cmd+Enter), then attach the runs here.
            </p>
          ) : (
            <div className="mt-2 space-y-1">
              {recentRuns.map((r) => (
                <label key={r.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={picked.includes(r.id)}
                    onChange={(e) =>
                      setPicked(e.target.checked ? [...picked, r.id] : picked.filter((id) => id !== r.id))
                    }
                  />
                  <span className="font-mono text-xs">{r.source}</span> {r.model} · <Time value={r.createdAt} />{" "}
                  <span className="truncate text-muted">{r.output.slice(0, 80)}</span>
                </label>
              ))}
              <Button
                variant="secondary"
                busy={busy}
                onClick={async () => {
                  if (!(await run(() => apiFetch(`${api}/runs`, { method: "PUT", body: { runIds: picked } })))) return;
                  toast.success("Attached runs saved.");
                  router.refresh();
                }}
              >
                Save attached runs
              </Button>
              {error || fields.runIds ? <Alert>{error ?? fields.runIds}</Alert> : null}
            </div>
          )}
        </details>
      ) : null}
    </section>
  );
}
