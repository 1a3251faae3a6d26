"use client";

import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import type { ReviewPanelProps } from "@/components/reviews/review-panel-props";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { GateCheck } from "@/lib/gates/check-gate";

const POLL_MS = 3000;
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

const stateLabel: Record<GateCheck["state"], { text: string; className: string }> = {
  none: { text: "No gate", className: "text-muted" },
  "not-run": { text: "Not run", className: "text-muted" },
  running: { text: "Running", className: "text-accent" },
  passed: { text: "Passed", className: "text-success" },
  failed: { text: "Failed", className: "text-danger" },
};

/**
 * The review's "Evaluation" panel: how the reviewed version stands against the environment's gate
 * (not run, running with progress, passed or failed with its numbers and a link to the run), and
 * "Run evaluation". While a run is going it polls the gate, and refreshes the page once the run
 * ends, so Promote unlocks (or stays locked) without a reload.
 */
export function EvaluationPanel({ projectSlug, review, gate }: ReviewPanelProps) {
  const router = useRouter();
  const start = useRequest();
  // A polled answer counts only for the server's answer it was polled after; a refresh replaces both.
  const [polled, setPolled] = useState<{ check: GateCheck; basis: GateCheck } | null>(null);
  const serverCheck = gate?.check ?? null;
  const check = polled && polled.basis === serverCheck ? polled.check : serverCheck;
  const running = check?.state === "running";

  useEffect(() => {
    if (!running || !serverCheck) return;
    const url = `/api/projects/${projectSlug}/environments/${review.environment.slug}/gate?promptId=${encodeURIComponent(review.prompt.id)}&version=${review.version}`;
    const timer = setInterval(async () => {
      try {
        const answer = await apiFetch<{ check: GateCheck }>(url);
        setPolled({ check: answer.check, basis: serverCheck });
        if (answer.check.state !== "running") router.refresh();
      } catch {
        // A missed poll (network blip, server restart) is retried on the next tick.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, serverCheck, projectSlug, review.environment.slug, review.prompt.id, review.version, router]);

  if (!gate || !check) return null;
  const env = review.environment.name;
  if (check.state === "none")
    return (
      <section aria-labelledby="evaluation-heading" className="space-y-1 rounded-lg border border-line bg-surface p-4">
        <h2 id="evaluation-heading" className="font-semibold">
          Evaluation
        </h2>
        <p className="text-sm text-muted" data-testid="gate-state">
          {env} has no evaluation gate: the approvals decide. Admins can add one in Settings → Environments.
        </p>
      </section>
    );

  const run = check.run;
  const label = stateLabel[check.state];
  async function runEvaluation() {
    const started = await start.run(() =>
      apiFetch<{ number?: number }>(`/api/projects/${projectSlug}/eval-runs`, {
        body: { reviewNumber: review.number },
      }),
    );
    if (!started) return;
    toast.success(
      started.number ? `Evaluation #${started.number} started.` : `Evaluation of v${review.version} started.`,
    );
    router.refresh();
  }

  return (
    <section aria-labelledby="evaluation-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="evaluation-heading" className="font-semibold">
          Evaluation
        </h2>
        <span className={`text-sm font-medium ${label.className}`} data-testid="gate-state">
          {label.text}
        </span>
        <span className="flex-1" />
        {gate.canRun && !running ? (
          <Button variant="secondary" icon={FlaskConical} busy={start.busy} onClick={runEvaluation}>
            Run evaluation
          </Button>
        ) : null}
      </div>
      {check.gate ? (
        <p className="text-xs text-muted">
          {env}&apos;s gate: at least {pct(check.gate.minPassRate)} of rows of “
          {check.gate.datasetName ?? "a deleted dataset"}”
          {check.gate.datasetVersion ? ` v${check.gate.datasetVersion}` : ""} pass
          {check.gate.maxRegression === null
            ? ""
            : `, at most ${Math.round(check.gate.maxRegression * 1000) / 10} points below ${check.gate.baselineVersion ? `v${check.gate.baselineVersion}, which ${env} runs now` : `what ${env} runs now`}`}
          .
        </p>
      ) : null}
      {running && run ? (
        <div className="space-y-1">
          <progress
            className="h-2 w-full max-w-md accent-accent"
            max={run.totalItems || 1}
            value={run.doneItems + run.failedItems}
            aria-label={`Run #${run.number} progress`}
          />
          <p className="text-xs text-muted">
            {run.doneItems} done, {run.failedItems} failed,{" "}
            {Math.max(run.totalItems - run.doneItems - run.failedItems, 0)} remaining
          </p>
        </div>
      ) : null}
      {run && run.passRate !== null ? (
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="gate-numbers">
          <div>
            <dt className="inline text-muted">v{review.version}: </dt>
            <dd className="inline">
              {run.passed} of {run.total} rows passed ({pct(run.passRate)})
            </dd>
          </div>
          {run.baselinePassRate !== null && check.gate?.baselineVersion ? (
            <div>
              <dt className="inline text-muted">v{check.gate.baselineVersion}: </dt>
              <dd className="inline">{pct(run.baselinePassRate)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <p id="gate-reason" className="text-sm">
        {check.reason}{" "}
        {run ? (
          <Link className="text-accent hover:underline" href={`/p/${projectSlug}/evals/${run.number}`}>
            See run #{run.number}
          </Link>
        ) : null}
      </p>
      {start.error ? <Alert>{start.error}</Alert> : null}
    </section>
  );
}
