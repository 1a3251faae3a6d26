// Numbers in page URLs (?v=, ?before=, ?a=) come from links people share and edit by hand: a page
// treats a value that is not a whole number from 1 to 2147483647 as absent instead of letting an
// out-of-range number reach PostgreSQL (an int4 column) as a 500.
import { MAX_INT4 } from "@/lib/validations/int4";

/** The whole number from 1 to 2147483647 in a query value, or undefined. */
export function readPageInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= MAX_INT4 ? number : undefined;
}
