import { Link2 } from "lucide-react";

import { ApiPath, MethodBadge } from "@/components/api-reference/method-badge";
import { InlineMarkdown, SchemaFields, SchemaSummary } from "@/components/api-reference/schema-field-list";
import { CodeBlock } from "@/components/ui/code-block";
import { CodeTabs } from "@/components/ui/code-tabs";
import { Icon } from "@/components/ui/icon";
import { buildOperationSnippets } from "@/lib/api-reference/build-operation-snippets";
import type { ApiOperation, ApiResponse } from "@/lib/api-reference/list-operations";

function Authentication({ security }: { security: ApiOperation["security"] }) {
  if (security === "public") return <>Public: no authentication.</>;
  return (
    <>
      {security.map((alternative, i) => (
        <span key={i}>
          {i ? " or " : ""}
          {alternative.map(({ scheme, scopes }) => (
            <span key={scheme}>
              {scheme === "bearer" ? (
                <>
                  An API key (<code className="font-mono text-xs">Authorization: Bearer gk_…</code>)
                </>
              ) : (
                scheme
              )}
              {scopes.length ? (
                <>
                  {" "}
                  with the scope{scopes.length > 1 ? "s" : ""}{" "}
                  {scopes.map((s, j) => (
                    <span key={s}>
                      {j ? ", " : ""}
                      <code className="rounded bg-subtle px-1 font-mono text-xs">{s}</code>
                    </span>
                  ))}
                </>
              ) : null}
            </span>
          ))}
        </span>
      ))}
      .
    </>
  );
}

const statusTone = (status: string) =>
  status.startsWith("2") ? "text-success" : status.startsWith("3") ? "text-muted" : "text-danger";

function ResponseRow({ response }: { response: ApiResponse }) {
  return (
    <li className="min-w-0 px-3 py-2">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className={`font-mono text-sm font-semibold ${statusTone(response.status)}`}>{response.status}</span>
        <span className="min-w-0 flex-1 text-sm">
          <InlineMarkdown text={response.description} />
        </span>
        {response.bodyName ? <span className="font-mono text-xs text-muted">{response.bodyName}</span> : null}
      </div>
      {response.headers.length ? (
        <p className="mt-1 text-xs text-muted">
          Headers: <span className="font-mono">{response.headers.join(", ")}</span>
        </p>
      ) : null}
      {response.body && response.status.startsWith("2") ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-muted hover:text-ink">Response fields</summary>
          <div className="mt-2">
            <SchemaFields node={response.body} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** One operation: what it does, who may call it, what it takes and answers, and example calls. */
export async function OperationView({
  operation,
  origin,
  document,
}: {
  operation: ApiOperation;
  origin: string;
  document: unknown;
}) {
  const snippets = buildOperationSnippets({ origin, operation, document });
  const method = operation.method.toUpperCase();
  const params = operation.parameters.filter((p) => p.in === "path" || p.in === "query" || p.in === "header");
  const success = operation.responses.filter((r) => !/^[45]/.test(r.status));
  const failures = operation.responses.filter((r) => /^[45]/.test(r.status));
  const errorBody = failures.find((r) => r.body)?.body;
  const tabs = [
    { id: "curl", label: "curl", lang: "bash" as const, code: snippets.curl, name: "curl example" },
    { id: "fetch", label: "fetch", lang: "typescript" as const, code: snippets.fetch, name: "fetch example" },
    ...(snippets.sdk
      ? [{ id: "sdk", label: "TypeScript SDK", lang: "typescript" as const, code: snippets.sdk, name: "SDK example" }]
      : []),
  ];
  return (
    <article
      id={operation.id}
      aria-labelledby={`${operation.id}-title`}
      className="min-w-0 scroll-mt-6 space-y-4 border-t border-line pt-6"
      data-operation={operation.id}
    >
      <header className="space-y-2">
        <h3 id={`${operation.id}-title`} className="flex min-w-0 flex-wrap items-center gap-2 text-base font-semibold">
          <MethodBadge method={method} size="md" />
          <code className="min-w-0 font-mono text-sm break-words">
            <ApiPath path={operation.path} />
          </code>
          <a
            href={`#${operation.id}`}
            className="rounded p-1 text-muted hover:bg-subtle hover:text-ink"
            aria-label={`Link to ${method} ${operation.path}`}
          >
            <Icon icon={Link2} />
          </a>
        </h3>
        {operation.summary ? <p>{operation.summary}</p> : null}
        {operation.description ? (
          <p className="text-sm text-muted">
            <InlineMarkdown text={operation.description} />
          </p>
        ) : null}
        <p className="text-sm">
          <span className="font-medium">Authentication: </span>
          <Authentication security={operation.security} />
        </p>
      </header>

      {params.length ? (
        <section className="space-y-2">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <div className="overflow-x-auto rounded-md border border-line">
            <table className="w-full text-left text-sm max-sm:block">
              <thead className="bg-subtle text-xs text-muted max-sm:hidden">
                <tr>
                  <th className="px-3 py-1.5 font-medium">Name</th>
                  <th className="px-3 py-1.5 font-medium">Type</th>
                  <th className="px-3 py-1.5 font-medium">Description</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line max-sm:block">
                {params.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="align-top max-sm:block max-sm:py-1">
                    <td className="px-3 py-2 max-sm:block max-sm:py-0.5">
                      <code className="font-mono font-medium break-words">{p.name}</code>
                      <div className="text-xs text-muted">
                        {p.in}
                        {p.required ? <span className="font-medium text-danger"> · required</span> : null}
                      </div>
                    </td>
                    <td className="px-3 py-2 max-sm:block max-sm:py-0.5">
                      <SchemaSummary node={p.schema} />
                    </td>
                    <td className="px-3 py-2 text-muted max-sm:block max-sm:py-0.5">
                      {p.description ? <InlineMarkdown text={p.description} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {operation.requestBody ? (
        <section className="space-y-2">
          <h4 className="text-sm font-semibold">
            Request body{" "}
            <span className="font-normal text-muted">
              {operation.requestBody.mediaType}
              {operation.requestBody.name ? ` · ${operation.requestBody.name}` : ""}
            </span>
          </h4>
          <SchemaFields node={operation.requestBody.schema} />
        </section>
      ) : null}

      <section className="space-y-2">
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="divide-y divide-line rounded-md border border-line">
          {success.map((r) => (
            <ResponseRow key={r.status} response={r} />
          ))}
          {failures.map((r) => (
            <ResponseRow key={r.status} response={r} />
          ))}
        </ul>
        {errorBody ? (
          <details>
            <summary className="cursor-pointer text-xs text-muted hover:text-ink">
              Every error has the same envelope: {"{ error: { code, message, details?, requestId } }"}
            </summary>
            <div className="mt-2">
              <SchemaFields node={errorBody} />
            </div>
          </details>
        ) : null}
      </section>

      <section className="space-y-2">
        <h4 className="text-sm font-semibold">Example</h4>
        <CodeTabs
          label={`Examples of ${method} ${operation.path}`}
          tabs={tabs.map((t) => ({
            id: t.id,
            label: t.label,
            content: (
              <CodeBlock code={t.code} lang={t.lang} copyLabel={`Copy ${t.name}`} data-testid={`snippet-${t.id}`} />
            ),
          }))}
        />
      </section>
    </article>
  );
}
