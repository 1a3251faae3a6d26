const styles: Record<string, { label: string; className: string }> = {
  OPEN: { label: "Open", className: "bg-subtle text-ink" },
  CHANGES_REQUESTED: { label: "Changes requested", className: "bg-danger/10 text-danger" },
  APPROVED: { label: "Approved", className: "bg-success/10 text-success" },
  PROMOTED: { label: "Promoted", className: "bg-accent/15 text-accent" },
  CLOSED: { label: "Closed", className: "bg-subtle text-muted" },
};

export const statusLabel = (status: string) => styles[status]?.label ?? status;

export function ReviewStatus({ status }: { status: string }) {
  const s = styles[status] ?? { label: status, className: "bg-subtle" };
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`} data-testid="review-status">
      {s.label}
    </span>
  );
}
