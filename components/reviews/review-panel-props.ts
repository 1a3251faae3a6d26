import type { MentionTarget } from "@/components/reviews/comment-box";
import type { GateCheck } from "@/lib/gates/check-gate";
import type { RunView } from "@/lib/playground/list-runs";
import type { ReviewDetail } from "@/lib/reviews/get-review-detail";

/** What the viewer may do on this review (worked out on the server from role, status and authorship). */
export type ReviewAbilities = {
  live: boolean;
  comment: boolean;
  decide: boolean;
  promote: boolean;
  close: boolean;
  push: boolean;
  attachRuns: boolean;
};

/** How the reviewed version stands against the environment's evaluation gate, and what the viewer may do about it. */
export type ReviewGate = {
  check: GateCheck;
  /** eval.run: may start an evaluation of the review's version. */
  canRun: boolean;
  /** gate.override: may promote past a gate that has not passed, with a reason. */
  canOverride: boolean;
};

/** The review page's data, handed to the page client and on to each panel. */
export type ReviewPanelProps = {
  projectSlug: string;
  review: ReviewDetail;
  me: { id: string; name: string };
  abilities: ReviewAbilities;
  members: MentionTarget[];
  recentRuns: RunView[];
  /** null once the review is closed or promoted: the gate only matters while it can still be promoted. */
  gate: ReviewGate | null;
};
