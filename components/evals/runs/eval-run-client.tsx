"use client";

import { Ban } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { ColumnCards } from "@/components/evals/runs/column-cards";
import { EvalRunStatus } from "@/components/evals/runs/eval-run-status";
import { ProgressBar } from "@/components/evals/runs/progress-bar";
import { ResultsMatrix } from "@/components/evals/runs/results-matrix";
import { RunCharts } from "@/components/evals/runs/run-charts";
import { usePolled } from "@/components/evals/runs/use-polled";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { EvalRunDetail } from "@/lib/eval-results/get-eval-run-detail";
import type { MatrixPage } from "@/lib/eval-results/read-matrix-page";
import { liveEvalRunStatuses } from "@/lib/validations/eval-run-statuses";

/** The run page: header, live progress, column cards, charts and the matrix; polls every 2 s while the run is going. */
export function EvalRunClient({
  projectSlug,
  initial,
  matrix,
  comparable,
  mayCancel,
}: {
  projectSlug: string;
  initial: EvalRunDetail;
  matrix: MatrixPage;
  comparable: Array<{ number: number; promptName: string; label: string }>;
  mayCancel: boolean;
}) {
  const router = useRouter();
  const api = `/api/projects/${projectSlug}/eval-runs/${initial.run.number}`;
  const detail = usePolled({ url: api, initial, isLive: (d) => liveEvalRunStatuses.includes(d.run.status) });
  const { run, progress } = detail;
  const live = liveEvalRunStatuses.includes(run.status);
  const cancel = useRequest();
  const [compareWith, setCompareWith] = useState(comparable[0]?.number ?? 0);
  // When the run ends while the page is open, reload what the server computes only for finished
  // runs (the runs to compare with) instead of asking the viewer to reload.
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) router.refresh();
    wasLive.current = live;
  }, [live, router]);

  async function cancelRun() {
    const done = await cancel.run(() => apiFetch(`${api}/cancel`, { method: "POST" }));
    if (done) {
      toast.success(`Cancelling eval run #${run.number}: rows already running finish, the rest are skipped.`);
      router.refresh();
    }
  }

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">Eval run #{run.number}</h1>
          <EvalRunStatus status={run.status} />
          {run.cancelRequested && live ? <span className="text-xs text-muted">Cancelling…</span> : null}
          <div className="ml-auto flex flex-wrap items-end gap-2">
            {run.status === "finished" && comparable.length ? (
              <form
                className="flex items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  router.push(`/p/${projectSlug}/evals/compare?a=${run.number}&b=${compareWith}`);
                }}
              >
                <SelectField
                  label="Compare with…"
                  value={compareWith}
                  onChange={(e) => setCompareWith(Number(e.target.value))}
                >
                  {comparable.map((c) => (
                    <option key={c.number} value={c.number}>
                      #{c.number} {c.promptName} {c.label}
                    </option>
                  ))}
                </SelectField>
                <button type="submit" className={buttonClass("secondary")}>
                  Compare
                </button>
              </form>
            ) : null}
            {live && mayCancel ? (
              <Button variant="danger" icon={Ban} busy={cancel.busy} disabled={run.cancelRequested} onClick={cancelRun}>
                Cancel run
              </Button>
            ) : null}
          </div>
        </div>
        <p className="text-muted">
          <span className="font-mono text-ink">{run.prompt.name}</span> over{" "}
          <Link href={`/p/${projectSlug}/datasets`} className="hover:underline">
            {run.dataset.name} v{run.dataset.version}
          </Link>{" "}
          ({run.dataset.rowCount} rows) · evaluators: {run.evaluators.map((e) => e.name).join(", ") || "none"} · started{" "}
          <Time value={run.startedAt ?? run.createdAt} />
          {run.finishedAt ? (
            <>
              {" "}
              · finished <Time value={run.finishedAt} />
            </>
          ) : null}
        </p>
        {cancel.error ? <Alert>{cancel.error}</Alert> : null}
        {run.error ? <Alert>This run failed: {run.error}</Alert> : null}
        <ProgressBar
          total={progress.total}
          done={progress.done}
          failed={progress.failed}
          etaMs={progress.etaMs}
          showEta={live}
        />
      </header>
      <ColumnCards columns={detail.columns} />
      <RunCharts charts={detail.charts} columns={detail.columns} />
      <ResultsMatrix
        endpoint={`${api}/results`}
        exportHref={`${api}/export`}
        columns={detail.columns}
        initial={matrix}
        refreshKey={live ? progress.done + progress.failed : undefined}
      />
    </div>
  );
}
