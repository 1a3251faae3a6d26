import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { providerOrigin } from "@/lib/providers/provider-origin";
import { toProviderView } from "@/lib/providers/provider-view";
import type { RequestContext } from "@/lib/request-context";
import type { ProviderInput } from "@/lib/validations/provider";

/**
 * Creates a provider, or updates one (`providerId`). An empty API key on update keeps the stored
 * one, but only while requests go to the same origin: the key was entered for that host, and
 * keeping it for a new one would let anyone who may edit providers send it wherever they like.
 */
export async function saveProvider(opts: {
  ctx: RequestContext;
  projectId: string;
  providerId?: string;
  input: ProviderInput;
}) {
  const { input } = opts;
  const key = input.apiKey
    ? { apiKeyEncrypted: encryptSecret(input.apiKey), apiKeyHint: secretHint(input.apiKey) }
    : {};
  const data = {
    name: input.name,
    kind: input.kind,
    baseUrl: input.baseUrl ?? null,
    azureApiVersion: input.azureApiVersion ?? null,
    defaultModel: input.defaultModel ?? null,
    ...key,
  };
  return db.$transaction(async (tx) => {
    const clash = await tx.provider.findUnique({
      where: { projectId_name: { projectId: opts.projectId, name: input.name } },
    });
    if (clash && clash.id !== opts.providerId) {
      throw new AppError({
        code: "conflict",
        message: `A provider named ${input.name} exists.`,
        details: { issues: [{ path: "name", message: "That name is taken in this project." }] },
      });
    }
    const before = opts.providerId
      ? await tx.provider.findFirst({ where: { id: opts.providerId, projectId: opts.projectId } })
      : null;
    if (opts.providerId && !before)
      throw new AppError({ code: "not_found", message: "No such provider in this project." });
    const [wasSentTo, willGoTo] = [
      before && providerOrigin(before),
      providerOrigin({ kind: input.kind, baseUrl: input.baseUrl }),
    ];
    if (before?.apiKeyEncrypted && !input.apiKey && wasSentTo !== willGoTo) {
      throw validationError([
        {
          path: "apiKey",
          message: `Enter the API key again: the stored key was for ${wasSentTo ?? "the old address"}, and requests would now go to ${willGoTo ?? "a new address"}.`,
        },
      ]);
    }
    const saved = before
      ? await tx.provider.update({ where: { id: before.id }, data })
      : await tx.provider.create({ data: { projectId: opts.projectId, ...data } });
    const view = (p: typeof saved | null) =>
      p
        ? { name: p.name, kind: p.kind, baseUrl: p.baseUrl, defaultModel: p.defaultModel, apiKey: p.apiKeyHint }
        : undefined;
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: before ? "provider.update" : "provider.create",
      target: { type: "provider", id: saved.id },
      before: view(before),
      after: view(saved),
    });
    return toProviderView(saved);
  });
}
