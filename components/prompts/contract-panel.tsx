"use client";

import { variableTypes, type Contract, type JsonValue, type VariableSpec } from "@/lib/templates/contract";

/**
 * The variables the prompt takes, detected from the text; the author sets type, required, default
 * and description. Each change declares that one variable (`onVariable`), so two people changing
 * different variables keep both; without `onVariable` the panel is read-only.
 */
export function ContractPanel({
  contract,
  onVariable,
}: {
  contract: Contract;
  onVariable?: (spec: VariableSpec) => void;
}) {
  const readOnly = !onVariable;
  const update = (name: string, patch: Partial<VariableSpec>) => {
    const spec = contract.variables.find((v) => v.name === name);
    if (!spec || !onVariable) return;
    // A field set back to empty is left out, not stored as undefined.
    const next: VariableSpec = { ...spec, ...patch };
    for (const key of Object.keys(next) as Array<keyof VariableSpec>) if (next[key] === undefined) delete next[key];
    onVariable(next);
  };

  if (contract.variables.length === 0) {
    return (
      <p className="text-muted">
        No variables yet. Type <code className="rounded bg-subtle px-1">{"{{name}}"}</code> in the text to add one.
      </p>
    );
  }
  return (
    <ul className="space-y-3" aria-label="Variables">
      {contract.variables.map((v) => (
        <li key={v.name} className="space-y-2 rounded-md border border-line p-3" data-testid={`variable-${v.name}`}>
          <div className="flex items-center justify-between gap-2">
            <code className="font-mono text-[13px]">{v.name}</code>
            <label className="flex items-center gap-1 text-xs text-muted">
              <input
                type="checkbox"
                checked={v.required}
                disabled={readOnly}
                onChange={(e) => update(v.name, { required: e.target.checked })}
              />
              required
            </label>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <label className="space-y-0.5 text-xs text-muted">
              Type
              <select
                value={v.type}
                disabled={readOnly || v.type === "messages"}
                aria-label={`Type of ${v.name}`}
                onChange={(e) =>
                  update(v.name, {
                    type: variableTypes.find((t) => t === e.target.value) ?? v.type,
                    ...(e.target.value === "enum" && !v.values?.length ? { values: ["a", "b"] } : {}),
                  })
                }
                className="block w-full rounded border border-line bg-surface px-1.5 py-1 text-sm text-ink"
              >
                {variableTypes
                  .filter((t) => t !== "messages" || v.type === "messages")
                  .map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
              </select>
            </label>
            <label className="space-y-0.5 text-xs text-muted">
              Default
              <input
                value={
                  v.default === undefined ? "" : typeof v.default === "string" ? v.default : JSON.stringify(v.default)
                }
                disabled={readOnly || v.type === "messages"}
                aria-label={`Default of ${v.name}`}
                placeholder="none"
                onChange={(e) => update(v.name, { default: parseDefault(v, e.target.value) })}
                className="block w-full rounded border border-line bg-surface px-1.5 py-1 text-sm text-ink"
              />
            </label>
          </div>
          {v.type === "enum" ? (
            <label className="block space-y-0.5 text-xs text-muted">
              Values (comma-separated)
              <input
                value={(v.values ?? []).join(", ")}
                disabled={readOnly}
                onChange={(e) =>
                  update(v.name, {
                    values: e.target.value
                      .split(",")
                      .map((s) => s.trim())
                      .filter(Boolean),
                  })
                }
                className="block w-full rounded border border-line bg-surface px-1.5 py-1 text-sm text-ink"
              />
            </label>
          ) : null}
          <input
            value={v.example === undefined ? "" : typeof v.example === "string" ? v.example : JSON.stringify(v.example)}
            disabled={readOnly}
            aria-label={`Example of ${v.name}`}
            placeholder="Example value (fills the playground)"
            onChange={(e) =>
              update(v.name, { example: e.target.value === "" ? undefined : parseDefault(v, e.target.value) })
            }
            className="block w-full rounded border border-line bg-surface px-1.5 py-1 text-sm"
          />
          <input
            value={v.description ?? ""}
            disabled={readOnly}
            aria-label={`Description of ${v.name}`}
            placeholder="Description (shown on hover and to app developers)"
            onChange={(e) => update(v.name, { description: e.target.value || undefined })}
            className="block w-full rounded border border-line bg-surface px-1.5 py-1 text-sm"
          />
        </li>
      ))}
    </ul>
  );
}

function parseDefault(spec: VariableSpec, raw: string): JsonValue | undefined {
  if (raw === "") return undefined;
  if (spec.type === "number") return Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (spec.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  if (spec.type === "json") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
