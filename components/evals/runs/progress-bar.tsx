import { formatEta } from "@/components/evals/runs/format";

/**
 * Done, failed and remaining as one bar with the numbers written beside it. Fixed height and a
 * reserved line for the text, so polling updates never move the page.
 */
export function ProgressBar({
  total,
  done,
  failed,
  etaMs,
  showEta = false,
  compact = false,
}: {
  total: number;
  done: number;
  failed: number;
  etaMs?: number | null;
  showEta?: boolean;
  compact?: boolean;
}) {
  const remaining = Math.max(total - done - failed, 0);
  const pct = (n: number) => (total ? (n / total) * 100 : 0);
  return (
    <div className={compact ? "w-48" : "w-full"}>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done + failed}
        className="flex h-2 overflow-hidden rounded-full bg-subtle"
      >
        <div className="bg-success transition-[width]" style={{ width: `${pct(done)}%` }} />
        <div className="bg-danger transition-[width]" style={{ width: `${pct(failed)}%` }} />
      </div>
      <p className="mt-1 text-xs text-muted tabular-nums" data-testid="eval-progress">
        {done} done · {failed} failed · {remaining} remaining
        {showEta && remaining > 0 ? ` · ${formatEta(etaMs ?? null)} left` : ""}
      </p>
    </div>
  );
}
