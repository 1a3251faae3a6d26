import { zoneOffset } from "@/lib/dates/zone-offset";

/** Options for {@link toDateTimeLocal}. */
export type ToDateTimeLocalOptions = { value: string; timeZone: string };

/** An ISO moment as an <input type="datetime-local"> value (to the second) in `timeZone`. */
export function toDateTimeLocal({ value, timeZone }: ToDateTimeLocalOptions): string {
  const at = new Date(value).getTime();
  return new Date(at + zoneOffset({ at, timeZone })).toISOString().slice(0, 19);
}
