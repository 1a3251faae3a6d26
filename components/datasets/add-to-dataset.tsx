"use client";

import { DatabaseZap, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { DatasetView } from "@/lib/datasets/dataset-view";

type Props = {
  /** `/api/projects/<slug>`. */
  projectApi: string;
  /** The row's variable values (from a run or a test case), or how to read them when the dialog opens; editable there. */
  values: Record<string, unknown> | (() => Record<string, unknown> | null);
  /** The expected output to start from (a run's answer); editable. */
  expected?: string;
  /** Where the row came from, kept as its metadata. */
  metadata?: Record<string, unknown>;
  label?: string;
};

const NEW = "__new__";

/**
 * "Add to dataset" from a playground run, a saved test case or a run-history entry: pick a dataset
 * (or name a new one), check the values and the expected output, and the row is appended as the
 * dataset's next version.
 */
export function AddToDataset({ projectApi, values, expected, metadata, label = "Add to dataset" }: Props) {
  const [open, setOpen] = useState(false);
  const [datasets, setDatasets] = useState<DatasetView[] | null>(null);
  const [target, setTarget] = useState("");
  const [newName, setNewName] = useState("");
  const [valuesText, setValuesText] = useState("{}");
  const [expectedText, setExpectedText] = useState("");
  const [valuesError, setValuesError] = useState<string>();
  const list = useRequest();
  const add = useRequest();

  async function start() {
    const current = typeof values === "function" ? values() : values;
    if (!current) return;
    setValuesText(JSON.stringify(current, null, 2));
    setExpectedText(expected ?? "");
    setValuesError(undefined);
    setOpen(true);
    const found = await list.run(() => apiFetch<{ datasets: DatasetView[] }>(`${projectApi}/datasets`));
    if (!found) return;
    setDatasets(found.datasets);
    setTarget(found.datasets[0]?.id ?? NEW);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(valuesText);
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return setValuesError('Values are a JSON object, e.g. {"question": "Where is my refund?"}.');
    setValuesError(undefined);
    const done = await add.run(async () => {
      const dataset =
        target === NEW
          ? await apiFetch<DatasetView>(`${projectApi}/datasets`, { body: { name: newName, description: "" } })
          : datasets!.find((d) => d.id === target)!;
      const saved = await apiFetch<{ number: number }>(`${projectApi}/datasets/${dataset.id}/rows`, {
        body: {
          rows: [{ values: parsed, expected: expectedText === "" ? null : expectedText, metadata: metadata ?? null }],
        },
      });
      return { name: dataset.name, number: saved.number };
    });
    if (!done) return;
    toast.success(`Added to ${done.name} (version ${done.number})`);
    setOpen(false);
  }

  // Problems the server names that have no field here (e.g. a row over the size limit).
  const otherIssues = Object.entries(add.fields)
    .filter(([path]) => path !== "name" && path !== "rows.0.values")
    .map(([, message]) => message)
    .join(" ");

  return (
    <>
      <Button variant="ghost" icon={DatabaseZap} onClick={() => void start()}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Add to dataset"
        description="The row is added after the dataset's current rows, as its next version."
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          {list.error ? <Alert>{list.error}</Alert> : null}
          <SelectField
            label="Dataset"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            disabled={datasets === null}
          >
            {datasets === null ? <option value="">Loading…</option> : null}
            {datasets?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.rowCount.toLocaleString("en")} rows)
              </option>
            ))}
            <option value={NEW}>New dataset…</option>
          </SelectField>
          {target === NEW ? (
            <TextField
              label="New dataset's name"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              error={add.fields.name}
            />
          ) : null}
          <label className="block space-y-1">
            <span className="block text-sm font-medium">Values (JSON)</span>
            <textarea
              className="h-32 w-full rounded-md border border-line bg-surface px-3 py-1.5 font-mono text-xs text-ink aria-[invalid=true]:border-danger"
              value={valuesText}
              aria-invalid={valuesError || add.fields["rows.0.values"] ? true : undefined}
              onChange={(e) => setValuesText(e.target.value)}
            />
            {valuesError || add.fields["rows.0.values"] ? (
              <span role="alert" className="block text-xs text-danger">
                {valuesError ?? add.fields["rows.0.values"]}
              </span>
            ) : null}
          </label>
          <label className="block space-y-1">
            <span className="block text-sm font-medium">Expected output</span>
            <textarea
              className="h-24 w-full rounded-md border border-line bg-surface px-3 py-1.5 text-sm text-ink"
              value={expectedText}
              onChange={(e) => setExpectedText(e.target.value)}
              placeholder="Leave empty if there is no single right answer"
            />
          </label>
          {add.error || otherIssues ? <Alert>{add.error ?? otherIssues}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" icon={Plus} busy={add.busy} disabled={datasets === null}>
              Add row
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
