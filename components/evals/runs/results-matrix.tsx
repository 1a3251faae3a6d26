"use client";

import { ChevronLeft, ChevronRight, Download, Search } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { formatCost, formatMs, formatScore } from "@/components/evals/runs/format";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Icon } from "@/components/ui/icon";
import { apiFetch } from "@/lib/client/api-fetch";
import type { MatrixCell, MatrixPage, MatrixRow } from "@/lib/eval-results/read-matrix-page";
import type { MatrixFilter } from "@/lib/validations/eval-results";

const filters: Array<{ value: MatrixFilter | ""; label: string }> = [
  { value: "", label: "All rows" },
  { value: "failures", label: "Failures only" },
  { value: "differences", label: "Differences only" },
  { value: "regressions", label: "Regressions only" },
];

const cellTone = (cell: MatrixCell | null) =>
  !cell || cell.status === "pending" || cell.status === "cancelled"
    ? "bg-subtle/60 text-muted"
    : cell.status === "error"
      ? "bg-danger/15"
      : cell.pass
        ? "bg-success/10"
        : "bg-danger/10";

const verdictText = (cell: MatrixCell | null) =>
  !cell || cell.status === "pending"
    ? "Pending"
    : cell.status === "cancelled"
      ? "Not run"
      : cell.status === "error"
        ? "Error"
        : cell.pass
          ? "Pass"
          : "Fail";

const valuesText = (values: unknown) =>
  values && typeof values === "object"
    ? Object.entries(values as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("\n")
    : JSON.stringify(values);

/**
 * The results matrix: dataset rows down, columns across, each cell coloured by its verdict and
 * opening its full output and every evaluator's reason. Filters, search and pages are the API's
 * (`endpoint`, which may already carry a query, as compare's does); `refreshKey` changing (a
 * running run's progress) reloads the current page in place.
 */
export function ResultsMatrix({
  endpoint,
  exportHref,
  columns,
  initial,
  refreshKey,
}: {
  endpoint: string;
  /** The export route, without query; absent on pages that cannot export (compare). */
  exportHref?: string;
  columns: Array<{ id: string; label: string; role: string }>;
  initial: MatrixPage;
  refreshKey?: number;
}) {
  const [filter, setFilter] = useState<MatrixFilter | "">("");
  const [q, setQ] = useState("");
  const [typed, setTyped] = useState("");
  // The `after` of each page shown so far: Previous pops one.
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [page, setPage] = useState(initial);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<{ row: MatrixRow; column: number } | null>(null);
  const after = cursors[cursors.length - 1];

  const queryOf = (opts: { after?: number } = {}) => {
    const params = new URLSearchParams();
    if (filter) params.set("filter", filter);
    if (q) params.set("q", q);
    if (opts.after !== undefined) params.set("after", String(opts.after));
    return params.toString();
  };
  const url = (() => {
    const qs = queryOf({ after });
    return qs ? `${endpoint}${endpoint.includes("?") ? "&" : "?"}${qs}` : endpoint;
  })();
  // The server rendered the first page; later changes (filters, pages, progress) fetch.
  const rendered = useRef(true);
  useEffect(() => {
    if (rendered.current) {
      rendered.current = false;
      return;
    }
    let stale = false;
    apiFetch<MatrixPage>(url)
      .then((next) => {
        if (stale) return;
        setPage(next);
        setError(undefined);
      })
      .catch((e: Error) => {
        if (!stale) setError(e.message);
      });
    return () => {
      stale = true;
    };
  }, [url, refreshKey]);

  function search(event: FormEvent) {
    event.preventDefault();
    setQ(typed.trim());
    setCursors([undefined]);
  }

  const openCell = open ? open.row.cells[open.column] : null;
  return (
    <section aria-label="Results" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
          {filters.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={filter === f.value}
              onClick={() => {
                setFilter(f.value);
                setCursors([undefined]);
              }}
              className={buttonClass(filter === f.value ? "primary" : "secondary")}
            >
              {f.label}
            </button>
          ))}
        </div>
        <form onSubmit={search} role="search" className="flex items-center gap-2">
          <label htmlFor="matrix-search" className="sr-only">
            Search values, expected outputs and outputs
          </label>
          <input
            id="matrix-search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Search rows and outputs"
            maxLength={200}
            className="w-56 rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
          />
          <Button type="submit" variant="secondary" icon={Search}>
            Search
          </Button>
        </form>
        {exportHref ? (
          <div className="ml-auto flex gap-2">
            {(["csv", "json"] as const).map((format) => (
              <a
                key={format}
                href={`${exportHref}?${new URLSearchParams({ format, ...(filter ? { filter } : {}), ...(q ? { q } : {}) })}`}
                className={buttonClass("secondary")}
                download
              >
                <Icon icon={Download} />
                Export {format.toUpperCase()}
              </a>
            ))}
          </div>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="max-h-[70vh] overflow-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-separate border-spacing-0 text-left text-sm" data-testid="results-matrix">
          <thead className="sticky top-0 z-20 bg-surface text-xs text-muted">
            <tr>
              <th scope="col" className="sticky left-0 z-30 w-72 border-b border-line bg-surface px-3 py-2 font-medium">
                Row
              </th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className="min-w-64 border-b border-line px-3 py-2 font-medium">
                  {c.label} <span className="font-normal">({c.role})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.position}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 w-72 max-w-72 border-b border-line bg-surface px-3 py-2 align-top font-normal"
                >
                  <div className="font-mono text-xs text-muted">#{row.position + 1}</div>
                  <div className="line-clamp-3 text-xs whitespace-pre-wrap">{valuesText(row.values)}</div>
                  {row.expected !== null ? (
                    <div className="mt-1 line-clamp-2 text-xs text-muted">Expected: {row.expected}</div>
                  ) : null}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={columns[i]!.id} className={`border-b border-l border-line p-0 align-top ${cellTone(cell)}`}>
                    <button
                      type="button"
                      onClick={() => setOpen({ row, column: i })}
                      className="block h-full w-full px-3 py-2 text-left hover:bg-subtle/50"
                      aria-label={`Row ${row.position + 1}, ${columns[i]!.label}: ${verdictText(cell)}. Show details`}
                    >
                      <div className="flex items-center justify-between gap-2 text-xs">
                        <span className="font-medium">{verdictText(cell)}</span>
                        <span className="text-muted tabular-nums">
                          {cell?.score !== null && cell?.score !== undefined ? formatScore(cell.score) : ""}
                          {cell?.latencyMs !== null && cell?.latencyMs !== undefined
                            ? ` · ${formatMs(cell.latencyMs)}`
                            : ""}
                        </span>
                      </div>
                      <div className="mt-1 line-clamp-3 text-xs whitespace-pre-wrap">
                        {cell?.status === "error" ? cell.error : (cell?.output ?? "")}
                      </div>
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 ? (
          <p className="p-6 text-center text-muted">
            {filter || q
              ? "No row matches: choose “All rows” or clear the search."
              : "This dataset version has no rows."}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          icon={ChevronLeft}
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          icon={ChevronRight}
          disabled={page.nextAfter === null}
          onClick={() => page.nextAfter !== null && setCursors([...cursors, page.nextAfter])}
        >
          Next
        </Button>
        <span className="text-xs text-muted">Page {cursors.length}</span>
      </div>
      <Dialog
        open={open !== null}
        onOpenChange={(o) => !o && setOpen(null)}
        title={open ? `Row ${open.row.position + 1} · ${columns[open.column]!.label}` : ""}
        description={
          openCell
            ? `${verdictText(openCell)}${openCell.score !== null ? ` · score ${formatScore(openCell.score)}` : ""}`
            : undefined
        }
        data-testid="result-cell"
      >
        {open ? (
          <div className="space-y-3">
            <div>
              <h3 className="text-xs font-medium text-muted">Input</h3>
              <pre className="max-h-40 overflow-auto rounded bg-subtle p-2 text-xs whitespace-pre-wrap">
                {valuesText(open.row.values)}
              </pre>
            </div>
            {open.row.expected !== null ? (
              <div>
                <h3 className="text-xs font-medium text-muted">Expected</h3>
                <pre className="max-h-40 overflow-auto rounded bg-subtle p-2 text-xs whitespace-pre-wrap">
                  {open.row.expected}
                </pre>
              </div>
            ) : null}
            <div>
              <h3 className="text-xs font-medium text-muted">{openCell?.status === "error" ? "Error" : "Output"}</h3>
              <pre className="max-h-64 overflow-auto rounded bg-subtle p-2 text-xs whitespace-pre-wrap">
                {openCell?.status === "error" ? openCell.error : (openCell?.output ?? "Not run yet.")}
              </pre>
            </div>
            {openCell?.evaluators.length ? (
              <ul className="space-y-1">
                {openCell.evaluators.map((e) => (
                  <li key={e.evaluatorId} className="rounded border border-line p-2">
                    <div className="flex justify-between text-xs font-medium">
                      <span>{e.name}</span>
                      <span className={e.pass ? "text-success" : "text-danger"}>
                        {e.pass === null ? "–" : e.pass ? "Pass" : "Fail"} · {formatScore(e.score)}
                      </span>
                    </div>
                    {e.reason ? <p className="mt-1 text-xs whitespace-pre-wrap text-muted">{e.reason}</p> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {openCell ? (
              <p className="text-xs text-muted tabular-nums">
                {formatMs(openCell.latencyMs)} · {openCell.inputTokens ?? "–"} in / {openCell.outputTokens ?? "–"} out
                tokens · {formatCost(openCell.costUsd)}
              </p>
            ) : null}
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
