import type { MentionTarget } from "@/components/reviews/comment-box";
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

/** The review page's data, handed to the page client and on to each panel. */
export type ReviewPanelProps = {
  projectSlug: string;
  review: ReviewDetail;
  me: { id: string; name: string };
  abilities: ReviewAbilities;
  members: MentionTarget[];
  recentRuns: RunView[];
};
