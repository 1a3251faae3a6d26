/**
 * Galley's small JSON path syntax: `$` (the whole value) followed by any number of
 *   .name      an object key made of letters, digits, _, $ and - (not starting with a digit or -)
 *   ["key"]    any object key, as a JSON string (for spaces, dots, quotes)
 *   [0]        an array index, from 0; [-1] is the last item
 * e.g. `$.order.items[0].sku`, `$["first name"]`, `$.tags[-1]`. No wildcards, filters or slices:
 * a path names one value.
 */
export type JsonPathSegment = { key: string } | { index: number };

export const MAX_PATH_LENGTH = 1_000;

export function parseJsonPath(
  path: string,
): { ok: true; segments: JsonPathSegment[] } | { ok: false; message: string } {
  if (path.length > MAX_PATH_LENGTH) return { ok: false, message: `Use at most ${MAX_PATH_LENGTH} characters.` };
  if (!path.startsWith("$")) return { ok: false, message: "A path starts with $, e.g. $.answer or $.items[0]." };
  const segments: JsonPathSegment[] = [];
  let i = 1;
  const token = /\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (i < path.length) {
    token.lastIndex = i;
    const m = token.exec(path);
    if (!m)
      return {
        ok: false,
        message: `Cannot read the path at character ${i + 1} ("${path.slice(i, i + 10)}"): use .name, ["key"] or [0].`,
      };
    if (m[1] !== undefined) segments.push({ key: m[1] });
    else if (m[2] !== undefined) segments.push({ index: Number(m[2]) });
    else {
      try {
        segments.push({ key: JSON.parse(m[3]!) as string });
      } catch {
        return { ok: false, message: `The key ${m[3]} is not a valid JSON string.` };
      }
    }
    i = token.lastIndex;
  }
  return { ok: true, segments };
}

/** The value at the path, or `found: false` when a key or index is missing along the way. */
export function readJsonPath(
  value: unknown,
  segments: JsonPathSegment[],
): { found: true; value: unknown } | { found: false } {
  let current = value;
  for (const segment of segments) {
    if ("index" in segment) {
      if (!Array.isArray(current)) return { found: false };
      const at = segment.index < 0 ? current.length + segment.index : segment.index;
      if (at < 0 || at >= current.length) return { found: false };
      current = current[at];
    } else {
      if (!current || typeof current !== "object" || Array.isArray(current) || !Object.hasOwn(current, segment.key))
        return { found: false };
      current = (current as Record<string, unknown>)[segment.key];
    }
  }
  return { found: true, value: current };
}

/** JSON equality: same types and values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}
