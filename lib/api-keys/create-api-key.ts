import { generateApiKeySecret, hashApiKeySecret, visiblePrefix } from "@/lib/api-keys/api-key-secret";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import type { CreateApiKeyInput } from "@/lib/validations/api-key";

/**
 * Creates a project API key and returns its secret, the only time it is ever shown; the database
 * keeps a SHA-256 of it and its first characters. `secret` is for the seed script only.
 */
export async function createApiKey(opts: {
  ctx: RequestContext;
  projectId: string;
  creator: { id: string; name: string };
  input: CreateApiKeyInput;
  secret?: string;
}) {
  const secret = opts.secret ?? generateApiKeySecret();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        projectId: opts.projectId,
        name: opts.input.name,
        prefix: visiblePrefix(secret),
        hash: hashApiKeySecret(secret),
        scopes: [...new Set(opts.input.scopes)],
        expiresAt: opts.input.expiresAt ? new Date(opts.input.expiresAt) : null,
        createdById: opts.creator.id,
        createdByName: opts.creator.name,
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "apikey.create",
      target: { type: "apikey", id: key.id },
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes, expiresAt: key.expiresAt },
    });
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      secret,
    };
  });
}
