import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { DatasetEditor } from "@/components/datasets/dataset-editor";
import { DatasetsClient } from "@/components/datasets/datasets-client";

// The pages as the server first sends them (before effects load any rows), inside the App Router
// context useRouter reads.
const router = { push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} };
const render = (element: ReactElement) =>
  renderToStaticMarkup(h(AppRouterContext.Provider, { value: router as never }, element));

const dataset = {
  id: "ds1",
  name: "Refund questions",
  description: "",
  latestVersion: 0,
  rowCount: 0,
  archived: false,
  updatedAt: "2026-11-26T10:00:00.000Z",
  versions: [],
};

describe("Datasets pages", () => {
  it("explains datasets on an empty list and offers New dataset and Import a CSV to editors only", () => {
    const props = { projectSlug: "acme", datasets: [], nextCursor: null, archived: false, q: "" };
    const editor = render(h(DatasetsClient, { ...props, canEdit: true }));
    expect(editor).toContain("No datasets yet");
    expect(editor).toContain("New dataset");
    expect(editor).toContain("Import a CSV");
    const viewer = render(h(DatasetsClient, { ...props, canEdit: false }));
    expect(viewer).toContain("Ask an editor of this project to create one.");
    expect(viewer).not.toContain("Import a CSV");
  });

  it("offers an empty dataset's first rows to an editor, and shows a viewer that there are none", () => {
    const props = { projectSlug: "acme", dataset, prompts: [], startImport: false };
    const editor = render(h(DatasetEditor, { ...props, canEdit: true }));
    expect(editor).toContain("Add a row");
    expect(editor).toContain("Import a file");
    const viewer = render(h(DatasetEditor, { ...props, canEdit: false }));
    expect(viewer).toContain("No rows yet. An editor can add rows here");
    expect(viewer).not.toContain("Add a row");
    expect(viewer).not.toContain("Delete");
  });

  it("lists versions in the picker, older ones marked read-only, with export links for the one shown", () => {
    const versions = [
      { number: 2, rowCount: 3, message: "second", createdAt: "2026-11-26T10:00:00.000Z" },
      { number: 1, rowCount: 2, message: "first", createdAt: "2026-11-25T10:00:00.000Z" },
    ];
    const out = render(
      h(DatasetEditor, {
        projectSlug: "acme",
        dataset: { ...dataset, latestVersion: 2, rowCount: 3, versions },
        prompts: [],
        startImport: false,
        canEdit: true,
      }),
    );
    expect(out).toContain("v2 (latest) · 3 rows · second");
    expect(out).toContain("v1 (read-only) · 2 rows · first");
    expect(out).toContain('href="/api/projects/acme/datasets/ds1/versions/2/export?format=csv"');
  });
});
