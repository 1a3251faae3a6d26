import type { ModelConfig } from "@/lib/validations/prompt";

export type ConfigChange = { setting: string; before: string; after: string };

const labels: Record<keyof ModelConfig, string> = {
  provider: "provider",
  model: "model",
  temperature: "temperature",
  maxTokens: "max tokens",
  topP: "top_p",
  stop: "stop sequences",
  responseFormat: "response format",
  tools: "tools",
};

const show = (value: unknown): string => {
  if (value === undefined) return "default";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string"))
    return value.map((v) => JSON.stringify(v)).join(", ") || "none";
  if (value && typeof value === "object" && "type" in value && Object.keys(value).length === 1)
    return String((value as { type: string }).type);
  return JSON.stringify(value);
};

/** Model settings that differ, in a fixed order, e.g. { setting: "temperature", before: "0.7", after: "0.2" }. */
export function diffModelConfig(before: ModelConfig, after: ModelConfig): ConfigChange[] {
  return (Object.keys(labels) as Array<keyof ModelConfig>).flatMap((key) =>
    JSON.stringify(before[key]) === JSON.stringify(after[key])
      ? []
      : [{ setting: labels[key], before: show(before[key]), after: show(after[key]) }],
  );
}
