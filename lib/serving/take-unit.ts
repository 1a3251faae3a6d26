// The unit id of a hot-path request (?unit=, else the Galley-Unit header), taken out of the query
// before the query is parsed and keyed: per-user ids then neither fill nor evict the parsed-query
// and answer caches, and every unit shares its environment's one cached answer.
import { AppError } from "@/lib/errors";
import { MAX_UNIT_LENGTH } from "@/lib/validations/serving";

function decodeParam(text: string, what: string): string {
  if (!text.includes("%") && !text.includes("+")) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new AppError({ code: "bad_request", message: `${what} is not valid percent-encoding.` });
  }
}

function checkUnit(unit: string, what: string): string {
  if (unit.length > MAX_UNIT_LENGTH)
    throw new AppError({
      code: "bad_request",
      message: `${what}: a unit id has at most ${MAX_UNIT_LENGTH} characters; this one has ${unit.length}.`,
      details: { field: what },
    });
  return unit;
}

/** Every `unit` parameter out of a query whose names are plain (no "%"): the last one's value wins. */
function withoutPlainUnit(raw: string): { raw: string; value: string | undefined } {
  let value: string | undefined;
  let from = 0;
  for (;;) {
    const at = raw.indexOf("unit", from);
    if (at === -1) return { raw, value };
    const after = at + 4;
    const next = raw.charCodeAt(after);
    // The whole name: at the start or after "&", and followed by "=", "&" or the end.
    if ((at !== 0 && raw.charCodeAt(at - 1) !== 38) || (after < raw.length && next !== 61 && next !== 38)) {
      from = after;
      continue;
    }
    let end = raw.indexOf("&", after);
    if (end === -1) end = raw.length;
    value = next === 61 ? raw.slice(after + 1, end) : "";
    // Drops "unit=…" with one of the "&" around it.
    raw = at === 0 ? raw.slice(Math.min(end + 1, raw.length)) : raw.slice(0, at - 1) + raw.slice(end);
    from = at === 0 ? 0 : at - 1;
  }
}

/** The same for a query with percent-encoded names (rare: "%75nit" is "unit" too), part by part. */
function withoutEncodedUnit(raw: string): { raw: string; value: string | undefined } {
  let value: string | undefined;
  const kept: string[] = [];
  for (const part of raw.split("&")) {
    const eq = part.indexOf("=");
    const name = eq === -1 ? part : part.slice(0, eq);
    if ((name.includes("%") ? decodeParam(name, "A query parameter's name") : name) !== "unit") kept.push(part);
    else value = eq === -1 ? "" : part.slice(eq + 1);
  }
  return { raw: kept.join("&"), value };
}

/**
 * The unit id (?unit=, else the Galley-Unit header; empty is none) and the query string without it.
 * A request naming no unit in its query costs two string searches and allocates nothing.
 */
export function takeUnit(
  raw: string,
  header: string | string[] | undefined,
): { raw: string; unit: string | undefined } {
  let unit: string | undefined;
  if (raw.includes("unit") || raw.includes("%")) {
    const taken = raw.includes("%") ? withoutEncodedUnit(raw) : withoutPlainUnit(raw);
    raw = taken.raw;
    if (taken.value) unit = decodeParam(taken.value, "unit");
  }
  if (unit) return { raw, unit: checkUnit(unit, "unit") };
  const fromHeader = typeof header === "string" ? header : header?.[0];
  return { raw, unit: fromHeader ? checkUnit(fromHeader, "Galley-Unit") : undefined };
}
