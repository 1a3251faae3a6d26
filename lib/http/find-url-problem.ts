// A NUL byte in the address is never meaningful, and PostgreSQL refuses it in text (22021): any page
// or route that passed a query value on to the database would answer 500. The custom server refuses
// such addresses once, before the hot path or Next.js, instead of every page checking every value.

/** Why the request's URL cannot be served, or null when it can. */
export function findUrlProblem(url: string | undefined): string | null {
  if (!url) return null;
  if (url.includes("\u0000") || /%00/i.test(url))
    return "The address contains a NUL character (%00); remove it and try again.";
  return null;
}
