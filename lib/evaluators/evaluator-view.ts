import type { Evaluator } from "@/lib/generated/prisma/client";

/** What the browser and the API see of an evaluator: its config without the HTTP kind's encrypted secret. */
export type EvaluatorView = {
  id: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  negate: boolean;
  weight: number;
  /** HTTP evaluators: the end of the signing secret, so people can tell which one a receiver holds. */
  secretHint: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export function toEvaluatorView(e: Evaluator): EvaluatorView {
  const { secretEncrypted, secretHint, ...config } = (e.config ?? {}) as Record<string, unknown>;
  void secretEncrypted;
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    config,
    negate: e.negate,
    weight: e.weight,
    secretHint: typeof secretHint === "string" ? secretHint : null,
    archived: e.archivedAt !== null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
