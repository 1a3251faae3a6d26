/** Options for {@link formatRelativeTime}. */
export type FormatRelativeTimeOptions = {
  value: string | Date;
  /** The viewer's clock, in ms since the epoch. */
  now: number;
  locale?: string;
};

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "just now", "3 minutes ago", "yesterday", "in 5 days": how far a moment is from the viewer's now. */
export function formatRelativeTime({ value, now, locale }: FormatRelativeTimeOptions): string {
  const delta = new Date(value).getTime() - now;
  if (Math.abs(delta) < 45_000) return "just now";
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of units) {
    // Round to the nearest unit once it is at least one whole unit away ("90 seconds" → "2 minutes").
    if (Math.abs(delta) >= ms || unit === "minute") return format.format(Math.round(delta / ms), unit);
  }
  return "just now";
}
