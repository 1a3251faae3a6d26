import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_DATASET_ROW_BYTES } from "@/lib/datasets/dataset-limits";
import { formatDatasetCsv, formatDatasetJsonl } from "@/lib/datasets/format-dataset-file";
import { mapDatasetColumns } from "@/lib/datasets/map-dataset-columns";
import { parseDatasetFile } from "@/lib/datasets/parse-dataset-file";

const parse = (format: "csv" | "jsonl", text: string) => parseDatasetFile({ format, text, maxBytes: 1024 * 1024 });

describe("parseDatasetFile", () => {
  it("lists every problem of a CSV with its spreadsheet row (header = row 1), not just the first", () => {
    const file = parse("csv", "a,b,\nx,y,z\n1,2,3,4\n\n5\n");
    expect(file.problems).toEqual([
      { row: 1, message: "Column 3 has no name in the header." },
      { row: 3, message: "Row 3 has 4 cells but the header names 3 columns (a comma outside quotes?)." },
      { row: 5, message: "Row 5 has 1 cells but the header names 3 columns." },
    ]);
    expect(file.records.map((r) => r.row)).toEqual([2, 3, 5]);
  });

  it("reads quoted commas, quotes, line breaks, a byte-order mark and semicolon files", () => {
    const file = parse("csv", '\uFEFFq;note\n"a; b";"say ""hi""\nthen"\n');
    expect(file.problems).toEqual([]);
    expect(file.columns).toEqual(["q", "note"]);
    expect(file.records[0]!.cells).toEqual({ q: "a; b", note: 'say "hi"\nthen' });
  });

  it("refuses a file over the import limit without parsing it, and names empty files", () => {
    expect(
      parseDatasetFile({ format: "csv", text: "q\n" + "x\n".repeat(600), maxBytes: 1000 }).problems[0]!.message,
    ).toBe("The file is 1.2 KB; an import may be at most 1.0 KB (half of GALLEY_MAX_IMPORT_BYTES). Split the file.");
    expect(parse("csv", "q\n").problems).toEqual([
      { row: null, message: "The file has a header but no rows under it." },
    ]);
  });

  it("names bad JSONL lines by line number and flattens the export shape", () => {
    const file = parse("jsonl", '{"a":1}\n"text"\n{bad\n{"values":{"q":"x"},"expected":"y","metadata":{"k":1}}\n');
    expect(file.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(file.records[1]!.cells).toEqual({ q: "x", expected: "y", "metadata.k": 1 });
  });
});

describe("mapDatasetColumns", () => {
  it("types CSV cells by the contract and leaves text alone without one", () => {
    const file = parse("csv", 'n,flag,data,other\n3,no,"[1,2]",7\n');
    const variables = [
      { name: "n", type: "number" as const, required: true },
      { name: "flag", type: "boolean" as const, required: true },
      { name: "data", type: "json" as const, required: true },
    ];
    expect(mapDatasetColumns({ file, variables }).rows[0]!.values).toEqual({
      n: 3,
      flag: false,
      data: [1, 2],
      other: "7",
    });
    expect(mapDatasetColumns({ file }).rows[0]!.values).toEqual({ n: "3", flag: "no", data: "[1,2]", other: "7" });
  });

  it("names a row over the size bound and a mapping of a missing column", () => {
    const file = parse("csv", `q\nsmall\n${"x".repeat(MAX_DATASET_ROW_BYTES + 1)}\n`);
    const mapped = mapDatasetColumns({ file, mapping: { nope: { to: "ignore" } } });
    expect(mapped.problems.map((p) => p.row)).toEqual([null, 3]);
    expect(mapped.problems[1]!.message).toMatch(/^Row 3: The row is 257 KB/);
  });
});

describe("formatDatasetCsv", () => {
  it("quotes every cell and writes non-text values as JSON", () => {
    expect(formatDatasetCsv([{ values: { q: 'a,"b"\nc', n: 2 }, expected: null, metadata: { k: true } }])).toBe(
      '"q","n","expected","metadata.k"\r\n"a,""b""\nc","2","","true"\r\n',
    );
  });

  it("round-trips any text through CSV and JSONL", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.string(), e: fc.option(fc.string({ minLength: 1 }), { nil: null }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (items) => {
          const rows = items.map((i) => ({ values: { q: i.q }, expected: i.e, metadata: null }));
          const back = (format: "csv" | "jsonl", text: string) => {
            const file = parse(format, text);
            expect(file.problems).toEqual([]);
            return mapDatasetColumns({ file }).rows.map((r) => ({
              values: r.values,
              expected: r.expected,
              metadata: r.metadata,
            }));
          };
          expect(back("jsonl", formatDatasetJsonl(rows))).toEqual(rows);
          // A CSV cannot tell an empty row from a blank line, so the CSV leg skips all-empty rows.
          if (rows.every((r) => r.values.q !== "" || r.expected !== null))
            expect(back("csv", formatDatasetCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});
