"use client";

import { Archive, Database, FileUp, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/lazy-toast";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { DatasetView } from "@/lib/datasets/dataset-view";

type Props = {
  projectSlug: string;
  datasets: DatasetView[];
  nextCursor: string | null;
  archived: boolean;
  q: string;
  canEdit: boolean;
};

/** Datasets: the project's golden examples, newest change first, with the way to make or import one. */
export function DatasetsClient({ projectSlug, datasets, nextCursor, archived, q, canEdit }: Props) {
  const router = useRouter();
  const create = useRequest();
  // What the dialog was opened for: a plain new dataset, or one to import a CSV into right away.
  const [creating, setCreating] = useState<null | "new" | "import">(null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const base = `/p/${projectSlug}/datasets`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const made = await create.run(
      () => apiFetch<DatasetView>(`/api/projects/${projectSlug}/datasets`, { body: { name, description } }),
      { navigating: true },
    );
    if (!made) return;
    toast.success(`Dataset ${made.name} created`);
    router.push(`${base}/${made.id}${creating === "import" ? "?import=1" : ""}`);
  }
  const open = (kind: "new" | "import") => {
    setCreating(kind);
    if (kind === "import" && !name) setName("Imported dataset");
  };

  const newButtons = canEdit ? (
    <>
      <Button variant="secondary" icon={FileUp} onClick={() => open("import")}>
        Import a CSV
      </Button>
      <Button icon={Plus} onClick={() => open("new")}>
        New dataset
      </Button>
    </>
  ) : null;
  const empty = datasets.length === 0 && !nextCursor && !q;

  return (
    <>
      <PageHeader
        title="Datasets"
        description="Golden examples that every prompt version is evaluated against. Each save is a new version; eval runs record the version they used."
        actions={empty && !archived ? null : newButtons}
      />
      {!empty || archived ? (
        <form className="mb-4 flex flex-wrap items-end gap-3" role="search" action={base}>
          <div className="w-64 max-w-full">
            <TextField label="Search by name" name="q" type="search" defaultValue={q} />
          </div>
          {archived ? <input type="hidden" name="archived" value="true" /> : null}
          <Button variant="secondary" type="submit">
            Search
          </Button>
          <Link className={buttonClass("ghost")} href={archived ? base : `${base}?archived=true`}>
            <Icon icon={Archive} />
            {archived ? "Show live datasets" : "Show archived"}
          </Link>
        </form>
      ) : null}
      {empty && !archived ? (
        <EmptyState title="No datasets yet" action={<div className="flex gap-2">{newButtons}</div>}>
          A dataset is a table of example inputs for a prompt&apos;s variables, with the output you expect from each.
          Evaluations run a prompt version over every row and score the answers.{" "}
          {canEdit
            ? "Start with an empty table, or import a CSV or JSONL file you already have."
            : "Ask an editor of this project to create one."}
        </EmptyState>
      ) : (
        <Table
          aria-label="Datasets"
          columns={[
            { label: "Name", kind: "name" },
            { label: "Rows", kind: "badge" },
            { label: "Version", kind: "badge" },
            { label: "Updated", kind: "time" },
          ]}
          empty={archived ? "No archived datasets." : "No dataset matches that search."}
        >
          {datasets.map((d) => (
            <TableRow key={d.id}>
              <TableCell kind="name">
                <Link
                  href={`${base}/${d.id}`}
                  title={d.name}
                  className="flex max-w-full items-center gap-2 font-medium hover:underline"
                >
                  <Icon icon={Database} />
                  <span className="truncate">{d.name}</span>
                </Link>
                {d.description ? (
                  <p className="truncate text-xs text-muted" title={d.description}>
                    {d.description}
                  </p>
                ) : null}
              </TableCell>
              <TableCell kind="badge" className="tabular-nums">
                {d.rowCount.toLocaleString("en")}
              </TableCell>
              <TableCell kind="badge">{d.latestVersion === 0 ? "none yet" : `v${d.latestVersion}`}</TableCell>
              <TableCell kind="time">
                <Time value={d.updatedAt} />
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      {nextCursor ? (
        <div className="mt-4">
          <Link
            className={buttonClass("secondary")}
            href={`${base}?${new URLSearchParams({ cursor: nextCursor, ...(archived ? { archived: "true" } : {}), ...(q ? { q } : {}) })}`}
          >
            Older datasets
          </Link>
        </div>
      ) : null}
      <Dialog
        open={creating !== null}
        onOpenChange={(o) => !o && setCreating(null)}
        title={creating === "import" ? "Import a file as a new dataset" : "New dataset"}
        description={
          creating === "import"
            ? "Name the dataset; the next page reads your CSV or JSONL file and shows every problem before anything is saved."
            : "Name the dataset; you add rows on the next page."
        }
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={create.fields.name}
            autoFocus
          />
          <TextField
            label="Description"
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={create.fields.description}
            hint="Optional: what the rows cover and where they came from."
          />
          {create.error ? <Alert>{create.error}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" type="button" onClick={() => setCreating(null)}>
              Cancel
            </Button>
            <Button type="submit" busy={create.busy} icon={creating === "import" ? FileUp : Plus}>
              {creating === "import" ? "Create and import" : "Create dataset"}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
