"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The top bar's way to the inbox, with the unread count. Starts from the count the server rendered
 * and refreshes it on navigation, when the tab regains focus, and once a minute.
 */
export function InboxLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      fetch("/api/notifications/unread")
        .then((r) => (r.ok ? (r.json() as Promise<{ unread: number }>) : null))
        .then((body) => alive && body && setUnread(body.unread))
        .catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, 60_000);
    const onFocus = () => document.visibilityState === "visible" && refresh();
    document.addEventListener("visibilitychange", onFocus);
    window.addEventListener("galley:inbox-changed", refresh);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onFocus);
      window.removeEventListener("galley:inbox-changed", refresh);
    };
  }, [pathname]);
  return (
    <Link
      href="/inbox"
      className="relative flex items-center gap-1.5 rounded-md px-2 py-1 text-sm hover:bg-subtle"
      aria-label={unread ? `Inbox, ${unread} unread` : "Inbox"}
      data-testid="inbox-link"
    >
      Inbox
      {unread ? (
        <span
          className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold text-accent-ink"
          data-testid="unread-count"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
