"use client";

import Link from "next/link";

import { EvalRunStatus } from "@/components/evals/runs/eval-run-status";
import { formatDelta, formatPercent } from "@/components/evals/runs/format";
import { ProgressBar } from "@/components/evals/runs/progress-bar";
import { usePolled } from "@/components/evals/runs/use-polled";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { EvalRunListItem } from "@/lib/eval-results/list-eval-runs";
import { liveEvalRunStatuses } from "@/lib/validations/eval-run-statuses";

type Page = { runs: EvalRunListItem[]; nextBefore: number | null };

/** The runs table; while a run on it is queued or running it refreshes every 2 s, in place. */
export function EvalRunsList({
  projectSlug,
  initial,
  query,
  empty,
}: {
  projectSlug: string;
  initial: Page;
  /** The list's filters as a query string ("?status=running"), polled as they are. */
  query: string;
  empty: React.ReactNode;
}) {
  const page = usePolled({
    url: `/api/projects/${projectSlug}/eval-runs${query}`,
    initial,
    isLive: (p) => p.runs.some((r) => liveEvalRunStatuses.includes(r.status)),
  });
  return (
    <Table
      aria-label="Eval runs"
      data-testid="eval-run-list"
      columns={[
        { label: "Run", kind: "mono" },
        { label: "Prompt", kind: "name" },
        { label: "Dataset", kind: "badge" },
        { label: "Status", kind: "badge" },
        { label: "Pass rate", kind: "badge" },
        { label: "Started", kind: "time" },
      ]}
      empty={empty}
    >
      {page.runs.map((r) => {
        const candidate = r.columns.find((c) => c.role === "candidate") ?? r.columns[0];
        const baseline = r.columns.find((c) => c.role === "baseline");
        const live = liveEvalRunStatuses.includes(r.status);
        return (
          <TableRow key={r.number}>
            <TableCell kind="mono">
              <Link href={`/p/${projectSlug}/evals/${r.number}`} className="font-medium hover:underline">
                #{r.number}
              </Link>
            </TableCell>
            <TableCell kind="name">
              <div className="truncate" title={`${r.promptName}: ${r.columns.map((c) => c.label).join(" vs ")}`}>
                <span className="font-mono text-xs">{r.promptName}</span>{" "}
                <span className="text-muted">{r.columns.map((c) => c.label).join(" vs ")}</span>
              </div>
            </TableCell>
            <TableCell kind="badge">
              <span className="inline-block max-w-48 truncate align-bottom" title={r.dataset.name}>
                {r.dataset.name}
              </span>{" "}
              <span className="text-muted">v{r.dataset.version}</span>
            </TableCell>
            <TableCell kind="badge">
              <div className="flex min-h-9 flex-col justify-center gap-1">
                <EvalRunStatus status={r.status} />
                {live ? (
                  <ProgressBar compact total={r.progress.total} done={r.progress.done} failed={r.progress.failed} />
                ) : null}
              </div>
            </TableCell>
            <TableCell kind="badge" className="tabular-nums">
              {r.status === "finished" && candidate ? (
                <>
                  {formatPercent(candidate.passRate)}
                  {baseline && candidate.passRate !== null && baseline.passRate !== null ? (
                    <span className="ml-1 text-xs text-muted">
                      {formatDelta(candidate.passRate - baseline.passRate)}
                    </span>
                  ) : null}
                </>
              ) : (
                <span className="text-muted">–</span>
              )}
            </TableCell>
            <TableCell kind="time">
              <Time value={r.createdAt} />
            </TableCell>
          </TableRow>
        );
      })}
    </Table>
  );
}
