"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Copy, Trash2, type LucideIcon } from "lucide-react";
import { useRef, useState, type RefObject } from "react";

import { Icon } from "@/components/ui/icon";

import { cellText, parseCell, type EditRow } from "./edit-rows";

type Props = {
  rows: EditRow[];
  variables: string[];
  readOnly: boolean;
  onChange: (index: number, row: EditRow) => void;
  onDuplicate: (index: number) => void;
  onDelete: (index: number) => void;
  /** Lets the page scroll a row into view (after "Add row"). */
  scrollRef?: RefObject<((index: number) => void) | null>;
};

const ROW_HEIGHT = 40;
const cell = "truncate border-r border-line px-2 py-1 last:border-r-0";
const input =
  "w-full rounded border border-transparent bg-transparent px-1.5 py-1 text-sm text-ink hover:border-line focus:border-accent focus:outline-none aria-[invalid=true]:border-danger";

/**
 * The rows of a dataset version, virtualised (only the rows in view are in the page, so 10,000
 * scroll as smoothly as 10), one column per variable, then expected and metadata. Cells edit in
 * place; a changed row becomes new content when saved.
 */
export function DatasetTable({ rows, variables, readOnly, onChange, onDuplicate, onDelete, scrollRef }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  // The virtualizer hands back new measurements every render; the React Compiler skips memoizing this
  // component because of it, which is what a scrolling table needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  if (scrollRef) scrollRef.current = (index) => virtualizer.scrollToIndex(index, { align: "end" });
  const template = `4rem repeat(${variables.length}, minmax(12rem, 1fr)) minmax(14rem, 1.5fr) minmax(12rem, 1fr)${readOnly ? "" : " 5.5rem"}`;
  const width = `calc(4rem + ${variables.length * 12 + 26 + (readOnly ? 0 : 5.5)}rem)`;

  return (
    <div
      ref={parent}
      className="h-[60vh] overflow-auto rounded-lg border border-line bg-surface"
      role="table"
      aria-label="Dataset rows"
      aria-rowcount={rows.length + 1}
    >
      <div style={{ minWidth: width }}>
        <div
          role="row"
          className="sticky top-0 z-10 grid border-b border-line bg-subtle text-xs font-medium text-muted"
          style={{ gridTemplateColumns: template }}
        >
          <span role="columnheader" className={cell}>
            #
          </span>
          {variables.map((v) => (
            <span role="columnheader" key={v} className={`${cell} font-mono`} title={`Variable ${v}`}>
              {v}
            </span>
          ))}
          <span role="columnheader" className={cell}>
            expected
          </span>
          <span role="columnheader" className={cell}>
            metadata (JSON)
          </span>
          {readOnly ? null : (
            <span role="columnheader" className={cell}>
              <span className="sr-only">Row actions</span>
            </span>
          )}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`absolute left-0 grid w-full border-b border-line text-sm ${row.id ? "" : "bg-accent/5"}`}
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span
                  role="cell"
                  className={`${cell} text-xs text-muted`}
                  title={row.id ? undefined : "New or changed"}
                >
                  {item.index + 1}
                  {row.id ? "" : " •"}
                </span>
                {variables.map((v) => (
                  <span role="cell" key={v} className={cell}>
                    {readOnly ? (
                      <span title={cellText(row.values[v])}>{cellText(row.values[v])}</span>
                    ) : (
                      <input
                        aria-label={`Row ${item.index + 1}, ${v}`}
                        className={input}
                        value={cellText(row.values[v])}
                        onChange={(e) => {
                          const values = { ...row.values, [v]: parseCell(e.target.value, row.values[v]) };
                          if (values[v] === undefined) delete values[v];
                          onChange(item.index, { ...row, id: null, values });
                        }}
                      />
                    )}
                  </span>
                ))}
                <span role="cell" className={cell}>
                  {readOnly ? (
                    <span title={row.expected ?? ""}>{row.expected ?? ""}</span>
                  ) : (
                    <input
                      aria-label={`Row ${item.index + 1}, expected`}
                      className={input}
                      value={row.expected ?? ""}
                      onChange={(e) => onChange(item.index, { ...row, id: null, expected: e.target.value || null })}
                    />
                  )}
                </span>
                <span role="cell" className={cell}>
                  {readOnly ? (
                    <span className="font-mono text-xs">{row.metadata ? JSON.stringify(row.metadata) : ""}</span>
                  ) : (
                    <MetadataCell row={row} index={item.index} onChange={onChange} />
                  )}
                </span>
                {readOnly ? null : (
                  <span role="cell" className={`${cell} flex items-center gap-1`}>
                    <RowAction
                      icon={Copy}
                      label={`Duplicate row ${item.index + 1}`}
                      onClick={() => onDuplicate(item.index)}
                    />
                    <RowAction
                      icon={Trash2}
                      label={`Delete row ${item.index + 1}`}
                      onClick={() => onDelete(item.index)}
                    />
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** An icon button of a row, named for screen readers by what it does to which row. */
function RowAction({ icon, label, onClick }: { icon: LucideIcon; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="rounded p-1 text-muted hover:bg-subtle hover:text-ink"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <Icon icon={icon} />
    </button>
  );
}

/** Metadata is a JSON object: typed as text, applied when it parses, marked invalid (and kept) while it does not. */
function MetadataCell({
  row,
  index,
  onChange,
}: {
  row: EditRow;
  index: number;
  onChange: (index: number, row: EditRow) => void;
}) {
  const stored = row.metadata ? JSON.stringify(row.metadata) : "";
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? stored;
  let invalid = false;
  if (draft !== null && draft.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(draft);
      invalid = parsed === null || typeof parsed !== "object" || Array.isArray(parsed);
    } catch {
      invalid = true;
    }
  }
  return (
    <input
      aria-label={`Row ${index + 1}, metadata`}
      aria-invalid={invalid || undefined}
      title={invalid ? 'Metadata is a JSON object, e.g. {"source": "support"}' : undefined}
      className={`${input} font-mono text-xs`}
      value={text}
      placeholder="{}"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft === null || invalid) return;
        const metadata = draft.trim() === "" ? null : (JSON.parse(draft) as Record<string, unknown>);
        setDraft(null);
        if (JSON.stringify(metadata) !== JSON.stringify(row.metadata)) onChange(index, { ...row, id: null, metadata });
      }}
    />
  );
}
