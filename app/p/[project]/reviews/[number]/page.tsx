import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ReviewClient } from "@/components/reviews/review-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { checkGate } from "@/lib/gates/check-gate";
import { getGate } from "@/lib/gates/get-gate";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { listMembers } from "@/lib/members/list-members";
import { listRuns } from "@/lib/playground/list-runs";
import { getReviewDetail, reviewAbilities } from "@/lib/reviews/get-review-detail";

type Params = { project: string; number: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Review #${(await params).number}` };
}

export default async function ReviewPage({ params }: { params: Promise<Params> }) {
  const { project, number } = await params;
  const access = await getPageAccess(project, "review.view");
  let reviewNumber: number;
  try {
    reviewNumber = parseRouteInt({ value: number, name: "number" });
  } catch {
    notFound();
  }
  const review = await getReviewDetail({ projectId: access.project.id, number: reviewNumber }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const abilities = reviewAbilities({ role: access.role, userId: access.user.id, review });
  const [{ members }, recentRuns, gateCheck] = await Promise.all([
    listMembers({ projectId: access.project.id }),
    abilities.attachRuns
      ? listRuns({ projectId: access.project.id, promptId: review.prompt.id, limit: 20 })
      : Promise.resolve(null),
    abilities.live
      ? getGate({ projectId: access.project.id, environmentSlug: review.environment.slug }).then(({ environment }) =>
          checkGate({
            projectId: access.project.id,
            environmentId: environment.id,
            promptId: review.prompt.id,
            version: review.version,
          }),
        )
      : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-5">
      <Link href={`/p/${access.project.slug}/reviews`} className="text-xs text-muted hover:text-ink">
        ← Reviews
      </Link>
      <ReviewClient
        projectSlug={access.project.slug}
        review={review}
        me={{ id: access.user.id, name: access.user.name }}
        abilities={abilities}
        members={members.map((m) => ({ name: m.name, handle: m.email.split("@")[0]!.toLowerCase() }))}
        recentRuns={recentRuns?.runs ?? []}
        gate={
          gateCheck
            ? { check: gateCheck, canRun: can(access.role, "eval.run"), canOverride: can(access.role, "gate.override") }
            : null
        }
      />
    </div>
  );
}
