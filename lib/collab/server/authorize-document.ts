import "server-only";

import { can } from "@/lib/auth/permissions";
import { parseDocName, type LiveDocumentKind } from "@/lib/collab/prompt-doc";
import type { RefusalKind } from "@/lib/collab/refusals";
import { db } from "@/lib/db";

/** Why a connection that may see a document may not change it. */
export type ReadOnlyReason = "role" | "archived" | "review";

export type DocumentAccess =
  | {
      ok: true;
      projectId: string;
      documentKind: LiveDocumentKind;
      documentId: string;
      canEdit: boolean;
      readOnlyReason: ReadOnlyReason | null;
    }
  | { ok: false; refusal: Extract<RefusalKind, "forbidden" | "not_found"> };

/**
 * What a user may do with a live document, from the project permission table: a prompt with
 * prompt.edit is read-write, with prompt.view read-only, archived read-only for everyone; a review
 * document (presence only) is read-only with review.view. Tenant: the project is the document's
 * own, and the membership is looked up in it.
 */
export async function authorizeDocument(opts: { userId: string; documentName: string }): Promise<DocumentAccess> {
  const parsed = parseDocName(opts.documentName);
  if (!parsed) return { ok: false, refusal: "not_found" };
  const membership = { where: { userId: opts.userId }, select: { role: true }, take: 1 } as const;
  const found =
    parsed.kind === "prompt"
      ? await db.prompt.findUnique({
          where: { id: parsed.id },
          select: { projectId: true, archivedAt: true, project: { select: { memberships: membership } } },
        })
      : await db.review.findUnique({
          where: { id: parsed.id },
          select: { projectId: true, project: { select: { memberships: membership } } },
        });
  if (!found) return { ok: false, refusal: "not_found" };
  const role = found.project.memberships[0]?.role;
  const base = { ok: true as const, projectId: found.projectId, documentKind: parsed.kind, documentId: parsed.id };
  if (parsed.kind === "review") {
    if (!can(role, "review.view")) return { ok: false, refusal: "forbidden" };
    return { ...base, canEdit: false, readOnlyReason: "review" };
  }
  if (!can(role, "prompt.view")) return { ok: false, refusal: "forbidden" };
  const archived = "archivedAt" in found && found.archivedAt !== null;
  const readOnlyReason = archived ? "archived" : can(role, "prompt.edit") ? null : "role";
  return { ...base, canEdit: readOnlyReason === null, readOnlyReason };
}
