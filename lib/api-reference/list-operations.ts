// The operations of an OpenAPI document in the order the API reference shows them: grouped by tag
// (in the document's tag order), each with its parameters, body and responses described and every
// $ref resolved. Pure, so the page and the tests read the same document the same way.
import { describeSchema, type SchemaNode } from "@/lib/api-reference/describe-schema";
import { refName, resolveRef } from "@/lib/api-reference/resolve-ref";

type JsonObject = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ApiParameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  /** The parameter's own example, else its schema's. */
  example?: unknown;
  schema: SchemaNode;
};

export type ApiResponse = {
  /** "200", "404", "default". */
  status: string;
  description: string;
  /** The body's component name (e.g. "Error"), when it is one. */
  bodyName?: string;
  body?: SchemaNode;
  headers: string[];
};

export type ApiOperation = {
  /** operationId, or method and path when the document gives none; also the page's anchor. */
  id: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary?: string;
  description?: string;
  /**
   * Who may call it: `public`, or the security schemes with the scopes each needs (e.g. bearer with
   * prompts:read). Alternatives are separate entries.
   */
  security: "public" | Array<Array<{ scheme: string; scopes: string[] }>>;
  parameters: ApiParameter[];
  requestBody?: {
    required: boolean;
    mediaType: string;
    /** The body's component name (e.g. "RenderRequest"), when it is one. */
    name?: string;
    schema: SchemaNode;
    /** The raw JSON Schema, for example values. */
    rawSchema: unknown;
    example?: unknown;
  };
  responses: ApiResponse[];
};

export type ApiTagGroup = { tag: string; description?: string; operations: ApiOperation[] };

/** Options for {@link listOperations}. */
export type ListOperationsOptions = { document: unknown; maxDepth?: number };

const obj = (value: unknown): JsonObject =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};
const str = (value: unknown) => (typeof value === "string" ? value : undefined);
const UNTAGGED = "Other";

/** A $ref (one level, as OpenAPI allows for parameters, bodies and responses) or the object itself. */
function deref(document: unknown, value: unknown): { node: JsonObject; name?: string } {
  const ref = str(obj(value).$ref);
  return ref ? { node: obj(resolveRef({ document, ref })), name: refName(ref) } : { node: obj(value) };
}

/** The first JSON media type of a content map (OpenAPI's `content`), else the first one. */
function jsonContent(content: unknown): { mediaType: string; media: JsonObject } | undefined {
  const entries = Object.entries(obj(content));
  const found = entries.find(([type]) => /[/+]json\b/.test(type)) ?? entries[0];
  return found ? { mediaType: found[0], media: obj(found[1]) } : undefined;
}

export function listOperations({ document, maxDepth }: ListOperationsOptions): ApiTagGroup[] {
  const doc = obj(document);
  const describe = (schema: unknown) => describeSchema({ document, schema, maxDepth });
  const globalSecurity = doc.security;
  const groups = new Map<string, ApiTagGroup>();
  for (const t of Array.isArray(doc.tags) ? doc.tags : []) {
    const name = str(obj(t).name);
    if (name) groups.set(name, { tag: name, description: str(obj(t).description), operations: [] });
  }
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = deref(document, rawItem).node;
    for (const method of HTTP_METHODS) {
      if (!(method in item)) continue;
      const op = obj(item[method]);
      const tag = str((op.tags as unknown[] | undefined)?.[0]) ?? UNTAGGED;
      if (!groups.has(tag)) groups.set(tag, { tag, operations: [] });
      // Path-level parameters apply unless the operation redefines the same name and location.
      const own = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => deref(document, p).node);
      const shared = (Array.isArray(item.parameters) ? item.parameters : []).map((p) => deref(document, p).node);
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own].map(
        (p): ApiParameter => ({
          name: str(p.name) ?? "",
          in: (str(p.in) ?? "query") as ApiParameter["in"],
          required: p.required === true,
          description: str(p.description),
          example: "example" in p ? p.example : obj(p.schema).example,
          schema: describe(p.schema),
        }),
      );
      const body = op.requestBody ? deref(document, op.requestBody) : undefined;
      const bodyContent = body && jsonContent(body.node.content);
      const securityList = (op.security ?? globalSecurity) as unknown;
      const security: ApiOperation["security"] =
        Array.isArray(securityList) && securityList.some((r) => Object.keys(obj(r)).length > 0)
          ? securityList
              .filter((r) => Object.keys(obj(r)).length > 0)
              .map((r) =>
                Object.entries(obj(r)).map(([scheme, scopes]) => ({
                  scheme,
                  scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [],
                })),
              )
          : "public";
      groups.get(tag)!.operations.push({
        id: str(op.operationId) ?? `${method}-${path}`.replace(/[^A-Za-z0-9_-]+/g, "-"),
        method,
        path,
        tag,
        summary: str(op.summary),
        description: str(op.description),
        security,
        parameters,
        ...(bodyContent
          ? {
              requestBody: {
                required: body!.node.required === true,
                mediaType: bodyContent.mediaType,
                name:
                  body!.name ??
                  (str(obj(bodyContent.media.schema).$ref) && refName(str(obj(bodyContent.media.schema).$ref)!)),
                schema: describe(bodyContent.media.schema),
                rawSchema: bodyContent.media.schema,
                example: bodyContent.media.example,
              },
            }
          : {}),
        responses: Object.entries(obj(op.responses)).map(([status, raw]): ApiResponse => {
          const { node } = deref(document, raw);
          const content = jsonContent(node.content);
          const schemaRef = str(obj(content?.media.schema).$ref);
          return {
            status,
            description: str(node.description) ?? "",
            ...(content ? { body: describe(content.media.schema), bodyName: schemaRef && refName(schemaRef) } : {}),
            headers: Object.keys(obj(node.headers)),
          };
        }),
      });
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}
