/**
 * The output read as JSON, for the kinds that check JSON. Models often wrap JSON in a Markdown
 * fence (```json … ```); `allowFence` accepts that one wrapper and nothing else, so prose around
 * JSON still fails.
 */
export function parseOutputJson(opts: {
  output: string;
  allowFence?: boolean;
}): { ok: true; value: unknown } | { ok: false; reason: string } {
  let text = opts.output.trim();
  if (opts.allowFence) {
    const fenced = /^```[A-Za-z0-9_-]*\r?\n([\s\S]*?)\r?\n?```$/.exec(text);
    if (fenced) text = fenced[1]!.trim();
  }
  if (text === "") return { ok: false, reason: "The output is empty, not JSON." };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `The output is not JSON: ${(error as Error).message}.` };
  }
}

/** The JSON type names used in reasons: "object", "array", "string", "number", "boolean", "null". */
export const jsonTypeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
