"use client";

import type { VariableSpec } from "@/lib/templates/contract";

export type RawValues = Record<string, string>;

const input = "block w-full rounded border border-line bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger";

/** One typed input per variable of the contract; values are kept as typed text and parsed by `parseValues`. */
export function VariablesForm({
  variables,
  raw,
  onChange,
  errors,
}: {
  variables: VariableSpec[];
  raw: RawValues;
  onChange: (raw: RawValues) => void;
  errors: Record<string, string>;
}) {
  if (!variables.length) return <p className="text-xs text-muted">This prompt takes no variables.</p>;
  const set = (name: string, value: string) => onChange({ ...raw, [name]: value });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {variables.map((v) => {
        const value = raw[v.name] ?? "";
        const error = errors[`values.${v.name}`];
        const label = `${v.name}${v.required && v.default === undefined ? " *" : ""}`;
        const common = { "aria-label": `Value of ${v.name}`, "aria-invalid": Boolean(error) };
        const Field = v.type === "messages" ? "div" : "label";
        return (
          // A message list holds several controls, so it is a group rather than one labelled control.
          <Field
            key={v.name}
            className={`block space-y-0.5 text-xs text-muted ${v.type === "json" || v.type === "messages" ? "sm:col-span-2" : ""}`}
          >
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
            ) : v.type === "messages" ? (
              <MessagesInput name={v.name} value={value} onChange={(text) => set(v.name, text)} />
            ) : v.type === "json" ? (
              <textarea
                {...common}
                className={`${input} h-20 font-mono text-xs`}
                value={value}
                placeholder={v.example !== undefined ? JSON.stringify(v.example) : "JSON value"}
                onChange={(e) => set(v.name, e.target.value)}
              />
            ) : (
              <input
                {...common}
                className={input}
                type={v.type === "number" ? "number" : "text"}
                value={value}
                placeholder={
                  v.example !== undefined
                    ? String(v.example)
                    : v.default !== undefined
                      ? `default: ${String(v.default)}`
                      : ""
                }
                onChange={(e) => set(v.name, e.target.value)}
              />
            )}
            {error ? (
              <span role="alert" className="block text-danger">
                {error}
              </span>
            ) : v.description ? (
              <span className="block">{v.description}</span>
            ) : null}
          </Field>
        );
      })}
    </div>
  );
}

/** Typed values from the form's text; unparseable JSON is reported per variable instead of sent. */
export function parseValues(
  variables: VariableSpec[],
  raw: RawValues,
): { values: Record<string, unknown>; errors: Record<string, string> } {
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

type Message = { role: "user" | "assistant" | "system"; content: string };

function readMessages(text: string): Message[] | null {
  if (!text.trim()) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) &&
      parsed.every(
        (m) =>
          m &&
          typeof m === "object" &&
          typeof (m as Message).role === "string" &&
          typeof (m as Message).content === "string",
      )
      ? (parsed as Message[])
      : null;
  } catch {
    return null;
  }
}

/** The conversation a placeholder receives, as a list of messages (kept as JSON text in the form). */
function MessagesInput({ name, value, onChange }: { name: string; value: string; onChange: (text: string) => void }) {
  const messages = readMessages(value);
  if (messages === null) {
    // Something typed by hand that is not a message list: let it be fixed as text.
    return (
      <textarea
        aria-label={`Value of ${name}`}
        className={`${input} h-20 font-mono text-xs`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const write = (next: Message[]) => onChange(next.length ? JSON.stringify(next) : "");
  return (
    <span className="block space-y-1" aria-label={`Value of ${name}`} role="group">
      {messages.map((m, i) => (
        <span key={i} className="flex items-start gap-1">
          <select
            aria-label={`${name} message ${i + 1} role`}
            value={m.role}
            onChange={(e) =>
              write(messages.map((x, j) => (j === i ? { ...x, role: e.target.value as Message["role"] } : x)))
            }
            className="rounded border border-line bg-surface px-1 py-1 text-xs text-ink"
          >
            <option value="user">user</option>
            <option value="assistant">assistant</option>
            <option value="system">system</option>
          </select>
          <textarea
            aria-label={`${name} message ${i + 1}`}
            rows={1}
            value={m.content}
            onChange={(e) => write(messages.map((x, j) => (j === i ? { ...x, content: e.target.value } : x)))}
            className={`${input} min-h-8`}
          />
          <button
            type="button"
            aria-label={`Remove ${name} message ${i + 1}`}
            onClick={() => write(messages.filter((_, j) => j !== i))}
            className="px-1 text-muted hover:text-danger"
          >
            ×
          </button>
        </span>
      ))}
      <button
        type="button"
        onClick={() =>
          write([...messages, { role: messages.at(-1)?.role === "user" ? "assistant" : "user", content: "" }])
        }
        className="text-xs text-accent hover:underline"
      >
        + Add message
      </button>
    </span>
  );
}
