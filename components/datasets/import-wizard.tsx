"use client";

import { FileUp, RefreshCw, Upload } from "lucide-react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { ImportProblem } from "@/lib/datasets/parse-dataset-file";
import type { ImportPreview } from "@/lib/datasets/preview-dataset-import";
import type { ColumnTarget } from "@/lib/validations/dataset";

import { cellText } from "./edit-rows";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  api: string;
  prompts: { id: string; name: string }[];
  hasRows: boolean;
  onImported: (version: number) => void;
};

type Step = "upload" | "map";

/**
 * Upload → preview (every problem by row) → mapping (each column to a variable, expected, a
 * metadata key or nothing; typed by a chosen prompt's contract) → import as one new version.
 * The server writes nothing while any problem is left.
 */
export function ImportWizard({ open, onOpenChange, api, prompts, hasRows, onImported }: Props) {
  const [step, setStep] = useState<Step>("upload");
  const [file, setFile] = useState<{ name: string; format: "csv" | "jsonl"; content: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, ColumnTarget>>({});
  const [promptId, setPromptId] = useState("");
  const [mode, setMode] = useState<"append" | "replace">("append");
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const check = useRequest();
  const commit = useRequest();

  const body = (extra: object = {}) => ({
    format: file!.format,
    content: file!.content,
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    ...(promptId ? { promptId } : {}),
    ...extra,
  });

  async function runPreview(withMapping: boolean) {
    const result = await check.run(() =>
      apiFetch<ImportPreview>(`${api}/import/preview`, {
        body: withMapping ? body() : { ...body(), mapping: undefined },
      }),
    );
    if (!result) return;
    setPreview(result);
    setMapping(result.mapping);
    setProblems(result.problems);
    setStep("map");
  }

  async function readFile(chosen: File | undefined) {
    if (!chosen) return;
    const format = /\.jsonl?$/i.test(chosen.name) ? "jsonl" : "csv";
    setFile({ name: chosen.name, format, content: await chosen.text() });
    setPreview(null);
    setMapping({});
  }

  async function runImport() {
    const done = await commit.run(async () => {
      try {
        return await apiFetch<{ number: number; rowCount: number; added: number }>(`${api}/import`, {
          body: body({ mode, message }),
        });
      } catch (error) {
        // A 422 carries every problem: show them by row, as the preview does.
        if (error instanceof ApiError && error.status === 422) await runPreview(true);
        throw error;
      }
    });
    if (!done) return;
    toast.success(`Imported ${done.added.toLocaleString("en")} rows as version ${done.number}`);
    onOpenChange(false);
    setStep("upload");
    setFile(null);
    setPreview(null);
    onImported(done.number);
  }

  const setTarget = (column: string, target: ColumnTarget) => setMapping({ ...mapping, [column]: target });
  const targetValue = (t: ColumnTarget | undefined) => (t ? t.to : "variable");

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Import rows from a file"
      description="CSV (first row names the columns) or JSONL (one JSON object per line). Nothing is saved until the whole file is valid."
    >
      {step === "upload" ? (
        <div className="space-y-4">
          <TextField
            label="File"
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,.json,text/csv,application/jsonl"
            onChange={(e) => void readFile(e.target.files?.[0])}
            hint={file ? `${file.name}: read as ${file.format.toUpperCase()}` : "Choose a .csv or .jsonl file."}
          />
          {file ? (
            <SelectField
              label="Format"
              value={file.format}
              onChange={(e) => setFile({ ...file, format: e.target.value as "csv" | "jsonl" })}
            >
              <option value="csv">CSV</option>
              <option value="jsonl">JSONL</option>
            </SelectField>
          ) : null}
          {check.error ? <Alert>{check.error}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button icon={Upload} disabled={!file} busy={check.busy} onClick={() => void runPreview(false)}>
              Preview
            </Button>
          </DialogActions>
        </div>
      ) : preview ? (
        <div className="space-y-4">
          <p className="text-muted">
            {preview.rowCount.toLocaleString("en")} rows, {preview.columns.length} columns in {file?.name}.
          </p>
          {problems.length > 0 ? (
            <div role="alert" className="max-h-40 overflow-y-auto rounded-md border border-danger/50 p-2 text-xs">
              <p className="mb-1 font-medium text-danger">
                {problems.length === 1 ? "1 problem" : `${problems.length.toLocaleString("en")} problems`}: fix the file
                or the mapping, then check again.
              </p>
              <ul className="space-y-0.5">
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.row === null ? "File" : `Row ${p.row}`}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <Alert tone="success">No problems found.</Alert>
          )}
          <SelectField
            label="Type values by a prompt's variables"
            value={promptId}
            onChange={(e) => setPromptId(e.target.value)}
            hint="With a prompt, numbers, true/false and JSON cells become typed values; without one every value is text."
          >
            <option value="">No prompt: keep text</option>
            {prompts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Columns</legend>
            {preview.columns.map((column) => {
              const target = mapping[column];
              return (
                <div key={column} className="grid grid-cols-[1fr_8rem_1fr] items-center gap-2">
                  <span className="truncate font-mono text-xs" title={column}>
                    {column}
                  </span>
                  <select
                    aria-label={`${column} goes to`}
                    className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
                    value={targetValue(target)}
                    onChange={(e) => {
                      const to = e.target.value;
                      setTarget(
                        column,
                        to === "variable"
                          ? { to, name: column }
                          : to === "metadata"
                            ? { to, key: column.replace(/^metadata\./, "") }
                            : ({ to } as ColumnTarget),
                      );
                    }}
                  >
                    <option value="variable">variable</option>
                    <option value="expected">expected</option>
                    <option value="metadata">metadata</option>
                    <option value="ignore">ignore</option>
                  </select>
                  {target?.to === "variable" || target?.to === "metadata" ? (
                    <input
                      aria-label={target.to === "variable" ? `Variable for ${column}` : `Metadata key for ${column}`}
                      className="rounded-md border border-line bg-surface px-2 py-1 font-mono text-xs"
                      list={target.to === "variable" ? "import-variables" : undefined}
                      value={target.to === "variable" ? target.name : target.key}
                      onChange={(e) =>
                        setTarget(
                          column,
                          target.to === "variable"
                            ? { to: "variable", name: e.target.value }
                            : { to: "metadata", key: e.target.value },
                        )
                      }
                    />
                  ) : (
                    <span />
                  )}
                </div>
              );
            })}
            <datalist id="import-variables">
              {preview.variables.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.type}
                </option>
              ))}
            </datalist>
          </fieldset>
          {preview.rows.length > 0 ? (
            <div className="max-h-40 overflow-auto rounded-md border border-line text-xs">
              <table className="w-full">
                <caption className="sr-only">The first rows as they will be saved</caption>
                <thead className="text-muted">
                  <tr>
                    <th className="px-2 py-1 text-left">values</th>
                    <th className="px-2 py-1 text-left">expected</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r, i) => (
                    <tr key={i} className="border-t border-line">
                      <td className="max-w-[16rem] truncate px-2 py-1 font-mono">{cellText(r.values)}</td>
                      <td className="max-w-[10rem] truncate px-2 py-1">{r.expected ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {hasRows ? (
            <SelectField
              label="Existing rows"
              value={mode}
              onChange={(e) => setMode(e.target.value as "append" | "replace")}
            >
              <option value="append">Keep them, add the file&apos;s rows after them</option>
              <option value="replace">Replace them with the file&apos;s rows</option>
            </SelectField>
          ) : null}
          <TextField
            label="Version message"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={commit.fields.message}
            hint="Optional: says where the rows came from."
          />
          {commit.error ? <Alert>{commit.error}</Alert> : null}
          {check.error ? <Alert>{check.error}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" onClick={() => setStep("upload")}>
              Back
            </Button>
            <Button variant="secondary" icon={RefreshCw} busy={check.busy} onClick={() => void runPreview(true)}>
              Check again
            </Button>
            <Button icon={FileUp} busy={commit.busy} disabled={problems.length > 0} onClick={() => void runImport()}>
              Import {preview.rowCount.toLocaleString("en")} rows
            </Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
