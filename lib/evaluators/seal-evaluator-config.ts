import crypto from "node:crypto";

import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import { parseEvaluatorConfig } from "@/lib/evals/registry";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The config to store: checked and completed by its kind. An HTTP evaluator signs its requests
 * with a secret of its own: kept from the saved config when there is one (the kind stays http),
 * generated otherwise and returned once, like a webhook's. A secret sent by the client is ignored,
 * so nobody can plant a known one.
 */
export function sealEvaluatorConfig(opts: {
  kind: string;
  config: Record<string, unknown>;
  saved?: { kind: string; config: unknown };
}): { config: Prisma.InputJsonValue; secret: string | null } {
  const { secretEncrypted: _ignored, secretHint: _hint, ...given } = opts.config;
  void _ignored;
  void _hint;
  const config = parseEvaluatorConfig({ kind: opts.kind, config: given }) as Record<string, unknown>;
  if (opts.kind !== "http") return { config: config as Prisma.InputJsonValue, secret: null };
  const saved = opts.saved?.kind === "http" ? (opts.saved.config as Record<string, unknown>) : null;
  if (saved && typeof saved.secretEncrypted === "string")
    return {
      config: {
        ...config,
        secretEncrypted: saved.secretEncrypted,
        secretHint: saved.secretHint ?? null,
      } as Prisma.InputJsonValue,
      secret: null,
    };
  const secret = `evsec_${crypto.randomBytes(32).toString("base64url")}`;
  return {
    config: {
      ...config,
      secretEncrypted: encryptSecret(secret),
      secretHint: secretHint(secret),
    } as Prisma.InputJsonValue,
    secret,
  };
}
