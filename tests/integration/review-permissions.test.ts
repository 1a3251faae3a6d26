// The permission matrix of reviews, deployments and environments: every action here × every role,
// each checked the way its route handler checks it (requireProjectPermission with the action the
// route declares, read from the route itself, then the rules of the lib function).
import { beforeAll, describe, expect, it } from "vitest";

import * as environmentsRoute from "@/app/api/projects/[project]/environments/route";
import * as deploymentsRoute from "@/app/api/projects/[project]/prompts/[promptId]/deployments/route";
import * as closeRoute from "@/app/api/projects/[project]/reviews/[number]/close/route";
import * as commentsRoute from "@/app/api/projects/[project]/reviews/[number]/comments/route";
import * as decisionsRoute from "@/app/api/projects/[project]/reviews/[number]/decisions/route";
import * as promoteRoute from "@/app/api/projects/[project]/reviews/[number]/promote/route";
import * as reviewRoute from "@/app/api/projects/[project]/reviews/[number]/route";
import * as reviewsRoute from "@/app/api/projects/[project]/reviews/route";
import { roles, type Action, type ProjectRole } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteReview } from "@/lib/deployments/promote-review";
import { createEnvironment } from "@/lib/environments/manage-environments";
import type { RouteDeclaration } from "@/lib/http/api-route";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { closeReview } from "@/lib/reviews/close-review";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import { getReviewDetail } from "@/lib/reviews/get-review-detail";
import type { ReviewActor } from "@/lib/reviews/review-actor";

import { ctxFor, makeProject, unique } from "./helpers";

const actionOf = (handler: { declared: RouteDeclaration }): Action => handler.declared.action!;

type Operation = {
  name: string;
  routeAction: Action;
  run: (who: ReviewActor) => Promise<unknown>;
  allowed: ProjectRole[];
};

describe("permission matrix: reviews, deployments, environments", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let reviewNumber: number;
  const member = (role: ProjectRole) => fixture.members.find((m) => m.role === role)!.user;
  const actorOf = (role: ProjectRole): ReviewActor => {
    const user = member(role);
    return { ctx: ctxFor(user), project: fixture.project, actor: { id: user.id, name: user.name, role } };
  };

  beforeAll(async () => {
    await applyMigrations();
    // The review's author is a second editor, so every role in the matrix acts on someone else's review.
    fixture = await makeProject(["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER", "EDITOR"]);
    const author = fixture.members[5]!.user;
    const prompt = await createPrompt({
      ctx: ctxFor(author),
      projectId: fixture.project.id,
      input: { name: "matrix/prompt", type: "TEXT", description: "", tags: [] },
    });
    promptId = prompt.id;
    for (let v = 1; v <= 2; v++)
      await saveVersion({
        ctx: ctxFor(author),
        projectId: fixture.project.id,
        promptId,
        authorId: author.id,
        baseVersion: v - 1,
        message: `v${v}`,
        content: { template: `v${v}`, contract: { variables: [] }, modelConfig: {} },
      });
    const review = await createReview({
      ctx: ctxFor(author),
      project: fixture.project,
      actor: { id: author.id, name: author.name, role: "EDITOR" },
      input: {
        promptId,
        version: 2,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description: "",
      },
    });
    reviewNumber = review.number;
  });

  const operations: Operation[] = [
    {
      name: "view a review",
      routeAction: actionOf(reviewRoute.GET),
      run: (w) => getReviewDetail({ projectId: w.project.id, number: reviewNumber }),
      allowed: ["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER"],
    },
    {
      name: "open a review",
      routeAction: actionOf(reviewsRoute.POST),
      run: (w) =>
        createReview({
          ...w,
          input: {
            promptId,
            version: 1,
            environment: "staging",
            reviewerIds: [w.actor.id === member("REVIEWER").id ? member("ADMIN").id : member("REVIEWER").id],
            title: "",
            description: "",
          },
        }),
      allowed: ["OWNER", "ADMIN", "REVIEWER", "EDITOR"],
    },
    {
      name: "comment",
      routeAction: actionOf(commentsRoute.POST),
      run: (w) => commentOnReview({ ...w, number: reviewNumber, body: "looks fine", line: 1 }),
      allowed: ["OWNER", "ADMIN", "REVIEWER", "EDITOR"],
    },
    {
      name: "approve",
      routeAction: actionOf(decisionsRoute.POST),
      run: (w) => decideReview({ ...w, number: reviewNumber, decision: "approve", body: "" }),
      allowed: ["OWNER", "ADMIN", "REVIEWER"],
    },
    {
      name: "request changes",
      routeAction: actionOf(decisionsRoute.POST),
      run: (w) => decideReview({ ...w, number: reviewNumber, decision: "request-changes", body: "not yet" }),
      allowed: ["OWNER", "ADMIN", "REVIEWER"],
    },
    {
      name: "promote someone else's review",
      routeAction: actionOf(promoteRoute.POST),
      run: (w) => promoteReview({ ...w, number: reviewNumber }),
      allowed: ["OWNER", "ADMIN", "REVIEWER"],
    },
    {
      name: "close someone else's review",
      routeAction: actionOf(closeRoute.POST),
      run: (w) => closeReview({ ...w, number: reviewNumber, reopen: false, body: "" }),
      allowed: ["OWNER", "ADMIN", "REVIEWER"],
    },
    {
      name: "deploy to an unprotected environment",
      routeAction: actionOf(deploymentsRoute.POST),
      run: (w) =>
        deployVersion({
          ctx: w.ctx,
          projectId: w.project.id,
          projectSlug: w.project.slug,
          actor: w.actor,
          environmentSlug: "development",
          promptId,
          version: 1 + Math.round(Math.random()),
        }),
      allowed: ["OWNER", "ADMIN", "REVIEWER", "EDITOR"],
    },
    {
      name: "deploy directly to a protected environment",
      routeAction: actionOf(deploymentsRoute.POST),
      run: (w) =>
        deployVersion({
          ctx: w.ctx,
          projectId: w.project.id,
          projectSlug: w.project.slug,
          actor: w.actor,
          environmentSlug: "production",
          promptId,
          version: 2,
        }),
      allowed: [],
    },
    {
      name: "roll a protected environment back in an emergency",
      routeAction: actionOf(deploymentsRoute.POST),
      run: (w) =>
        deployVersion({
          ctx: w.ctx,
          projectId: w.project.id,
          projectSlug: w.project.slug,
          actor: w.actor,
          environmentSlug: "production",
          promptId,
          version: 1,
          emergencyRollback: true,
          reason: "matrix",
        }),
      allowed: ["OWNER", "ADMIN"],
    },
    {
      name: "add an environment",
      routeAction: actionOf(environmentsRoute.POST),
      run: (w) =>
        createEnvironment({
          ctx: w.ctx,
          projectId: w.project.id,
          name: unique("qa"),
          protected: false,
          requiredApprovals: 1,
        }),
      allowed: ["OWNER", "ADMIN"],
    },
  ];

  for (const op of operations) {
    it(`${op.name}: ${op.allowed.length ? op.allowed.join(", ") : "nobody"}`, async () => {
      const outcomes: Record<string, string> = {};
      for (const role of roles) {
        const who = actorOf(role);
        outcomes[role] = await requireProjectPermission({
          user: member(role),
          projectSlug: fixture.project.slug,
          action: op.routeAction,
        })
          .then(() => op.run(who))
          .then(
            () => "allowed",
            // Anything but "forbidden" (e.g. a 409 because someone else already promoted) means the role got past the rules.
            (error: { code?: string }) => (error.code === "forbidden" ? "forbidden" : "allowed"),
          );
      }
      expect(outcomes).toEqual(
        Object.fromEntries(roles.map((r) => [r, op.allowed.includes(r) ? "allowed" : "forbidden"])),
      );
    });
  }
});
