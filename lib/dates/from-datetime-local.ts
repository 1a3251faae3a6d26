import { zoneOffset } from "@/lib/dates/zone-offset";

// <input type="datetime-local"> values carry no zone ("2026-11-24T09:00:05"). The studio reads them
// in the viewer's zone and sends the server an ISO moment in UTC.
const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Options for {@link fromDateTimeLocal}. */
export type FromDateTimeLocalOptions = { value: string; timeZone: string };

/** A datetime-local value read in `timeZone`, as an ISO moment in UTC; null if it is not one. */
export function fromDateTimeLocal({ value, timeZone }: FromDateTimeLocalOptions): string | null {
  const m = pattern.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", ms = "0"] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms.padEnd(3, "0")),
  );
  if (Number.isNaN(wall)) return null;
  // The zone's offset at the wall time, corrected once for a guess that crossed a DST change.
  let at = wall - zoneOffset({ at: wall, timeZone });
  at = wall - zoneOffset({ at, timeZone });
  return new Date(at).toISOString();
}
