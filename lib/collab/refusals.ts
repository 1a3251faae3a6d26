// Why the live-editing server refused or closed a connection: one table the server sends from and
// the editor's banner reads, so the person learns what happened and what to do. Browser-safe.
// WebSocket close codes 4000–4999 are free for applications.

export const refusals = {
  signed_out: { code: 4401, message: "Your session ended. Sign in again to keep editing." },
  forbidden: { code: 4403, message: "You no longer have access to this prompt." },
  read_only: {
    code: 4405,
    message: "Your role in this project no longer allows editing: your latest changes were not saved.",
  },
  not_found: { code: 4404, message: "This prompt no longer exists." },
  archived: { code: 4409, message: "This prompt was archived, so it is read-only. Restore it to edit." },
  too_large: {
    code: 4413,
    message: "The working copy would exceed 1 MB, the limit for a prompt. Remove text before adding more.",
  },
  too_many_connections: {
    code: 4429,
    message: "You have too many editors open. Close some tabs, then reload this one.",
  },
  bad_origin: { code: 4400, message: "This page's address is not allowed to edit. Open Galley at its own address." },
} as const;

export type RefusalKind = keyof typeof refusals;

/** The refusal a close code or reason names, if it is one of ours. */
export function refusalFrom(codeOrReason: number | string | undefined): { kind: RefusalKind; message: string } | null {
  for (const [kind, refusal] of Object.entries(refusals) as Array<[RefusalKind, (typeof refusals)[RefusalKind]]>) {
    if (codeOrReason === refusal.code || codeOrReason === kind) return { kind, message: refusal.message };
  }
  return null;
}
