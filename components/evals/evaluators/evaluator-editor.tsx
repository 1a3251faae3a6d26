"use client";

import { Save } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { EvaluatorView } from "@/lib/evaluators/evaluator-view";
import type { EvaluatorKindInfo } from "@/lib/evaluators/list-evaluator-kinds";

import { configFields, toConfig, toFormValues } from "./config-fields";
import { ConfigForm } from "./config-form";
import { TryBox } from "./try-box";

const groupLabel = { deterministic: "Checks on the text", llm: "LLM judge", http: "Your own endpoint" } as const;

/**
 * Create or edit one evaluator: name, kind, the kind's settings (a form generated from its JSON
 * Schema), negate and weight, with "Try it" beside. What was typed stays after an error; each
 * problem shows under its field.
 */
export function EvaluatorEditor(props: {
  projectSlug: string;
  kinds: EvaluatorKindInfo[];
  providers: { id: string; name: string }[];
  evaluator: EvaluatorView | null;
  canEdit: boolean;
  /** Trying calls out (a judge, an endpoint) like a run does: eval.run. */
  canTry: boolean;
  onSaved: (saved: EvaluatorView & { secret?: string }) => void;
  onCancel: () => void;
}) {
  const { kinds, evaluator } = props;
  const [name, setName] = useState(evaluator?.name ?? "");
  const [kind, setKind] = useState(evaluator?.kind ?? kinds[0]!.kind);
  const [negate, setNegate] = useState(evaluator?.negate ?? false);
  const [weight, setWeight] = useState(String(evaluator?.weight ?? 1));
  const info = kinds.find((k) => k.kind === kind) ?? kinds[0]!;
  // Settings typed per kind, so switching kinds and back keeps what was typed.
  const [valuesByKind, setValuesByKind] = useState<Record<string, Record<string, string>>>(() =>
    evaluator ? { [evaluator.kind]: toFormValues(info.configSchema, evaluator.config) } : {},
  );
  const values = valuesByKind[kind] ?? toFormValues(info.configSchema, null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useRequest();
  const fields = useMemo(() => configFields(info.configSchema), [info]);
  const errors = { ...save.fields, ...localErrors };

  const read = () => {
    const { config, problems } = toConfig(info.configSchema, values);
    const w = Number(weight);
    if (weight.trim() === "" || !Number.isFinite(w)) problems.weight = "Enter a weight, e.g. 1.";
    return { evaluator: { kind, config, negate, weight: w }, problems };
  };
  const current = read();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { evaluator: body, problems } = read();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const saved = await save.run(() =>
      apiFetch<EvaluatorView & { secret?: string }>(
        `/api/projects/${props.projectSlug}/evaluators${evaluator ? `/${evaluator.id}` : ""}`,
        { method: evaluator ? "PATCH" : "POST", body: { name, ...body } },
      ),
    );
    if (saved) props.onSaved(saved);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <form
        onSubmit={submit}
        className="space-y-4"
        noValidate
        aria-label={evaluator ? `Edit ${evaluator.name}` : "New evaluator"}
      >
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          hint="Runs, gates and the CI API pick evaluators by this name."
          disabled={!props.canEdit}
        />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setLocalErrors({});
          }}
          error={errors.kind}
          hint={info.description}
          disabled={!props.canEdit}
        >
          {(["deterministic", "llm", "http"] as const).map((group) => (
            <optgroup key={group} label={groupLabel[group]}>
              {kinds
                .filter((k) => k.group === group)
                .map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <fieldset className="space-y-3 rounded-lg border border-line p-4" disabled={!props.canEdit}>
          <legend className="px-1 text-sm font-medium">Settings</legend>
          {fields.length === 0 ? <p className="text-sm text-muted">This kind has no settings.</p> : null}
          <ConfigForm
            fields={fields}
            values={values}
            onChange={(field, value) => setValuesByKind({ ...valuesByKind, [kind]: { ...values, [field]: value } })}
            errors={errors}
            providers={props.providers}
          />
          {errors.config ? <Alert>{errors.config}</Alert> : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Weight"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            max={100}
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
            error={errors.weight}
            hint="How much its score counts in a row's mean score (pass needs every evaluator)."
            disabled={!props.canEdit}
          />
          <label className="flex items-start gap-2 pt-6 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={negate}
              onChange={(e) => setNegate(e.target.checked)}
              disabled={!props.canEdit}
            />
            <span>
              <span className="font-medium">Negate</span>
              <span className="block text-xs text-muted">Pass when the check fails (score becomes 1 − score).</span>
            </span>
          </label>
        </div>
        {save.error ? <Alert>{save.error}</Alert> : null}
        <div className="flex gap-2">
          {props.canEdit ? (
            <Button type="submit" icon={Save} busy={save.busy}>
              {evaluator ? "Save changes" : "Create evaluator"}
            </Button>
          ) : null}
          <Button type="button" variant="ghost" onClick={props.onCancel}>
            {props.canEdit ? "Cancel" : "Back"}
          </Button>
        </div>
      </form>
      {props.canTry ? (
        <TryBox
          projectSlug={props.projectSlug}
          evaluator={Object.keys(current.problems).length === 0 ? current.evaluator : null}
          onFieldErrors={setLocalErrors}
        />
      ) : null}
    </div>
  );
}
