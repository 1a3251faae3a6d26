// Numbers in URLs (review numbers, version numbers) name int4 rows; anything else is refused here,
// naming the parameter, rather than reaching PostgreSQL as an out-of-range value.
import { validationError } from "@/lib/errors";
import { MAX_INT4 } from "@/lib/validations/int4";

/** The whole number from 1 to 2147483647 in a path segment or query value, or a 422 naming it. */
export function parseRouteInt(opts: { value: string; name: string }): number {
  const number = /^\d{1,10}$/.test(opts.value) ? Number(opts.value) : NaN;
  if (!(number >= 1 && number <= MAX_INT4)) throw validationError([{ path: opts.name, message: `must be a whole number from 1 to ${MAX_INT4}` }]);
  return number;
}
