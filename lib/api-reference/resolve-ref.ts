// Local JSON pointers ("#/components/schemas/Contract") inside an OpenAPI document. Pure: the API
// reference page resolves them on the server, and tests run it without a database.

/** Options for {@link resolveRef}. */
export type ResolveRefOptions = {
  /** The OpenAPI document (or any JSON value) the pointer points into. */
  document: unknown;
  /** A local reference: "#/components/schemas/Contract". Remote references are not followed. */
  ref: string;
};

/** RFC 6901: "~1" is "/", "~0" is "~", after percent-decoding the URI fragment. */
function pointerSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
  } catch {
    return undefined;
  }
}

/** What `ref` points at, or undefined when it is not a local pointer or points at nothing. */
export function resolveRef({ document, ref }: ResolveRefOptions): unknown {
  if (ref === "#") return document;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = pointerSegment(raw);
    if (key === undefined) return undefined;
    if (!node || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The last segment of a component reference ("Contract"), the name the page shows for it. */
export const refName = (ref: string) => {
  const last = ref.slice(ref.lastIndexOf("/") + 1);
  return pointerSegment(last) ?? last;
};
