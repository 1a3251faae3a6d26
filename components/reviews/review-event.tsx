"use client";

import { CommentMarkdown } from "@/components/reviews/markdown";
import { versionLabel as v } from "@/components/reviews/version-label";
import { Time } from "@/components/ui/time";
import type { ReviewDetail } from "@/lib/reviews/get-review-detail";

const eventText: Record<string, (e: ReviewDetail["events"][number]) => string> = {
  opened: (e) => `opened this review of v${e.version}`,
  pushed: (e) => `updated the review to v${e.version}; earlier approvals are stale`,
  approved: (e) => `approved v${e.version} against ${v(e.baseVersion)}`,
  "changes-requested": (e) => `asked for changes to v${e.version}`,
  promoted: (e) => `promoted v${e.version} (replacing ${v(e.baseVersion)})`,
  closed: () => "closed the review without promoting",
  reopened: () => "reopened the review",
};

/** One event of the review (opened, approved, promoted, …) as a line of the conversation. */
export function ReviewEvent({ event, description }: { event: ReviewDetail["events"][number]; description: string }) {
  const tone =
    event.kind === "approved" || event.kind === "promoted"
      ? "text-success"
      : event.kind === "changes-requested"
        ? "text-danger"
        : "text-ink";
  return (
    <div className="px-1 text-sm" data-testid={`event-${event.kind}`}>
      <span className={`font-medium ${tone}`}>{event.actorName}</span>{" "}
      <span className="text-muted">
        {(eventText[event.kind] ?? (() => event.kind))(event)} · <Time value={event.createdAt} />
      </span>
      {event.body || description ? (
        <div className="mt-1 rounded-md border border-line bg-surface px-3 py-2">
          <CommentMarkdown text={event.body || description} />
        </div>
      ) : null}
    </div>
  );
}
