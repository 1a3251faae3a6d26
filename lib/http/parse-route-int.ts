// Numbers in URLs (review numbers, version numbers) name int4 rows; anything else is refused here,
// naming the parameter, rather than reaching PostgreSQL as an out-of-range value.
import { validationError } from "@/lib/errors";
import { readPageInt } from "@/lib/http/read-page-int";
import { MAX_INT4 } from "@/lib/validations/int4";

/** The whole number from 1 to 2147483647 in a path segment or query value, or a 422 naming it. */
export function parseRouteInt(opts: { value: string; name: string }): number {
  const number = readPageInt(opts.value);
  if (number === undefined)
    throw validationError([{ path: opts.name, message: `must be a whole number from 1 to ${MAX_INT4}` }]);
  return number;
}
