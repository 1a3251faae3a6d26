import type { Contract, VariableSpec } from "./contract";

export type ContractChange = {
  variable: string;
  kind: "added" | "removed" | "type-changed" | "required-changed" | "default-changed" | "values-changed" | "described";
  breaking: boolean;
  /** One sentence for reviewers, e.g. "apps that render this prompt without `tone` will fail". */
  message: string;
};

const label = (v: VariableSpec) => (v.type === "enum" ? `enum (${(v.values ?? []).join(", ")})` : v.type);
const mandatory = (v: VariableSpec) => v.required && v.default === undefined;

/**
 * What changed in the contract from `before` to `after`, with breaking changes marked: a removed
 * variable, a new variable apps must now send, or a type that accepts fewer values than before.
 * `before` is null when nothing runs yet (a first deployment): no app renders the prompt, so
 * nothing can break and every variable is simply new.
 */
export function diffContracts(before: Contract | null, after: Contract): ContractChange[] {
  if (!before) {
    return after.variables.map((v) => ({
      variable: v.name,
      kind: "added",
      breaking: false,
      message: `\`${v.name}\` is new${mandatory(v) ? " (required)" : ""}.`,
    }));
  }
  const changes: ContractChange[] = [];
  const old = new Map(before.variables.map((v) => [v.name, v]));
  const now = new Map(after.variables.map((v) => [v.name, v]));
  for (const name of old.keys()) {
    if (!now.has(name)) {
      changes.push({
        variable: name,
        kind: "removed",
        breaking: true,
        message: `\`${name}\` was removed: apps that send it will be rejected in strict mode, and the text no longer uses it.`,
      });
    }
  }
  for (const [name, v] of now) {
    const was = old.get(name);
    if (!was) {
      changes.push(
        mandatory(v)
          ? {
              variable: name,
              kind: "added",
              breaking: true,
              message: `\`${name}\` is new and required: apps that render this prompt without \`${name}\` will fail.`,
            }
          : { variable: name, kind: "added", breaking: false, message: `\`${name}\` is new and optional.` },
      );
      continue;
    }
    if (was.type !== v.type) {
      // Only enum → string accepts everything it accepted before.
      const widened = was.type === "enum" && v.type === "string";
      changes.push({
        variable: name,
        kind: "type-changed",
        breaking: !widened,
        message: `\`${name}\` changed from ${label(was)} to ${label(v)}${widened ? "." : `: apps that send a ${was.type} value may fail.`}`,
      });
    } else if (v.type === "enum") {
      const removed = (was.values ?? []).filter((x) => !(v.values ?? []).includes(x));
      const added = (v.values ?? []).filter((x) => !(was.values ?? []).includes(x));
      if (removed.length || added.length) {
        changes.push({
          variable: name,
          kind: "values-changed",
          breaking: removed.length > 0,
          message:
            [
              removed.length ? `\`${name}\` no longer accepts ${removed.map((x) => JSON.stringify(x)).join(", ")}` : "",
              added.length ? `\`${name}\` now also accepts ${added.map((x) => JSON.stringify(x)).join(", ")}` : "",
            ]
              .filter(Boolean)
              .join("; ") + ".",
        });
      }
    }
    if (mandatory(was) !== mandatory(v)) {
      changes.push(
        mandatory(v)
          ? {
              variable: name,
              kind: "required-changed",
              breaking: true,
              message: `\`${name}\` is now required: apps that render this prompt without \`${name}\` will fail.`,
            }
          : { variable: name, kind: "required-changed", breaking: false, message: `\`${name}\` is now optional.` },
      );
    } else if (JSON.stringify(was.default) !== JSON.stringify(v.default)) {
      changes.push({
        variable: name,
        kind: "default-changed",
        breaking: false,
        message: `\`${name}\` default changed from ${JSON.stringify(was.default) ?? "none"} to ${JSON.stringify(v.default) ?? "none"}.`,
      });
    }
    if ((was.description ?? "") !== (v.description ?? "")) {
      changes.push({ variable: name, kind: "described", breaking: false, message: `\`${name}\` description changed.` });
    }
  }
  return changes;
}
