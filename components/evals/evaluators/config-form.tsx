"use client";

import { useId } from "react";

import { SelectField, TextField } from "@/components/ui/field";

import type { ConfigField } from "./config-fields";

const area =
  "w-full rounded-md border border-line bg-surface px-3 py-1.5 font-mono text-sm text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-danger";

/** A textarea with its label and its error (or hint) under it, as TextField does for inputs. */
export function TextAreaField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error || props.hint ? `${id}-note` : undefined}
        className={area}
      />
      {props.error ? (
        <p id={`${id}-note`} role="alert" className="text-xs text-danger">
          {props.error}
        </p>
      ) : props.hint ? (
        <p id={`${id}-note`} className="text-xs text-muted">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** One input per field of the kind's settings; errors come keyed by `${prefix}<field>` (config.pattern). */
export function ConfigForm(props: {
  fields: ConfigField[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string>;
  providers: { id: string; name: string }[];
}) {
  const { fields, values, onChange, errors } = props;
  return (
    <div className="space-y-3">
      {fields.map((f) => {
        const error = errors[`config.${f.name}`];
        const label = f.required ? f.label : `${f.label} (optional)`;
        const value = values[f.name] ?? "";
        switch (f.control) {
          case "checkbox":
            return (
              <label key={f.name} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={value === "true"}
                  onChange={(e) => onChange(f.name, String(e.target.checked))}
                />
                <span>
                  <span className="font-medium">{f.label}</span>
                  {f.hint ? <span className="block text-xs text-muted">{f.hint}</span> : null}
                  {error ? <span className="block text-xs text-danger">{error}</span> : null}
                </span>
              </label>
            );
          case "select":
          case "provider":
            return (
              <SelectField
                key={f.name}
                label={f.label}
                value={value}
                onChange={(e) => onChange(f.name, e.target.value)}
                error={error}
                hint={
                  f.control === "provider" && props.providers.length === 0
                    ? "Add a provider in Settings → Providers first."
                    : f.hint
                }
              >
                {f.control === "provider" ? <option value="">Choose a provider</option> : null}
                {(f.control === "provider"
                  ? props.providers.map((p) => [p.id, p.name])
                  : f.options!.map((o) => [o, o])
                ).map(([v, text]) => (
                  <option key={v} value={v}>
                    {text}
                  </option>
                ))}
              </SelectField>
            );
          case "number":
            return (
              <TextField
                key={f.name}
                label={label}
                type="number"
                inputMode={f.integer ? "numeric" : "decimal"}
                step={f.integer ? 1 : "any"}
                min={f.min}
                max={f.max}
                value={value}
                onChange={(e) => onChange(f.name, e.target.value)}
                error={error}
                hint={f.hint}
              />
            );
          case "text":
            return (
              <TextField
                key={f.name}
                label={label}
                value={value}
                onChange={(e) => onChange(f.name, e.target.value)}
                error={error}
                hint={f.hint}
              />
            );
          default:
            return (
              <TextAreaField
                key={f.name}
                label={
                  f.control === "lines" ? `${label}, one per line` : f.control === "json" ? `${label}, as JSON` : label
                }
                value={value}
                onChange={(v) => onChange(f.name, v)}
                error={error}
                hint={f.hint}
                rows={f.control === "textarea" ? 6 : 4}
              />
            );
        }
      })}
    </div>
  );
}
