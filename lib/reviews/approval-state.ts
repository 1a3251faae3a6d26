// Pure: which decisions on a review count now. Shared by the server (status, promote) and the page.
import type { Arm } from "@/lib/releases/arms";
import { sameArms } from "@/lib/releases/same-arms";

export type Decision = {
  actorId: string;
  actorName: string;
  kind: string;
  version: number;
  baseVersion: number | null;
  /** The split the decision was on (the review's arms then; null or absent: the whole version). */
  arms?: Arm[] | null;
  /** The split the environment ran when the decision was made (null or absent: none). */
  baseArms?: Arm[] | null;
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
 * review's author or the version's author). An approval counts only for what it was given to: the
 * version, the split asked for (arms: "v7 at 10 %" is not "v7 at 50 %"), and the base, which is
 * what the environment ran then, version and split (a ramp, promotion or abort since makes it
 * stale). A request for changes holds until a new version is pushed.
 */
export function approvalState(opts: {
  events: Decision[];
  version: number;
  /** What the target environment runs now (null: nothing). */
  currentBase: number | null;
  /** The split the review asks for (null or absent: the whole version). */
  arms?: Arm[] | null;
  /** The split the target environment runs now (null or absent: none). */
  currentBaseArms?: Arm[] | null;
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
      (d.version === opts.version &&
      d.baseVersion === opts.currentBase &&
      sameArms(d.arms, opts.arms) &&
      sameArms(d.baseArms, opts.currentBaseArms)
        ? approvals
        : stale
      ).push(d);
    else if (d.version === opts.version) changesRequested.push(d);
  }
  const required = Math.max(1, opts.required);
  const status = changesRequested.length ? "CHANGES_REQUESTED" : approvals.length >= required ? "APPROVED" : "OPEN";
  return { status, approvals, stale, changesRequested, required };
}
