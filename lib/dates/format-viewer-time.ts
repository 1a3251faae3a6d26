/** Options for {@link formatViewerTime}. */
export type FormatViewerTimeOptions = {
  value: string | Date;
  /** IANA zone; undefined means the runtime's own zone (the browser's, where this is called). */
  timeZone?: string;
  /** BCP 47 locale; undefined means the runtime's own. */
  locale?: string;
  seconds?: boolean;
  /** Only the date (no time, no zone). */
  dateOnly?: boolean;
};

/**
 * A moment as the viewer reads it: their zone, their locale, and the zone named (e.g. "GMT+13"),
 * so a time is never mistaken for one in another zone.
 */
export function formatViewerTime({
  value,
  timeZone,
  locale,
  seconds = false,
  dateOnly = false,
}: FormatViewerTimeOptions): string {
  const date = new Date(value);
  if (dateOnly)
    return new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "short", day: "numeric" }).format(date);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" as const } : {}),
    timeZoneName: "short",
  }).format(date);
}
