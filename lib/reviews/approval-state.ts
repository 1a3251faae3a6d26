// Pure: which decisions on a review count now. Shared by the server (status, promote) and the page.

export type Decision = {
  actorId: string;
  actorName: string;
  kind: string;
  version: number;
  baseVersion: number | null;
  createdAt: Date | string;
};

export type ApprovalState = {
  status: "OPEN" | "CHANGES_REQUESTED" | "APPROVED";
  /** Approvals of the version under review against what the environment runs now. */
  approvals: Decision[];
  /** Approvals given to an earlier version, or against an environment that has moved since. */
  stale: Decision[];
  changesRequested: Decision[];
  required: number;
};

const isDecision = (kind: string) => kind === "approved" || kind === "changes-requested";

/**
 * Each person's latest decision counts, if they may approve and did not write the change (the
 * review's author or the version's author). An approval counts only for the version and base it
 * was given to; a request for changes holds until a new version is pushed.
 */
export function approvalState(opts: {
  events: Decision[];
  version: number;
  /** What the target environment runs now (null: nothing). */
  currentBase: number | null;
  required: number;
  excluded: ReadonlySet<string>;
  mayApprove: (userId: string) => boolean;
}): ApprovalState {
  const latest = new Map<string, Decision>();
  for (const e of [...opts.events].sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt)))
    if (isDecision(e.kind)) latest.set(e.actorId, e);
  const approvals: Decision[] = [];
  const stale: Decision[] = [];
  const changesRequested: Decision[] = [];
  for (const [actorId, d] of latest) {
    if (opts.excluded.has(actorId) || !opts.mayApprove(actorId)) continue;
    if (d.kind === "approved")
      (d.version === opts.version && d.baseVersion === opts.currentBase ? approvals : stale).push(d);
    else if (d.version === opts.version) changesRequested.push(d);
  }
  const required = Math.max(1, opts.required);
  const status = changesRequested.length ? "CHANGES_REQUESTED" : approvals.length >= required ? "APPROVED" : "OPEN";
  return { status, approvals, stale, changesRequested, required };
}
