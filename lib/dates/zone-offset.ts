/** Options for {@link zoneOffset}. */
export type ZoneOffsetOptions = { at: number; timeZone: string };

/** How far `timeZone`'s wall clock is ahead of UTC at the moment `at` (ms; negative west of UTC). */
export function zoneOffset({ at, timeZone }: ZoneOffsetOptions): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - (at - (at % 1000));
}
