import type { SchemaField, SchemaNode } from "@/lib/api-reference/describe-schema";

/** Text with `code` spans, as OpenAPI descriptions write them. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i} className="rounded bg-subtle px-1 font-mono text-[0.85em] [overflow-wrap:anywhere]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Type, bounds and allowed values of one schema, on one line that wraps. */
export function SchemaSummary({ node }: { node: SchemaNode }) {
  return (
    <span className="text-xs break-words text-muted">
      <span className="font-mono">{node.type}</span>
      {node.refName && !node.type.includes(node.refName) ? <span> ({node.refName})</span> : null}
      {node.constraints.map((c) => (
        <span key={c}> · {c}</span>
      ))}
      {node.values ? (
        <span>
          {" "}
          · one of{" "}
          {node.values.map((v, i) => (
            <span key={v}>
              {i ? ", " : ""}
              <code className="font-mono text-ink">{v}</code>
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}

/** The nested fields of a schema (an object's properties, an array's items, the options of a union). */
export function SchemaFields({ node, depth = 0 }: { node: SchemaNode; depth?: number }) {
  if (node.truncated)
    return (
      <p className="text-xs text-muted">
        {node.truncated === "cycle"
          ? `Contains itself (${node.refName ?? "the same schema"}): see above.`
          : "Nested deeper: see the OpenAPI document."}
      </p>
    );
  if (node.variants.length)
    return (
      <div className="space-y-2">
        <p className="text-xs text-muted">One of:</p>
        {node.variants.map((variant, i) => (
          <div key={i} className="space-y-1 border-l-2 border-line pl-3">
            <p className="text-xs">
              Option {i + 1}: <SchemaSummary node={variant} />
            </p>
            <SchemaFields node={variant} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  if (!node.fields.length) return null;
  return (
    <ul className={`divide-y divide-line ${depth ? "border-l-2 border-line pl-3" : "rounded-md border border-line"}`}>
      {node.fields.map((field) => (
        <FieldRow key={field.name} field={field} depth={depth} />
      ))}
    </ul>
  );
}

function FieldRow({ field, depth }: { field: SchemaField; depth: number }) {
  const { node } = field;
  return (
    <li className="min-w-0 space-y-1 px-3 py-2" data-field={field.name}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <code className="font-mono text-sm font-medium break-words">{field.name}</code>
        <SchemaSummary node={node} />
        {field.required ? <span className="text-xs font-medium text-danger">required</span> : null}
      </div>
      {node.description ? (
        <p className="text-sm text-muted">
          <InlineMarkdown text={node.description} />
        </p>
      ) : null}
      {node.fields.length || node.variants.length || node.truncated ? (
        <SchemaFields node={node} depth={depth + 1} />
      ) : null}
    </li>
  );
}
