"use client";

import { useEffect, useRef, useState } from "react";
import type { z } from "zod";

import { modelConfigSchema, type ModelConfig } from "@/lib/validations/prompt";

const input = "block w-full rounded border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger";

/** Model settings stored with the version. Invalid values are shown in place and never saved. */
export function ModelSettingsPanel({
  config,
  onChange,
  readOnly,
}: {
  config: ModelConfig;
  onChange: (c: ModelConfig) => void;
  readOnly?: boolean;
}) {
  const problems = modelConfigSchema.safeParse(config);
  const errorFor = (key: string) =>
    problems.success ? undefined : problems.error.issues.find((i) => i.path[0] === key)?.message;
  const set = (patch: Partial<ModelConfig>) => {
    const next = { ...config, ...patch };
    for (const k of Object.keys(next) as Array<keyof ModelConfig>) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const num = (raw: string) => (raw.trim() === "" ? undefined : Number(raw));

  return (
    <div className="space-y-3">
      <Field label="Model" error={errorFor("model")}>
        <input
          className={input}
          value={config.model ?? ""}
          disabled={readOnly}
          placeholder="gpt-4o-mini"
          onChange={(e) => set({ model: e.target.value || undefined })}
        />
      </Field>
      <div className="grid grid-cols-3 gap-2">
        <Field label="Temperature" error={errorFor("temperature")}>
          <input
            className={input}
            type="number"
            step="0.1"
            min={0}
            max={2}
            aria-invalid={Boolean(errorFor("temperature"))}
            value={config.temperature ?? ""}
            disabled={readOnly}
            onChange={(e) => set({ temperature: num(e.target.value) })}
          />
        </Field>
        <Field label="Max tokens" error={errorFor("maxTokens")}>
          <input
            className={input}
            type="number"
            min={1}
            aria-invalid={Boolean(errorFor("maxTokens"))}
            value={config.maxTokens ?? ""}
            disabled={readOnly}
            onChange={(e) => set({ maxTokens: num(e.target.value) })}
          />
        </Field>
        <Field label="top_p" error={errorFor("topP")}>
          <input
            className={input}
            type="number"
            step="0.05"
            min={0}
            max={1}
            aria-invalid={Boolean(errorFor("topP"))}
            value={config.topP ?? ""}
            disabled={readOnly}
            onChange={(e) => set({ topP: num(e.target.value) })}
          />
        </Field>
      </div>
      <Field label="Stop sequences (comma-separated)" error={errorFor("stop")}>
        <input
          className={input}
          value={(config.stop ?? []).join(", ")}
          disabled={readOnly}
          onChange={(e) =>
            set({
              stop: e.target.value
                ? e.target.value
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean)
                : undefined,
            })
          }
        />
      </Field>
      <ResponseFormat config={config} set={set} readOnly={readOnly} error={errorFor("responseFormat")} />
      <JsonSetting
        label="Tools (JSON list of functions)"
        value={config.tools}
        readOnly={readOnly}
        error={errorFor("tools")}
        placeholder='[{ "type": "function", "function": { "name": "lookup_order", "parameters": { "type": "object", "properties": {} } } }]'
        schema={modelConfigSchema.shape.tools}
        onValue={(tools) => set({ tools })}
      />
    </div>
  );
}

function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="block space-y-0.5 text-xs text-muted">
      {label}
      {children}
      {error ? (
        <span role="alert" className="block text-danger">
          {error}
        </span>
      ) : null}
    </label>
  );
}

function ResponseFormat({
  config,
  set,
  readOnly,
  error,
}: {
  config: ModelConfig;
  set: (p: Partial<ModelConfig>) => void;
  readOnly?: boolean;
  error?: string;
}) {
  const format = config.responseFormat;
  return (
    <div className="space-y-2">
      <Field label="Response format" error={error}>
        <select
          className={input}
          value={format?.type ?? "text"}
          disabled={readOnly}
          onChange={(e) =>
            set({
              responseFormat:
                e.target.value === "json_schema"
                  ? {
                      type: "json_schema",
                      name: "response",
                      schema: { type: "object", properties: {}, additionalProperties: false },
                    }
                  : e.target.value === "json_object"
                    ? { type: "json_object" }
                    : undefined,
            })
          }
        >
          <option value="text">Text</option>
          <option value="json_object">JSON object</option>
          <option value="json_schema">JSON schema</option>
        </select>
      </Field>
      {format?.type === "json_schema" ? (
        <JsonSetting
          label="JSON schema"
          value={format.schema}
          schema={jsonSchemaObject}
          readOnly={readOnly}
          onValue={(schema) => set({ responseFormat: { ...format, schema: schema ?? {} } })}
          validateSchema
        />
      ) : null}
    </div>
  );
}

// The response format's JSON schema, as the content schema types it.
const jsonSchemaObject = modelConfigSchema.shape.responseFormat.unwrap().options[2].shape.schema.optional();

const show = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

/**
 * A JSON textarea that keeps the text while it is invalid and reports where it is wrong; only a
 * value its schema accepts reaches the settings (so what is saved is always what the box shows, or an error beside it).
 */
function JsonSetting<T>(props: {
  label: string;
  value: T | undefined;
  schema: z.ZodType<T | undefined>;
  onValue: (v: T | undefined) => void;
  readOnly?: boolean;
  error?: string;
  placeholder?: string;
  validateSchema?: boolean;
}) {
  const [text, setText] = useState(show(props.value));
  const [problem, setProblem] = useState<string>();
  // The settings are shared: when someone else changes this one, the box shows their value
  // (what this person is typing is kept while it is theirs: the value then has not moved).
  const shown = useRef(JSON.stringify(props.value));
  useEffect(() => {
    const current = JSON.stringify(props.value);
    if (current === shown.current) return;
    shown.current = current;
    setText(show(props.value));
    setProblem(undefined);
  }, [props.value]);
  return (
    <Field label={props.label} error={problem ?? props.error}>
      <textarea
        className={`${input} h-28 font-mono text-xs`}
        value={text}
        placeholder={props.placeholder}
        disabled={props.readOnly}
        aria-invalid={Boolean(problem)}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setProblem(undefined);
            shown.current = JSON.stringify(undefined);
            props.onValue(undefined);
            return;
          }
          try {
            const value: unknown = JSON.parse(e.target.value);
            const schemaProblem = props.validateSchema ? checkJsonSchema(value) : null;
            const parsed = props.schema.safeParse(value);
            const shapeProblem = parsed.success
              ? null
              : parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))[0]!;
            setProblem(schemaProblem ?? shapeProblem ?? undefined);
            if (!schemaProblem && parsed.success) {
              shown.current = JSON.stringify(parsed.data);
              props.onValue(parsed.data);
            }
          } catch (error) {
            setProblem(`Not valid JSON: ${(error as Error).message}`);
          }
        }}
      />
    </Field>
  );
}

const schemaTypes = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

/** A light structural check of a JSON Schema: enough to catch the mistakes people make by hand. */
function checkJsonSchema(value: unknown, path = "schema"): string | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return `${path} must be an object`;
  const s = value as Record<string, unknown>;
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  for (const t of types)
    if (typeof t !== "string" || !schemaTypes.has(t))
      return `${path}.type: ${JSON.stringify(t)} is not a JSON Schema type`;
  if (s.properties !== undefined) {
    if (!s.properties || typeof s.properties !== "object" || Array.isArray(s.properties))
      return `${path}.properties must be an object`;
    for (const [k, v] of Object.entries(s.properties)) {
      const inner = checkJsonSchema(v, `${path}.properties.${k}`);
      if (inner) return inner;
    }
  }
  if (s.required !== undefined && (!Array.isArray(s.required) || !s.required.every((r) => typeof r === "string")))
    return `${path}.required must be a list of property names`;
  if (s.items !== undefined) return checkJsonSchema(s.items, `${path}.items`);
  return null;
}
