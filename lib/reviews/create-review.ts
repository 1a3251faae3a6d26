import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { describeArms } from "@/lib/releases/arms";
import { planPointerMove } from "@/lib/releases/plan-pointer-move";
import { storedArms } from "@/lib/reviews/get-review-approval-state";
import { reviewHref } from "@/lib/reviews/get-review-or-throw";
import { notifyMentionedMembers } from "@/lib/reviews/notify-mentioned-members";
import type { ReviewActor } from "@/lib/reviews/review-actor";
import type { CreateReviewInput } from "@/lib/validations/review";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

/**
 * Opens review #N: asks the chosen reviewers to approve promoting one version of a prompt to one
 * environment. Reviewers must be members who may approve, other than the author; they are notified.
 */
export async function createReview(opts: ReviewActor & { input: CreateReviewInput }) {
  const { input, project, actor } = opts;
  const prompt = await getPromptOrThrow({ projectId: project.id, promptId: input.promptId, forWrite: true });
  const version = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: prompt.id, number: input.version } },
  });
  if (!version)
    throw validationError([{ path: "version", message: `${prompt.name} has no version ${input.version}.` }]);
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: project.id, slug: input.environment } },
  });
  if (!env)
    throw validationError([{ path: "environment", message: `No environment "${input.environment}" in this project.` }]);
  const pointer = await db.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } },
    include: { release: true },
  });
  const baseArms = storedArms(pointer?.release?.arms);
  const arms = input.arms ?? null;
  if (arms)
    await assertArmsUnderReview({ arms, version: input.version, base: pointer?.version ?? null, promptId: prompt.id });
  // The move promoting this review would make, checked now: a review that could never be promoted
  // (a version outside the split the environment runs, a split without its base) is refused here.
  try {
    planPointerMove({
      current: {
        version: pointer?.version ?? null,
        release: pointer?.release
          ? { id: pointer.release.id, baseVersion: pointer.release.baseVersion, arms: baseArms! }
          : null,
      },
      target: arms ? { arms } : { version: input.version },
      kind: "review",
      environmentName: env.name,
      promptName: prompt.name,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict")
      throw validationError([{ path: arms ? "arms" : "version", message: error.message }]);
    throw error;
  }
  const what = arms ? `${prompt.name} v${input.version} (${describeArms(arms)})` : `${prompt.name} v${input.version}`;

  const reviewerIds = [...new Set(input.reviewerIds)];
  const members = await db.membership.findMany({
    where: { projectId: project.id, userId: { in: reviewerIds } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byId = new Map(members.map((m) => [m.userId, m]));
  const problems = reviewerIds.flatMap((id) => {
    const m = byId.get(id);
    if (id === actor.id) return [`You cannot review your own request.`];
    if (!m) return [`One of the reviewers is not a member of this project.`];
    if (!can(m.role, "review.approve"))
      return [`${m.user.name} is ${m.role.toLowerCase()} and cannot approve; choose a reviewer, admin or owner.`];
    return [];
  });
  if (problems.length) throw validationError(problems.map((message) => ({ path: "reviewerIds", message })));

  // The default title leaves the version out: the author may push newer ones to the same review.
  const title = input.title || `${prompt.name} to ${env.name}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const { review, notifications } = await db.$transaction(async (tx) => {
        const last = await tx.review.findFirst({
          where: { projectId: project.id },
          orderBy: { number: "desc" },
          select: { number: true },
        });
        const number = (last?.number ?? 0) + 1;
        const review = await tx.review.create({
          data: {
            projectId: project.id,
            number,
            promptId: prompt.id,
            environmentId: env.id,
            authorId: actor.id,
            title,
            description: input.description,
            version: input.version,
            baseVersion: pointer?.version ?? null,
            ...(arms ? { arms } : {}),
            ...(baseArms ? { baseArms } : {}),
            reviewers: { create: reviewerIds.map((userId) => ({ userId })) },
            events: {
              create: {
                actorId: actor.id,
                actorName: actor.name,
                kind: "opened",
                version: input.version,
                baseVersion: pointer?.version ?? null,
                ...(arms ? { arms } : {}),
                ...(baseArms ? { baseArms } : {}),
              },
            },
          },
        });
        await enqueueWebhookEvent({
          tx,
          projectId: project.id,
          event: "review.requested",
          data: {
            review: number,
            title,
            prompt: prompt.name,
            version: input.version,
            ...(arms ? { arms } : {}),
            environment: env.slug,
            author: actor.name,
            reviewers: members.map((m) => m.user.name),
          },
        });
        await writeAuditEntry({
          tx,
          ctx: opts.ctx,
          projectId: project.id,
          action: "review.open",
          target: { type: "review", id: review.id },
          after: {
            number,
            prompt: prompt.name,
            version: input.version,
            ...(arms ? { arms } : {}),
            environment: env.slug,
            reviewers: reviewerIds,
          },
        });
        const notifications = await createNotifications({
          tx,
          projectId: project.id,
          recipientIds: reviewerIds,
          actor,
          kind: "review-requested",
          title: `${actor.name} asks you to review ${what} for ${env.name}`,
          body: input.description,
          href: reviewHref(project.slug, number),
        });
        // Reviewers named in the description already have the request; mentions tell everyone else.
        const mentions = await notifyMentionedMembers({
          tx,
          project,
          review: { number, promptName: prompt.name },
          actor,
          text: input.description,
          except: reviewerIds,
        });
        return { review, notifications: [...notifications, ...mentions.notifications] };
      });
      void deliverNotificationEmails(notifications);
      return { id: review.id, number: review.number, href: reviewHref(project.slug, review.number) };
    } catch (error) {
      // Two reviews opened at once may pick the same number; the unique index refuses one, which retries.
      if ((error as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * A split under review names the version being reviewed (the one diffed against what the
 * environment runs) among its arms, and not as the base, which needs no review; every arm exists.
 */
async function assertArmsUnderReview(opts: {
  arms: { version: number; weight: number }[];
  version: number;
  base: number | null;
  promptId: string;
}) {
  if (!opts.arms.some((arm) => arm.version === opts.version))
    throw validationError([
      { path: "arms", message: `The split must include v${opts.version}, the version under review.` },
    ]);
  if (opts.version === opts.base)
    throw validationError([
      {
        path: "version",
        message: `v${opts.version} already runs there; review the split's new version instead.`,
      },
    ]);
  const versions = opts.arms.map((arm) => arm.version);
  const found = await db.promptVersion.findMany({
    where: { promptId: opts.promptId, number: { in: versions } },
    select: { number: true },
  });
  const missing = versions.filter((v) => !found.some((f) => f.number === v));
  if (missing.length) throw validationError(missing.map((v) => ({ path: "arms", message: `No version ${v}.` })));
}
