"use client";

import type { VariableSpec } from "@/lib/templates/contract";

export type RawValues = Record<string, string>;

const input = "block w-full rounded border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger";

/** One typed input per variable of the contract; values are kept as typed text and parsed by `parseValues`. */
export function VariablesForm({ variables, raw, onChange, errors }: { variables: VariableSpec[]; raw: RawValues; onChange: (raw: RawValues) => void; errors: Record<string, string> }) {
  if (!variables.length) return <p className="text-xs text-muted">This prompt takes no variables.</p>;
  const set = (name: string, value: string) => onChange({ ...raw, [name]: value });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {variables.map((v) => {
        const value = raw[v.name] ?? "";
        const error = errors[`values.${v.name}`];
        const label = `${v.name}${v.required && v.default === undefined ? " *" : ""}`;
        const common = { "aria-label": `Value of ${v.name}`, "aria-invalid": Boolean(error) };
        return (
          <label key={v.name} className={`block space-y-0.5 text-xs text-muted ${v.type === "json" || v.type === "messages" ? "sm:col-span-2" : ""}`}>
            <span className="font-mono text-ink">{label}</span> <span>{v.type}</span>
            {v.type === "boolean" ? (
              <select {...common} className={input} value={value} onChange={(e) => set(v.name, e.target.value)}>
                <option value="">{v.default !== undefined ? `default (${String(v.default)})` : "—"}</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : v.type === "enum" ? (
              <select {...common} className={input} value={value} onChange={(e) => set(v.name, e.target.value)}>
                <option value="">{v.default !== undefined ? `default (${String(v.default)})` : "—"}</option>
                {(v.values ?? []).map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            ) : v.type === "json" || v.type === "messages" ? (
              <textarea
                {...common}
                className={`${input} h-20 font-mono text-xs`}
                value={value}
                placeholder={v.type === "messages" ? '[{ "role": "user", "content": "Hi" }, { "role": "assistant", "content": "Hello!" }]' : v.example !== undefined ? JSON.stringify(v.example) : "JSON value"}
                onChange={(e) => set(v.name, e.target.value)}
              />
            ) : (
              <input {...common} className={input} type={v.type === "number" ? "number" : "text"} value={value} placeholder={v.example !== undefined ? String(v.example) : v.default !== undefined ? `default: ${String(v.default)}` : ""} onChange={(e) => set(v.name, e.target.value)} />
            )}
            {error ? <span role="alert" className="block text-danger">{error}</span> : v.description ? <span className="block">{v.description}</span> : null}
          </label>
        );
      })}
    </div>
  );
}

/** Typed values from the form's text; unparseable JSON is reported per variable instead of sent. */
export function parseValues(variables: VariableSpec[], raw: RawValues): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const v of variables) {
    const text = raw[v.name];
    if (text === undefined || text === "") continue;
    if (v.type === "number") values[v.name] = Number(text);
    else if (v.type === "boolean") values[v.name] = text === "true";
    else if (v.type === "json" || v.type === "messages") {
      try {
        values[v.name] = JSON.parse(text);
      } catch (error) {
        errors[`values.${v.name}`] = `Not valid JSON: ${(error as Error).message}`;
      }
    } else values[v.name] = text;
  }
  return { values, errors };
}
