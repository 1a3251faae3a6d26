import { Children, type HTMLAttributes, type ReactNode, type TdHTMLAttributes } from "react";

import { scrollCueStyle } from "@/components/ui/scroll-cue";

/**
 * What a column holds. Times, badges and action buttons never wrap (a date broken over two lines
 * reads as two dates; a wrapped button row pushes the table taller than its content); mono is for
 * identifiers (actions, key prefixes, request ids). A name column takes the width the others leave
 * and cuts its text with an ellipsis (put the full name in a title) rather than wrap it, so a row
 * stays one line high at 1280 px and up.
 */
export type CellKind = "text" | "name" | "time" | "badge" | "mono" | "actions";

const kindClass: Record<CellKind, string> = {
  text: "",
  // max-w-0 + w-full: the cell gets the table's leftover width instead of growing with its text;
  // min-w keeps it readable when the table is narrower than its content and scrolls sideways.
  name: "w-full max-w-0 min-w-48",
  time: "whitespace-nowrap",
  badge: "whitespace-nowrap",
  mono: "font-mono text-xs",
  actions: "whitespace-nowrap text-right",
};

/** A column heading; a column of buttons has no visible heading but still names itself to screen readers. */
export type TableColumn = string | { label: string; kind?: CellKind; hidden?: boolean; key?: string };

type TableProps = {
  columns: TableColumn[];
  /** The rows (TableRow). With none, `empty` is shown instead of the table. */
  children: ReactNode;
  /** What an empty list says: why it is empty and what to do next. */
  empty?: ReactNode;
  /** Classes for the frame (e.g. `hidden md:block` where a phone shows cards instead). */
  className?: string;
  "aria-label"?: string;
  "data-testid"?: string;
};

/**
 * The studio's list table: headings, rows, an empty state, and, on a screen narrower than the
 * table, a sideways scroll inside its own frame (with a shadow at the edge that has more), never
 * the page's.
 */
export function Table({ columns, children, empty, className = "", ...rest }: TableProps) {
  if (empty !== undefined && Children.toArray(children).length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">{empty}</div>
    );
  }
  return (
    // relative: what is positioned inside (the sr-only heading of a column of buttons) scrolls with
    // the table instead of stretching the page.
    <div
      className={`relative overflow-x-auto rounded-lg border border-line bg-surface ${className}`}
      style={scrollCueStyle}
    >
      <table className="w-full text-left text-sm" aria-label={rest["aria-label"]} data-testid={rest["data-testid"]}>
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            {columns.map((c) => {
              const column = typeof c === "string" ? { label: c } : c;
              return (
                <th
                  key={column.key ?? column.label}
                  scope="col"
                  className={`px-4 py-2 font-medium ${column.kind === "name" ? "" : kindClass[column.kind ?? "text"]}`}
                >
                  {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function TableRow({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} className={`border-b border-line last:border-0 ${className}`} />;
}

/** One cell; `kind` sets wrapping and type for what the column holds (see CellKind). */
export function TableCell({
  kind = "text",
  className = "",
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { kind?: CellKind }) {
  return <td {...props} className={`px-4 py-2 ${kindClass[kind]} ${className}`} />;
}
