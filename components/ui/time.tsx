"use client";

import { useSyncExternalStore } from "react";

import { formatRelativeTime } from "@/lib/dates/format-relative-time";
import { formatUtcTime } from "@/lib/dates/format-utc-time";
import { formatViewerTime } from "@/lib/dates/format-viewer-time";
import { viewerClock } from "@/lib/dates/viewer-clock";

type Props = {
  value: string | Date;
  /**
   * relative: "3 minutes ago", the exact time on hover (the default);
   * exact: date and time with the zone named; date: the date alone, the exact time on hover.
   */
  format?: "relative" | "exact" | "date";
  seconds?: boolean;
  className?: string;
};

/**
 * Every date in the studio goes through here. The server and the hydrating browser render the same
 * UTC text; once hydrated, the browser switches to the viewer's zone and locale (so the page never
 * mixes "05:50 UTC" with "6:51 AM" and React never sees a mismatch).
 */
export function Time({ value, format = "relative", seconds = false, className }: Props) {
  const now = useSyncExternalStore(viewerClock.subscribe, viewerClock.getSnapshot, viewerClock.getServerSnapshot);
  const iso = new Date(value).toISOString();
  if (now === null) {
    return (
      <time dateTime={iso} title={formatUtcTime({ value, seconds: true })} className={className}>
        {formatUtcTime({ value, seconds, dateOnly: format === "date" })}
      </time>
    );
  }
  const exact = formatViewerTime({ value, seconds });
  const text =
    format === "relative"
      ? formatRelativeTime({ value, now })
      : format === "date"
        ? formatViewerTime({ value, dateOnly: true })
        : exact;
  return (
    <time dateTime={iso} title={formatViewerTime({ value, seconds: true })} className={className}>
      {text}
    </time>
  );
}
