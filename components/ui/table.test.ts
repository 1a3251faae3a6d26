import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Table, TableCell, TableRow, type TableColumn } from "@/components/ui/table";

const columns: TableColumn[] = [
  { label: "When", kind: "time" as const },
  "Who",
  { label: "Status", kind: "badge" as const },
  { label: "Actions", kind: "actions" as const, hidden: true },
];
const row = (key: string) =>
  h(
    TableRow,
    { key, ...{ "data-testid": `row-${key}` } },
    h(TableCell, { kind: "time" }, "3 minutes ago"),
    h(TableCell, null, "ana@example.com"),
    h(TableCell, { kind: "badge" }, "delivered"),
    h(TableCell, { kind: "actions" }, h("button", null, "Redeliver")),
  );
const html = (rows: ReturnType<typeof row>[], empty?: string) =>
  renderToStaticMarkup(h(Table, { columns, empty, "data-testid": "deliveries", children: rows }));

describe("Table", () => {
  it("shows the empty state instead of a table with no rows", () => {
    const out = html([], "No events sent yet.");
    expect(out).toContain("No events sent yet.");
    expect(out).not.toContain("<table");
  });

  it("renders the rows in a sideways-scrolling frame, with the test id on the table", () => {
    const out = html([row("a"), row("b")], "No events sent yet.");
    expect(out).not.toContain("No events sent yet.");
    expect(out).toMatch(
      /^<div class="relative overflow-x-auto[^"]*" style="[^"]*background-attachment:local[^"]*"><table[^>]*data-testid="deliveries"/,
    );
    expect(out.match(/<tr[ >]/g)).toHaveLength(3);
    expect(out).toContain('data-testid="row-a"');
  });

  it("keeps time, badge and action cells on one line, and lets text wrap", () => {
    const cells = [...html([row("a")]).matchAll(/<td class="([^"]*)">/g)].map((m) => m[1]!);
    expect(cells.map((c) => c.includes("whitespace-nowrap"))).toEqual([true, false, true, true]);
    const headings = [...html([row("a")]).matchAll(/<th scope="col" class="([^"]*)">/g)].map((m) => m[1]!);
    expect(headings.map((c) => c.includes("whitespace-nowrap"))).toEqual([true, false, true, true]);
  });

  it("lets a name column take the leftover width and cut its text rather than grow the row", () => {
    const out = renderToStaticMarkup(
      h(Table, {
        columns: [{ label: "Name", kind: "name" as const }, "Rows"],
        children: h(TableRow, null, h(TableCell, { kind: "name" }, "support/refund-reply"), h(TableCell, null, "3")),
      }),
    );
    expect(out).toMatch(/<td class="[^"]*w-full max-w-0[^"]*">support\/refund-reply<\/td>/);
  });

  it("names a column of buttons for screen readers without showing a heading", () => {
    expect(html([row("a")])).toContain('<span class="sr-only">Actions</span>');
  });
});
