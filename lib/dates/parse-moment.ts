/** Options for {@link parseMoment}. */
export type ParseMomentOptions = { value: string | undefined };

const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A moment from a URL or a form: ISO 8601 to the minute, second or millisecond, with a zone or
 * offset; a value without one is read as UTC (never the server's own zone). Null if it is not one.
 */
export function parseMoment({ value }: ParseMomentOptions): Date | null {
  const m = value ? pattern.exec(value) : null;
  if (!m) return null;
  const at = new Date(m[1] ? value! : `${value}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}
