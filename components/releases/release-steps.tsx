import Link from "next/link";

import { SplitBar } from "@/components/releases/split-bar";
import { Time } from "@/components/ui/time";
import { describeReleaseStep } from "@/lib/releases/describe-release-step";
import type { ReleaseStepView } from "@/lib/releases/get-releases-overview";

/** A release's steps, newest first: what moved, the split after it, who, when, why, through which review. */
export function ReleaseSteps({
  steps,
  baseVersion,
  projectSlug,
}: {
  steps: ReleaseStepView[];
  baseVersion: number;
  projectSlug: string;
}) {
  if (!steps.length) return <p className="text-sm text-muted">No step recorded.</p>;
  return (
    <ol className="divide-y divide-line text-sm" data-testid="release-steps">
      {[...steps].reverse().map((s) => (
        <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
          <Time value={s.createdAt} className="w-24 shrink-0 text-xs whitespace-nowrap text-muted" />
          <span className="font-medium">{describeReleaseStep(s, baseVersion)}</span>
          {s.arms ? <SplitBar arms={s.arms} compact /> : null}
          <span className="max-w-40 truncate text-muted" title={s.actorName}>
            {s.actorName}
          </span>
          {s.reviewNumber ? (
            <Link className="text-xs text-accent hover:underline" href={`/p/${projectSlug}/reviews/${s.reviewNumber}`}>
              review #{s.reviewNumber}
            </Link>
          ) : null}
          {s.reason ? (
            <span className="min-w-0 truncate text-muted" title={s.reason}>
              “{s.reason}”
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
