"use client";

import { ShieldCheck, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { GateView } from "@/lib/gates/get-gate";
import type { GateChoices } from "@/lib/gates/list-gate-choices";

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * One environment's "Evaluation gate": what a version needs (a passing eval run over a dataset with
 * chosen evaluators, a minimum pass rate, at most so much regression against what runs now) before
 * it may enter the environment. Rates are typed in percent and sent as shares.
 */
export function EnvironmentGate({
  projectSlug,
  environment,
  gate,
  choices,
}: {
  projectSlug: string;
  environment: { slug: string; name: string };
  gate: GateView | null;
  choices: GateChoices;
}) {
  const router = useRouter();
  const save = useRequest();
  const remove = useRequest();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [unlimited, setUnlimited] = useState(gate ? gate.maxRegression === null : true);
  const [percentErrors, setPercentErrors] = useState<Record<string, string>>({});
  const { formProps, markSaved } = useFormChanges();
  const url = `/api/projects/${projectSlug}/environments/${environment.slug}/gate`;
  const id = `gate-${environment.slug}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minimum = Number(form.get("minPassRate"));
    const regression = Number(form.get("maxRegression"));
    // The form asks in percent; say so here rather than let the server name a share the user never typed.
    const errors: Record<string, string> = {};
    if (String(form.get("minPassRate")).trim() === "" || !(minimum >= 0 && minimum <= 100))
      errors.minPassRate = "Give a minimum pass rate from 0 to 100%.";
    if (!unlimited && (String(form.get("maxRegression")).trim() === "" || !(regression >= 0 && regression <= 100)))
      errors.maxRegression = "Give a maximum regression from 0 to 100 points, or choose no limit.";
    setPercentErrors(errors);
    if (Object.keys(errors).length) return;
    const saved = await save.run(() =>
      apiFetch(url, {
        method: "PUT",
        body: {
          datasetId: form.get("datasetId"),
          evaluatorIds: form.getAll("evaluatorIds"),
          minPassRate: minimum / 100,
          maxRegression: unlimited ? null : regression / 100,
        },
      }),
    );
    if (!saved) return;
    markSaved();
    toast.success(`${environment.name}'s evaluation gate saved.`);
    setEditing(false);
    router.refresh();
  }

  async function removeGate() {
    if (!(await remove.run(() => apiFetch(url, { method: "DELETE" })))) return;
    setConfirming(false);
    toast.success(`${environment.name} no longer has an evaluation gate.`);
    router.refresh();
  }

  const fieldError = (name: string) => percentErrors[name] ?? save.fields[name];
  const summary = gate ? (
    <p className="text-sm" data-testid={`${id}-summary`}>
      A version needs a passing run over <strong>{gate.dataset?.name ?? "a deleted dataset"}</strong>
      {gate.dataset ? ` (its latest version, v${gate.dataset.latestVersion})` : ""} scored by{" "}
      {gate.evaluators.map((e) => e.name ?? "a deleted evaluator").join(", ")}: at least {pct(gate.minPassRate)}% of
      rows pass
      {gate.maxRegression === null
        ? ", with no limit on regression."
        : `, and at most ${pct(gate.maxRegression)} points below the version ${environment.name} runs now.`}
    </p>
  ) : (
    <p className="text-sm text-muted">
      No gate: any version can go to {environment.name} by the usual route. Add one to require a passing evaluation
      first.
    </p>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="w-full space-y-2 rounded-md border border-line p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-heading`} className="text-sm font-semibold">
          Evaluation gate
        </h3>
        <span className="flex-1" />
        {!editing ? (
          <Button variant="secondary" icon={ShieldCheck} onClick={() => setEditing(true)}>
            {gate ? "Change gate" : "Add a gate"}
          </Button>
        ) : null}
        {gate && !editing ? (
          <Button variant="ghost" icon={Trash2} onClick={() => setConfirming(true)}>
            Remove gate
          </Button>
        ) : null}
      </div>
      {summary}
      {editing && (!choices.datasets.length || !choices.evaluators.length) ? (
        <Alert tone="info">
          A gate needs a dataset with rows and at least one evaluator.{" "}
          <Link className="text-accent underline underline-offset-2" href={`/p/${projectSlug}/datasets`}>
            Create them on the Datasets page
          </Link>
          , then come back.
        </Alert>
      ) : null}
      {editing && choices.datasets.length && choices.evaluators.length ? (
        <form
          {...formProps}
          onSubmit={submit}
          noValidate
          className="space-y-3"
          aria-label={`Evaluation gate for ${environment.name}`}
        >
          <SelectField
            label="Dataset"
            name="datasetId"
            defaultValue={gate?.dataset?.id ?? choices.datasets[0]!.id}
            error={save.fields.datasetId}
            hint="Runs must use its latest version: editing the dataset asks for a new run."
          >
            {choices.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} (v{d.latestVersion})
              </option>
            ))}
          </SelectField>
          <fieldset
            className="space-y-1"
            aria-describedby={save.fields.evaluatorIds ? `${id}-evaluators-error` : undefined}
          >
            <legend className="text-sm font-medium">Evaluators (every one must pass a row)</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {choices.evaluators.map((e) => (
                <label key={e.id} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    name="evaluatorIds"
                    value={e.id}
                    defaultChecked={gate ? gate.evaluators.some((g) => g.id === e.id) : false}
                  />
                  {e.name} <span className="text-xs text-muted">{e.kind}</span>
                </label>
              ))}
            </div>
            {save.fields.evaluatorIds ? (
              <p id={`${id}-evaluators-error`} role="alert" className="text-xs text-danger">
                {save.fields.evaluatorIds}
              </p>
            ) : null}
          </fieldset>
          <div className="grid max-w-md grid-cols-2 gap-3">
            <TextField
              label="Minimum pass rate (%)"
              name="minPassRate"
              type="number"
              min={0}
              max={100}
              step="any"
              defaultValue={gate ? pct(gate.minPassRate) : 90}
              error={fieldError("minPassRate")}
            />
            <TextField
              label="Maximum regression (points)"
              name="maxRegression"
              type="number"
              min={0}
              max={100}
              step="any"
              disabled={unlimited}
              defaultValue={gate?.maxRegression != null ? pct(gate.maxRegression) : 5}
              error={fieldError("maxRegression")}
              hint={`How far the pass rate may fall below the version ${environment.name} runs now.`}
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} /> No limit on
            regression
          </label>
          {save.error ? <Alert>{save.error}</Alert> : null}
          <div className="flex gap-2">
            <Button type="submit" busy={save.busy} icon={ShieldCheck}>
              Save gate
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove ${environment.name}'s evaluation gate?`}
        cancelLabel="Keep the gate"
        confirmLabel="Remove gate"
        icon={Trash2}
        busy={remove.busy}
        error={remove.error}
        onConfirm={removeGate}
      >
        <p>Versions will reach {environment.name} without a passing evaluation.</p>
      </ConfirmDialog>
    </section>
  );
}
