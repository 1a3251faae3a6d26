import Link from "next/link";

import { AddToDataset } from "@/components/datasets/add-to-dataset";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { buttonClass } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { listRuns } from "@/lib/playground/list-runs";

/** The Runs tab: every playground run of this prompt, newest first (`before` is `?before=`). */
export async function RunsTab({ access, prompt, here, before }: PromptTabProps & { before?: string }) {
  const { runs, nextBefore } = await listRuns({ projectId: access.project.id, promptId: prompt.id, before });
  const canAddToDataset = can(access.role, "dataset.edit");
  if (!runs.length)
    return (
      <p className="text-muted">
        No runs yet. Run the prompt from the editor (Ctrl/Cmd+Enter); every run is kept here.
      </p>
    );
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="run-history">
        {runs.map((r) => (
          <li key={r.id} className="px-4 py-2">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <span className="text-xs text-muted">
                  <Time value={r.createdAt} />
                </span>
                <span>{r.user}</span>
                <span className="font-mono text-xs">{r.source}</span>
                <span className="text-xs text-muted">
                  {r.providerName} · {r.model}
                </span>
                {r.error ? (
                  <span className="text-xs text-danger">{r.error.message}</span>
                ) : (
                  <span className="text-xs text-muted">
                    {r.totalMs ?? "—"} ms · {r.inputTokens ?? "?"}/{r.outputTokens ?? "?"} tokens ·{" "}
                    {r.costUsd === null ? "cost unknown" : `$${r.costUsd.toFixed(6)}`}
                  </span>
                )}
                <Link href={`${here}?run=${r.id}`} className="ml-auto text-xs text-accent hover:underline">
                  Reopen in playground
                </Link>
              </summary>
              <div className="mt-2 grid gap-3 md:grid-cols-2">
                <div>
                  <h3 className="text-xs font-medium text-muted">Sent</h3>
                  <pre className="max-h-64 overflow-auto rounded bg-canvas p-2 text-xs whitespace-pre-wrap">
                    {r.renderedMessages
                      .map(
                        (m) => `[${m.role}] ${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`,
                      )
                      .join("\n\n")}
                  </pre>
                </div>
                <div>
                  <h3 className="text-xs font-medium text-muted">Answer</h3>
                  <pre className="max-h-64 overflow-auto rounded bg-canvas p-2 text-xs whitespace-pre-wrap">
                    {r.output || (r.error ? `${r.error.message} ${r.error.hint}` : "")}
                  </pre>
                  {canAddToDataset && !r.error ? (
                    <AddToDataset
                      projectApi={`/api/projects/${access.project.slug}`}
                      values={r.variables}
                      expected={r.output}
                      metadata={{ source: "run", runId: r.id, model: r.model }}
                    />
                  ) : null}
                </div>
              </div>
            </details>
          </li>
        ))}
      </ul>
      {nextBefore ? (
        <Link href={`${here}?view=runs&before=${nextBefore}`} className={buttonClass("secondary")}>
          Older runs
        </Link>
      ) : null}
    </div>
  );
}
