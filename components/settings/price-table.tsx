"use client";

import { RotateCcw } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { PriceRow } from "@/lib/providers/model-prices";

const money = (n: number) => `$${n.toFixed(n < 1 ? 3 : 2)}`;
const input = "w-24 rounded border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger";

/** Prices per million tokens that the playground uses for cost; models not listed cost "unknown". */
export function PriceTable({ projectSlug, initial }: { projectSlug: string; initial: PriceRow[] }) {
  const [rows, setRows] = useState(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const endpoint = `/api/projects/${projectSlug}/prices`;
  const { formProps, markSaved } = useFormChanges();

  async function put(body: Record<string, unknown>) {
    setFields({});
    setError(undefined);
    try {
      setRows((await apiFetch<{ prices: PriceRow[] }>(endpoint, { method: "PUT", body })).prices);
      return true;
    } catch (e) {
      const apiError = e as ApiError;
      setFields(apiError.fields);
      if (!Object.keys(apiError.fields).length) setError(apiError.message);
      return false;
    }
  }

  // Reversible, so it is done at once and offered back rather than asked about.
  async function reset(row: PriceRow) {
    if (!(await put({ model: row.model, reset: true }))) return;
    toast.success(`The project's price for ${row.model} was removed.`, {
      action: {
        label: "Undo",
        onClick: () =>
          void put({ model: row.model, input: row.input, output: row.output }).then(
            (done) => done && toast.success(`Price for ${row.model} restored.`),
          ),
      },
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const num = (k: string) => (String(form.get(k) ?? "").trim() === "" ? undefined : Number(form.get(k)));
    const model = String(form.get("model") ?? "");
    if (await put({ model, input: num("input"), output: num("output") })) {
      toast.success(`Price set for ${model.trim()}.`);
      formElement.reset();
      markSaved();
    }
  }

  return (
    <section aria-labelledby="prices-heading" className="space-y-3">
      <h2 id="prices-heading" className="text-base font-semibold">
        Model prices
      </h2>
      <p className="text-muted">
        USD per million tokens, used for the cost of playground runs. A model not listed here shows its cost as
        “unknown”.
      </p>
      <Table
        columns={["Model", "Input", "Output", { label: "Actions", kind: "actions", hidden: true }]}
        data-testid="price-table"
      >
        {rows.map((r) => (
          <TableRow key={r.model}>
            <TableCell className="py-1.5 font-mono text-[13px]">
              {r.model} {r.custom ? <span className="text-xs text-muted">(this project)</span> : null}
            </TableCell>
            <TableCell className="py-1.5">{money(r.input)}</TableCell>
            <TableCell className="py-1.5">{money(r.output)}</TableCell>
            <TableCell kind="actions" className="py-1.5">
              {r.custom ? (
                <Button variant="ghost" icon={RotateCcw} onClick={() => reset(r)}>
                  Reset
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </Table>
      <form
        {...formProps}
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-2"
        noValidate
        aria-label="Set a model price"
      >
        <label className="space-y-0.5 text-xs text-muted">
          Model
          <input
            name="model"
            aria-invalid={Boolean(fields.model)}
            placeholder="llama3.1:8b"
            className="block w-48 rounded border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger"
          />
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Input $/M
          <input
            name="input"
            type="number"
            min={0}
            step="0.01"
            aria-invalid={Boolean(fields.input)}
            className={`block ${input}`}
          />
        </label>
        <label className="space-y-0.5 text-xs text-muted">
          Output $/M
          <input
            name="output"
            type="number"
            min={0}
            step="0.01"
            aria-invalid={Boolean(fields.output)}
            className={`block ${input}`}
          />
        </label>
        <Button type="submit" variant="secondary">
          Set price
        </Button>
      </form>
      {Object.keys(fields).length ? (
        <Alert>
          {Object.entries(fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join(" ")}
        </Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </section>
  );
}
