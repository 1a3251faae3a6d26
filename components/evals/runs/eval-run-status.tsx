const styles: Record<string, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-subtle text-muted" },
  running: { label: "Running", className: "bg-accent/15 text-accent" },
  finished: { label: "Finished", className: "bg-success/10 text-success" },
  cancelled: { label: "Cancelled", className: "bg-subtle text-muted" },
  failed: { label: "Failed", className: "bg-danger/10 text-danger" },
};

export const evalRunStatusLabel = (status: string) => styles[status]?.label ?? status;

export function EvalRunStatus({ status }: { status: string }) {
  const s = styles[status] ?? { label: status, className: "bg-subtle" };
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`} data-testid="eval-run-status">
      {s.label}
    </span>
  );
}
