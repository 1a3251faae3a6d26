"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { PresenceAvatars } from "@/components/collab/presence-avatars";
import { ChangeLists } from "@/components/prompts/change-lists";
import { AttachedRunsPanel } from "@/components/reviews/attached-runs-panel";
import { ConversationPanel } from "@/components/reviews/conversation-panel";
import { DecisionsPanel } from "@/components/reviews/decisions-panel";
import { EvaluationPanel } from "@/components/reviews/evaluation-panel";
import { LinePanel } from "@/components/reviews/line-panel";
import { LinePicker } from "@/components/reviews/line-picker";
import { ReviewDiff } from "@/components/reviews/review-diff";
import type { ReviewPanelProps } from "@/components/reviews/review-panel-props";
import { ReviewStatus } from "@/components/reviews/review-status";
import { useReviewReaders } from "@/components/reviews/use-review-readers";
import { versionLabel as v } from "@/components/reviews/version-label";
import { Alert } from "@/components/ui/alert";
import { describeArms } from "@/lib/releases/arms";
import { describeReviewTarget } from "@/lib/reviews/describe-review-target";

/** The review page: what would change, the discussion, the decisions, the evaluation gate, and promote. */
export function ReviewClient(props: ReviewPanelProps) {
  const { review, abilities } = props;
  const router = useRouter();
  const api = `/api/projects/${props.projectSlug}/reviews/${review.number}`;
  const live = abilities.live;
  const [line, setLine] = useState<number | null>(null);
  const lineThreads = review.threads.filter((t) => t.line !== null && t.version === review.version);
  const env = review.environment.name;
  const baseMoved = review.openedBase !== review.currentBase;
  const readers = useReviewReaders({ reviewId: review.id, me: props.me });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-xl font-semibold">
            {review.title} <span className="font-normal text-muted">#{review.number}</span>
          </h1>
          <ReviewStatus status={review.status} />
          {readers.length ? (
            <span
              className="ml-auto flex items-center gap-2 self-center text-xs text-muted"
              data-testid="review-readers"
            >
              <span aria-hidden="true">Reading now</span>
              <PresenceAvatars people={readers} label="Reading now" />
            </span>
          ) : null}
        </div>
        <p className="text-muted">
          {review.author.name} asks to promote <strong className="text-ink">{describeReviewTarget(review)}</strong> of{" "}
          <Link
            href={`/p/${props.projectSlug}/prompts/${review.prompt.name}?view=version&v=${review.version}`}
            className="font-mono text-accent hover:underline"
          >
            {review.prompt.name}
          </Link>{" "}
          to <strong className="text-ink">{env}</strong>
          {review.environment.protected ? " (protected)" : ""}, which runs{" "}
          {review.currentBaseArms ? describeArms(review.currentBaseArms) : v(review.currentBase)} now. Reviewers:{" "}
          {review.reviewers.map((r) => r.name).join(", ")}.
        </p>
      </header>

      {live && baseMoved ? (
        <Alert tone="info">
          <span data-testid="base-changed">
            {env} changed since this review was opened: it ran {v(review.openedBase)} then and runs{" "}
            {v(review.currentBase)} now. The diff below is against {v(review.currentBase)}; approvals given against the
            old base must be given again.
          </span>
        </Alert>
      ) : null}

      <DecisionsPanel {...props} api={api} live={live} />

      <EvaluationPanel {...props} />

      <section aria-labelledby="diff-heading" className="space-y-3">
        <h2 id="diff-heading" className="font-semibold">
          What changes in {env}
        </h2>
        <ReviewDiff
          original={review.baseText}
          modified={review.versionText}
          originalLabel={`${env} now (${v(review.currentBase)})`}
          modifiedLabel={`v${review.version}`}
          commentedLines={lineThreads.map((t) => ({ line: t.line!, resolved: t.resolved }))}
          selectedLine={line}
          onSelectLine={abilities.comment ? setLine : null}
        />
        {abilities.comment ? (
          <LinePicker lines={review.versionText.split("\n").length} line={line} onLine={setLine} />
        ) : null}
        {line !== null ? (
          <LinePanel
            api={api}
            line={line}
            text={review.versionText.split("\n")[line - 1] ?? ""}
            threads={lineThreads.filter((t) => t.line === line)}
            members={props.members}
            canComment={abilities.comment}
            onClose={() => setLine(null)}
            onDone={() => router.refresh()}
          />
        ) : null}
        <ChangeLists configChanges={review.configChanges} contractChanges={review.contractChanges} headingLevel="h3" />
      </section>

      <AttachedRunsPanel {...props} api={api} />

      <ConversationPanel {...props} api={api} live={live} />
    </div>
  );
}
