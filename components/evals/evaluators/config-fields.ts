// The settings form of an evaluator kind, read from the kind's JSON Schema (GET …/evaluator-kinds),
// so the page never keeps a second list of what each kind asks. Pure: the form and its test use it.

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  readOnly?: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

/** How a field is typed in: every value is edited as text and turned back by toConfig. */
export type ConfigField = {
  name: string;
  label: string;
  hint: string | undefined;
  required: boolean;
  control: "checkbox" | "select" | "number" | "text" | "textarea" | "lines" | "json" | "provider";
  options?: string[];
  integer?: boolean;
  min?: number;
  max?: number;
};

/** "ignoreCase" → "Ignore case", "maxMs" → "Max ms", "providerId" → "Provider". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function configFields(schema: Record<string, unknown>): ConfigField[] {
  const s = schema as JsonSchema;
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {})
    .filter(([, p]) => !p.readOnly)
    .map(([name, p]) => {
      const base = { name, label: fieldLabel(name), hint: p.description, required: required.has(name) };
      if (name === "providerId") return { ...base, control: "provider" as const };
      if (p.type === "boolean") return { ...base, control: "checkbox" as const };
      if (p.enum) return { ...base, control: "select" as const, options: p.enum.map(String) };
      if (p.type === "integer" || p.type === "number")
        return { ...base, control: "number" as const, integer: p.type === "integer", min: p.minimum, max: p.maximum };
      if (p.type === "array" && p.items?.type === "string") return { ...base, control: "lines" as const };
      if (p.type === "string")
        return { ...base, control: (p.maxLength ?? 0) > 2_000 ? ("textarea" as const) : ("text" as const) };
      return { ...base, control: "json" as const };
    });
}

/** The form's text for each field: a saved config's values, or the schema's defaults for a new one. */
export function toFormValues(
  schema: Record<string, unknown>,
  config: Record<string, unknown> | null,
): Record<string, string> {
  const props = (schema as JsonSchema).properties ?? {};
  const values: Record<string, string> = {};
  for (const field of configFields(schema)) {
    const value = config && field.name in config ? config[field.name] : props[field.name]?.default;
    values[field.name] =
      value === undefined || value === null
        ? ""
        : field.control === "lines"
          ? (value as string[]).join("\n")
          : field.control === "json"
            ? JSON.stringify(value, null, 2)
            : String(value);
  }
  return values;
}

/**
 * The config to send: empty fields are left out (the kind's default or the row's expected output
 * applies), numbers and JSON are read; what cannot be read is reported by field name, so the form
 * shows it where the server would.
 */
export function toConfig(
  schema: Record<string, unknown>,
  values: Record<string, string>,
): { config: Record<string, unknown>; problems: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of configFields(schema)) {
    const text = values[field.name] ?? "";
    if (field.control === "checkbox") {
      config[field.name] = text === "true";
      continue;
    }
    if (text.trim() === "") continue;
    if (field.control === "number") {
      const n = Number(text);
      if (!Number.isFinite(n)) problems[`config.${field.name}`] = "Enter a number.";
      else config[field.name] = n;
    } else if (field.control === "lines") {
      config[field.name] = text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    } else if (field.control === "json") {
      try {
        config[field.name] = JSON.parse(text);
      } catch {
        problems[`config.${field.name}`] = "Enter valid JSON.";
      }
    } else config[field.name] = text;
  }
  return { config, problems };
}
