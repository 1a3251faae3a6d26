"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { stripMarkdown } from "@/lib/markdown/strip-markdown";
import type { NotificationView } from "@/lib/notifications/list-notifications";

const kindLabel: Record<string, string> = {
  "review-requested": "Review requested",
  "changes-requested": "Changes requested",
  approved: "Approved",
  promoted: "Promoted",
  mentioned: "Mentioned",
  "rolled-back": "Rolled back",
};

export function InboxClient({
  notifications,
  unread,
  nextBefore,
  unreadOnly,
}: {
  notifications: NotificationView[];
  unread: number;
  nextBefore: string | null;
  unreadOnly: boolean;
}) {
  const router = useRouter();
  const { busy, error, run } = useRequest();
  const mark = async (body: { ids?: string[]; all?: boolean; read?: boolean }) => {
    if (await run(() => apiFetch("/api/notifications/read", { body }))) {
      window.dispatchEvent(new Event("galley:inbox-changed"));
      router.refresh();
    }
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href="/inbox"
          aria-current={!unreadOnly ? "page" : undefined}
          className={buttonClass(unreadOnly ? "ghost" : "secondary")}
        >
          All
        </Link>
        <Link
          href="/inbox?unread=1"
          aria-current={unreadOnly ? "page" : undefined}
          className={buttonClass(unreadOnly ? "secondary" : "ghost")}
        >
          Unread ({unread})
        </Link>
        <span className="flex-1" />
        <Button variant="secondary" busy={busy} disabled={!unread} onClick={() => mark({ all: true })}>
          Mark all read
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-surface p-8 text-center text-muted">
          {unreadOnly
            ? "You have read everything."
            : "Nothing yet. When someone asks you for a review, decides on yours, mentions you, or promotes or rolls back a prompt you worked on, it shows up here."}
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="inbox">
          {notifications.map((n) => (
            <li key={n.id} className={`flex items-start gap-3 px-4 py-3 ${n.read ? "" : "bg-accent/5"}`}>
              <span
                aria-hidden
                className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-accent"}`}
              />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline gap-2 text-xs text-muted">
                  <span className="font-medium text-ink">{kindLabel[n.kind] ?? n.kind}</span>
                  <span className="min-w-0 truncate">{n.project}</span>
                  <span>
                    <Time value={n.createdAt} />
                  </span>
                </div>
                <Link
                  href={n.href}
                  onClick={() => {
                    if (!n.read)
                      void apiFetch("/api/notifications/read", { body: { ids: [n.id] } }).then(() =>
                        window.dispatchEvent(new Event("galley:inbox-changed")),
                      );
                  }}
                  className={`block break-words hover:underline ${n.read ? "" : "font-medium"}`}
                >
                  {n.title}
                </Link>
                {n.body ? (
                  <p className="mt-0.5 line-clamp-2 break-words text-muted" data-testid="inbox-preview">
                    {stripMarkdown({ text: n.body, maxLength: 240 })}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="shrink-0 text-xs whitespace-nowrap text-muted hover:text-ink"
                onClick={() => mark({ ids: [n.id], read: !n.read })}
              >
                {n.read ? "Mark unread" : "Mark read"}
              </button>
            </li>
          ))}
        </ul>
      )}
      {nextBefore ? (
        <Link href={`/inbox?before=${nextBefore}${unreadOnly ? "&unread=1" : ""}`} className={buttonClass("secondary")}>
          Older
        </Link>
      ) : null}
    </div>
  );
}
