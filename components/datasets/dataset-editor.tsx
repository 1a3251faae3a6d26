"use client";

import { Archive, ArchiveRestore, Download, FileUp, Pencil, Plus, Save, Trash2, Undo2 } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/lazy-toast";
import { PageHeader } from "@/components/ui/page-header";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { MAX_DATASET_ROWS, MAX_ROWS_PAGE } from "@/lib/datasets/dataset-limits";
import type { DatasetRowView, DatasetVersionView, DatasetView } from "@/lib/datasets/dataset-view";

import { DatasetTable } from "./dataset-table";
import { blankRow, duplicateRow, toEditRow, toSaveEntries, variableColumns, type EditRow } from "./edit-rows";

// The import wizard (upload, preview, column mapping) loads when first opened, not with the page.
const ImportWizard = dynamic(() => import("./import-wizard").then((m) => m.ImportWizard));

type Props = {
  projectSlug: string;
  dataset: DatasetView & { versions: DatasetVersionView[] };
  canEdit: boolean;
  prompts: { id: string; name: string }[];
  startImport: boolean;
};

/**
 * One dataset: its rows in a virtualised table, edited in place and saved as the next version;
 * older versions read-only through the picker; import and export.
 */
export function DatasetEditor({ projectSlug, dataset, canEdit, prompts, startImport }: Props) {
  const router = useRouter();
  const api = `/api/projects/${projectSlug}/datasets/${dataset.id}`;
  const [viewing, setViewing] = useState(dataset.latestVersion);
  const [rows, setRows] = useState<EditRow[]>([]);
  // How far reading the version has got; `complete` once every row is on the page (edits may change the count after).
  const [loaded, setLoaded] = useState<{ count: number; total: number; complete: boolean } | null>(
    dataset.latestVersion === 0 ? { count: 0, total: 0, complete: true } : null,
  );
  const [loadError, setLoadError] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [extraColumns, setExtraColumns] = useState<string[]>([]);
  const [newColumn, setNewColumn] = useState("");
  const [message, setMessage] = useState("");
  const [importing, setImporting] = useState(startImport && canEdit);
  // Mounted from its first opening on, so closing and reopening keeps where the import was.
  const [wizardMounted, setWizardMounted] = useState(importing);
  if (importing && !wizardMounted) setWizardMounted(true);
  const [editingDetails, setEditingDetails] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const save = useRequest();
  const change = useRequest();
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const readOnly = !canEdit || dataset.archived || viewing !== dataset.latestVersion;

  const [reloads, setReloads] = useState(0);
  /** Shows another version (or the same one again, dropping edits): cleared here, read by the effect below. */
  const show = (version: number) => {
    setRows([]);
    setLoaded(version === 0 ? { count: 0, total: 0, complete: true } : null);
    setLoadError(undefined);
    setDirty(false);
    setViewing(version);
    setReloads((n) => n + 1);
  };
  // Reads every page of the version in order (2,000 rows a request), showing progress as it goes.
  useEffect(() => {
    if (viewing === 0) return;
    let cancelled = false;
    const read = async () => {
      const all: EditRow[] = [];
      let after = -1;
      try {
        for (;;) {
          const page = await apiFetch<{ rows: DatasetRowView[]; rowCount: number; nextAfter: number | null }>(
            `${api}/rows?version=${viewing}&after=${after}&limit=${MAX_ROWS_PAGE}`,
          );
          if (cancelled) return;
          all.push(...page.rows.map(toEditRow));
          if (page.nextAfter === null) {
            setRows(all);
            setLoaded({ count: all.length, total: page.rowCount, complete: true });
            break;
          }
          setLoaded({ count: all.length, total: page.rowCount, complete: false });
          after = page.nextAfter;
        }
      } catch (error) {
        if (!cancelled) setLoadError((error as Error).message);
      }
    };
    void read();
    return () => {
      cancelled = true;
    };
  }, [api, viewing, reloads]);

  // Leaving with unsaved edits asks first (closing the tab, or a studio link: sidebar, breadcrumbs).
  useUnsavedChanges(dirty);

  const variables = useMemo(() => variableColumns(rows, extraColumns), [rows, extraColumns]);
  const edit = (next: EditRow[]) => {
    setRows(next);
    setDirty(true);
  };
  const done = loaded?.complete === true;

  async function saveVersion() {
    const result = await save.run(() =>
      apiFetch<{ number: number; rowCount: number; added: number }>(`${api}/versions`, {
        body: { baseVersion: dataset.latestVersion, message, rows: toSaveEntries(rows) },
      }),
    );
    if (!result) return;
    toast.success(`Saved version ${result.number} (${result.rowCount.toLocaleString("en")} rows)`);
    setMessage("");
    show(result.number);
    router.refresh();
  }

  async function setArchived(archived: boolean) {
    if (await change.run(() => apiFetch(api, { method: "PATCH", body: { archived } }))) {
      toast.success(archived ? `${dataset.name} archived` : `${dataset.name} restored`);
      router.refresh();
    }
  }

  const exportHref = (format: "csv" | "jsonl") => `${api}/versions/${viewing}/export?format=${format}`;

  return (
    <>
      <PageHeader
        title={dataset.name}
        description={
          <>
            {dataset.description || "No description."}{" "}
            {dataset.archived ? <strong className="text-danger">Archived: read-only.</strong> : null}
          </>
        }
        actions={
          canEdit ? (
            <>
              <Button variant="ghost" icon={Pencil} onClick={() => setEditingDetails(true)}>
                Details
              </Button>
              <Button
                variant="ghost"
                icon={dataset.archived ? ArchiveRestore : Archive}
                busy={change.busy}
                onClick={() => void setArchived(!dataset.archived)}
              >
                {dataset.archived ? "Restore" : "Archive"}
              </Button>
              <Button variant="danger" icon={Trash2} onClick={() => setDeleting(true)}>
                Delete
              </Button>
            </>
          ) : null
        }
      />
      <p className="mb-3 text-xs">
        <Link href={`/p/${projectSlug}/datasets`} className="text-muted hover:underline">
          ← All datasets
        </Link>
      </p>
      {change.error ? <Alert>{change.error}</Alert> : null}

      <div className="mb-3 flex flex-wrap items-end gap-3">
        <div className="w-72">
          <SelectField
            label="Version"
            value={viewing}
            disabled={dirty || dataset.versions.length === 0}
            hint={dirty ? "Save or discard your edits to look at another version." : undefined}
            onChange={(e) => show(Number(e.target.value))}
          >
            {dataset.versions.length === 0 ? <option value={0}>No versions yet</option> : null}
            {dataset.versions.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
                {v.number === dataset.latestVersion ? " (latest)" : " (read-only)"} · {v.rowCount.toLocaleString("en")}{" "}
                rows{v.message ? ` · ${v.message}` : ""}
              </option>
            ))}
          </SelectField>
        </div>
        {viewing > 0 ? (
          <>
            <a className={buttonClass("secondary")} href={exportHref("csv")} download>
              <Icon icon={Download} />
              Export CSV
            </a>
            <a className={buttonClass("secondary")} href={exportHref("jsonl")} download>
              <Icon icon={Download} />
              Export JSONL
            </a>
          </>
        ) : null}
        {canEdit && !dataset.archived ? (
          <Button variant="secondary" icon={FileUp} disabled={dirty} onClick={() => setImporting(true)}>
            Import a file
          </Button>
        ) : null}
      </div>

      {loadError ? <Alert>Could not load the rows: {loadError}</Alert> : null}
      {!done && loaded && loaded.total > 0 ? (
        <p role="status" className="mb-2 text-muted">
          Loading rows… {loaded.count.toLocaleString("en")} of {loaded.total.toLocaleString("en")}
        </p>
      ) : null}

      {done && rows.length === 0 && readOnly ? (
        <div className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">
          {dataset.latestVersion === 0
            ? "No rows yet. An editor can add rows here or import a CSV or JSONL file."
            : "This version has no rows."}
        </div>
      ) : done && rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">
          <p>
            No rows yet. Add rows one by one (one column per prompt variable, plus the output you expect), or import a
            CSV or JSONL file.
          </p>
          <div className="mt-4 flex justify-center gap-2">
            <Button icon={Plus} onClick={() => edit([blankRow()])}>
              Add a row
            </Button>
            <Button variant="secondary" icon={FileUp} onClick={() => setImporting(true)}>
              Import a file
            </Button>
          </div>
        </div>
      ) : done ? (
        <DatasetTable
          rows={rows}
          variables={variables}
          readOnly={readOnly}
          scrollRef={scrollTo}
          onChange={(i, row) => edit(rows.map((r, j) => (j === i ? row : r)))}
          onDuplicate={(i) => edit([...rows.slice(0, i + 1), duplicateRow(rows[i]!), ...rows.slice(i + 1)])}
          onDelete={(i) => edit(rows.filter((_, j) => j !== i))}
        />
      ) : null}

      {!readOnly && done && (rows.length > 0 || dirty) ? (
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <Button
            variant="secondary"
            icon={Plus}
            disabled={rows.length >= MAX_DATASET_ROWS}
            onClick={() => {
              edit([...rows, blankRow()]);
              setTimeout(() => scrollTo.current?.(rows.length), 0);
            }}
          >
            Add row
          </Button>
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const name = newColumn.trim();
              if (name && !variables.includes(name)) setExtraColumns([...extraColumns, name]);
              setNewColumn("");
            }}
          >
            <TextField label="New variable column" value={newColumn} onChange={(e) => setNewColumn(e.target.value)} />
            <Button variant="ghost" type="submit" icon={Plus} disabled={!newColumn.trim()}>
              Add column
            </Button>
          </form>
          <div className="ml-auto flex items-end gap-2">
            <TextField
              label="Version message"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              error={save.fields.message}
              placeholder="What changed"
            />
            {dirty ? (
              <Button variant="ghost" icon={Undo2} onClick={() => show(viewing)}>
                Discard edits
              </Button>
            ) : null}
            <Button icon={Save} busy={save.busy} disabled={!dirty} onClick={() => void saveVersion()}>
              Save as version {dataset.latestVersion + 1}
            </Button>
          </div>
        </div>
      ) : null}
      {save.error || Object.keys(save.fields).some((f) => f !== "message") ? (
        <div className="mt-2">
          <Alert>
            {save.error ??
              Object.entries(save.fields)
                .filter(([f]) => f !== "message")
                .map(([f, m]) => `${f.replace(/^rows\.(\d+)/, (_, n: string) => `Row ${Number(n) + 1}`)}: ${m}`)
                .join("; ")}
          </Alert>
        </div>
      ) : null}
      {dirty ? (
        <p className="mt-2 text-xs text-muted" role="status">
          Unsaved edits: rows marked • are new or changed.
        </p>
      ) : null}

      {wizardMounted ? (
        <ImportWizard
          open={importing}
          onOpenChange={setImporting}
          api={api}
          prompts={prompts}
          hasRows={dataset.latestVersion > 0}
          onImported={(number) => {
            show(number);
            router.refresh();
          }}
        />
      ) : null}
      <DetailsDialog
        open={editingDetails}
        onOpenChange={setEditingDetails}
        api={api}
        dataset={dataset}
        onSaved={() => router.refresh()}
      />
      <DeleteDialog
        open={deleting}
        onOpenChange={setDeleting}
        api={api}
        name={dataset.name}
        onDeleted={() => router.push(`/p/${projectSlug}/datasets`)}
      />
    </>
  );
}

function DetailsDialog({
  open,
  onOpenChange,
  api,
  dataset,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  api: string;
  dataset: DatasetView;
  onSaved: () => void;
}) {
  const [name, setName] = useState(dataset.name);
  const [description, setDescription] = useState(dataset.description);
  const request = useRequest();
  async function submit(event: FormEvent) {
    event.preventDefault();
    // Only what changed is sent: a PATCH names its fields.
    const changes = {
      ...(name !== dataset.name ? { name } : {}),
      ...(description !== dataset.description ? { description } : {}),
    };
    if (await request.run(() => apiFetch(api, { method: "PATCH", body: changes }))) {
      toast.success("Dataset details saved");
      onOpenChange(false);
      onSaved();
    }
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Dataset details">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={request.fields.name} />
        <TextField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={request.fields.description}
        />
        {request.error ? <Alert>{request.error}</Alert> : null}
        <DialogActions>
          <Button variant="ghost" type="button" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" busy={request.busy}>
            Save details
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function DeleteDialog({
  open,
  onOpenChange,
  api,
  name,
  onDeleted,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  api: string;
  name: string;
  onDeleted: () => void;
}) {
  const request = useRequest();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${name}?`}
      description="Every version and row goes. A dataset an eval run or a gate uses cannot be deleted; archive it instead."
      confirmLabel={`Delete ${name}`}
      cancelLabel="Keep it"
      icon={Trash2}
      busy={request.busy}
      error={request.error}
      onConfirm={async () => {
        if (await request.run(() => apiFetch(api, { method: "DELETE" }), { navigating: true })) {
          toast.success(`${name} deleted`);
          onDeleted();
        }
      }}
    />
  );
}
