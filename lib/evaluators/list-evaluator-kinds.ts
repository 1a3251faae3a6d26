import { z } from "zod";

import { evaluatorKinds } from "@/lib/evals/registry";

export type EvaluatorKindInfo = {
  kind: string;
  label: string;
  description: string;
  group: "deterministic" | "llm" | "http";
  /** The config's JSON Schema as a form fills it in (fields with defaults are optional); readOnly fields are the server's. */
  configSchema: Record<string, unknown>;
};

let cached: EvaluatorKindInfo[] | undefined;

/**
 * Every kind with the JSON Schema of its settings, read from the registry, so the Evaluators page
 * renders one form per kind without a second hand-written list. The same for every project and
 * request, so computed once.
 */
export function listEvaluatorKinds(): { kinds: EvaluatorKindInfo[] } {
  cached ??= Object.values(evaluatorKinds).map((k) => ({
    kind: k.kind,
    label: k.label,
    description: k.description,
    group: k.group,
    configSchema: z.toJSONSchema(k.configSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
  }));
  return { kinds: cached };
}
