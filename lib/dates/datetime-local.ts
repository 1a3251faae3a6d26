// <input type="datetime-local"> values carry no zone ("2026-11-24T09:00:05"). The studio reads and
// writes them in the viewer's zone and sends the server an ISO moment in UTC.
const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function offsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (at - (at % 1000));
}

/** Options for {@link fromDateTimeLocal} and {@link toDateTimeLocal}. */
export type DateTimeLocalOptions = { value: string; timeZone: string };

/** A datetime-local value read in `timeZone`, as an ISO moment in UTC; null if it is not one. */
export function fromDateTimeLocal({ value, timeZone }: DateTimeLocalOptions): string | null {
  const m = pattern.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", ms = "0"] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, "0")));
  if (Number.isNaN(wall)) return null;
  // The zone's offset at the wall time, corrected once for a guess that crossed a DST change.
  let at = wall - offsetMs(wall, timeZone);
  at = wall - offsetMs(at, timeZone);
  return new Date(at).toISOString();
}

/** An ISO moment as a datetime-local value (to the second) in `timeZone`. */
export function toDateTimeLocal({ value, timeZone }: DateTimeLocalOptions): string {
  const at = new Date(value).getTime();
  return new Date(at + offsetMs(at, timeZone)).toISOString().slice(0, 19);
}
