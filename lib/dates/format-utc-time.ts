/** Options for {@link formatUtcTime}. */
export type FormatUtcTimeOptions = {
  value: string | Date;
  /** Show seconds (the audit log and time travel tell apart changes in the same minute). */
  seconds?: boolean;
  /** Only the date. */
  dateOnly?: boolean;
};

/**
 * The stable form of a moment: the same text on the server and in any browser, whatever their
 * zones and locales, so server HTML and the first client render always agree (no hydration error).
 * `<Time>` shows it until it knows the viewer's zone.
 */
export function formatUtcTime({ value, seconds = false, dateOnly = false }: FormatUtcTimeOptions): string {
  const iso = new Date(value).toISOString();
  if (dateOnly) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}
