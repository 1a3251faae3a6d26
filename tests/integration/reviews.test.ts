import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteReview } from "@/lib/deployments/promote-review";
import { diffEnvironment } from "@/lib/environments/environment-at";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { closeReview } from "@/lib/reviews/close-review";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import { getReviewDetail } from "@/lib/reviews/get-review-detail";
import { listReviews } from "@/lib/reviews/list-reviews";
import { pushReviewVersion } from "@/lib/reviews/push-review-version";
import { resolveThread } from "@/lib/reviews/resolve-thread";
import type { ReviewActor } from "@/lib/reviews/review-actor";
import { updateProfile } from "@/lib/users/update-profile";

import { ctxFor, makeProject } from "./helpers";

// A real SMTP server on loopback receives what Galley sends when SMTP_URL is set.
const mail: Array<{ to: string; raw: string }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, done) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString()));
    stream.on("end", () => {
      for (const to of session.envelope.rcptTo) mail.push({ to: to.address, raw });
      done();
    });
  },
});
const waitFor = async <T>(get: () => T | undefined, ms = 5000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe("reviews and promotion", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const member = (role: ProjectRole, nth = 0) => fixture.members.filter((m) => m.role === role)[nth]!.user;
  const as = (role: ProjectRole, nth = 0): ReviewActor => {
    const user = member(role, nth);
    return { ctx: ctxFor(user), project: fixture.project, actor: { id: user.id, name: user.name, role } };
  };
  const save = async (n: number, text: string, author = member("EDITOR")) =>
    saveVersion({
      ctx: ctxFor(author),
      projectId: fixture.project.id,
      promptId,
      authorId: author.id,
      baseVersion: n - 1,
      message: `v${n}`,
      content: { template: text, contract: { variables: [] }, modelConfig: {} },
    });
  const open = (version: number, reviewers = [member("REVIEWER").id]) =>
    createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version,
        environment: "production",
        reviewerIds: reviewers,
        title: "",
        description: "Please check the tone @" + member("REVIEWER").email.split("@")[0],
      },
    });
  const status = async (number: number) =>
    (await db.review.findFirstOrThrow({ where: { projectId: fixture.project.id, number } })).status;
  const running = async () =>
    (await db.environmentPrompt.findFirst({ where: { promptId, environment: { slug: "production" } } }))?.version ??
    null;

  beforeAll(async () => {
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    await applyMigrations();
    fixture = await makeProject(["OWNER", "ADMIN", "REVIEWER", "REVIEWER", "EDITOR", "VIEWER"]);
    const prompt = await createPrompt({
      ctx: ctxFor(member("EDITOR")),
      projectId: fixture.project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    promptId = prompt.id;
    await save(1, "Hello.\nBe kind.");
    await save(2, "Hello.\nBe kind and brief.");
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it("asks the chosen reviewers, who must be members that may approve, and notifies them in the inbox and by email", async () => {
    await expect(
      createReview({
        ...as("EDITOR"),
        input: {
          promptId,
          version: 2,
          environment: "production",
          reviewerIds: [member("VIEWER").id],
          title: "",
          description: "",
        },
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [{ path: "reviewerIds", message: expect.stringMatching(/cannot approve/) }] },
    });
    await expect(
      createReview({
        ...as("EDITOR"),
        input: {
          promptId,
          version: 9,
          environment: "production",
          reviewerIds: [member("REVIEWER").id],
          title: "",
          description: "",
        },
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: "version" }] } });
    const review = await open(2);
    expect(review.number).toBe(1);
    expect(await status(1)).toBe("OPEN");
    const inbox = await listNotifications({ userId: member("REVIEWER").id });
    expect(inbox.unread).toBe(1);
    expect(inbox.notifications[0]).toMatchObject({
      kind: "review-requested",
      href: `/p/${fixture.project.slug}/reviews/1`,
      read: false,
    });
    const email = await waitFor(() => mail.find((m) => m.to === member("REVIEWER").email));
    expect(email.raw).toMatch(/asks you to review support\/reply v2 for Production/);
    expect(email.raw).toMatch(/Content-Type: text\/html/);
    expect(email.raw).toMatch(/Content-Type: text\/plain/);
    await markNotificationsRead({ userId: member("REVIEWER").id, all: true });
    expect((await listNotifications({ userId: member("REVIEWER").id })).unread).toBe(0);
  });

  it("ignores self-approval, needs a comment to request changes, and tracks line comments in resolvable threads with @mentions", async () => {
    await expect(decideReview({ ...as("EDITOR"), number: 1, decision: "approve", body: "" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      decideReview({ ...as("REVIEWER"), number: 1, decision: "request-changes", body: " " }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const thread = await commentOnReview({
      ...as("REVIEWER"),
      number: 1,
      body: `"brief" drops the apology. @${member("EDITOR").email.split("@")[0]} can you keep it?`,
      line: 2,
    });
    expect(thread.mentioned).toEqual([member("EDITOR").name]);
    await expect(commentOnReview({ ...as("REVIEWER"), number: 1, body: "x", line: 3 })).rejects.toMatchObject({
      details: { issues: [{ path: "line", message: "Version 2 has 2 lines; choose a line from 1 to 2." }] },
    });
    await commentOnReview({ ...as("EDITOR"), number: 1, body: "Fixed in v3.", threadId: thread.id });
    await decideReview({ ...as("REVIEWER"), number: 1, decision: "request-changes", body: "Keep the apology." });
    expect(await status(1)).toBe("CHANGES_REQUESTED");
    const inbox = (await listNotifications({ userId: member("EDITOR").id })).notifications.map((n) => n.kind);
    expect(inbox).toEqual(expect.arrayContaining(["mentioned", "changes-requested"]));
    await resolveThread({ ...as("EDITOR"), number: 1, threadId: thread.id, resolved: true });
    const detail = await getReviewDetail({ projectId: fixture.project.id, number: 1 });
    expect(detail.threads).toMatchObject([
      { line: 2, version: 2, resolved: true, resolvedBy: member("EDITOR").name, replies: [{ body: "Fixed in v3." }] },
    ]);
  });

  it("marks approvals stale when the author pushes a new version, and promotes only with current approvals", async () => {
    await save(3, "Hello.\nBe kind and brief. Apologise once.");
    await expect(pushReviewVersion({ ...as("REVIEWER"), number: 1, version: 3 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await pushReviewVersion({ ...as("EDITOR"), number: 1, version: 3 });
    expect(await status(1)).toBe("OPEN");
    await decideReview({ ...as("REVIEWER"), number: 1, decision: "approve", body: "" });
    expect(await status(1)).toBe("APPROVED");
    await save(4, "Hello.\nBe kind and brief. Apologise once. Sign off.");
    await pushReviewVersion({ ...as("EDITOR"), number: 1, version: 4 });
    const detail = await getReviewDetail({ projectId: fixture.project.id, number: 1 });
    expect(detail.approval).toMatchObject({ status: "OPEN", approvals: [], stale: [member("REVIEWER").name] });
    await expect(promoteReview({ ...as("EDITOR"), number: 1 })).rejects.toMatchObject({
      code: "conflict",
      message: "Review #1 needs 1 approval of version 4; it has 0.",
    });
    // A viewer cannot promote; nor can a second approval by the author count.
    await expect(promoteReview({ ...as("VIEWER"), number: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("asks for re-approval when the environment moved since the approval, then promotes with the review recorded", async () => {
    await decideReview({ ...as("REVIEWER"), number: 1, decision: "approve", body: "Good now." });
    // Meanwhile a second review promotes v1 to production, so review #1's base moved.
    const second = await open(1, [member("REVIEWER", 1).id]);
    await decideReview({ ...as("REVIEWER", 1), number: second.number, decision: "approve", body: "" });
    await promoteReview({ ...as("REVIEWER", 1), number: second.number });
    expect(await running()).toBe(1);
    expect(await status(1)).toBe("OPEN");
    await expect(promoteReview({ ...as("EDITOR"), number: 1 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/changed since the approval: it now runs version 1/),
    });
    const detail = await getReviewDetail({ projectId: fixture.project.id, number: 1 });
    expect(detail).toMatchObject({ openedBase: null, currentBase: 1, baseText: "Hello.\nBe kind." });

    await decideReview({ ...as("REVIEWER"), number: 1, decision: "approve", body: "Still good against v1." });
    const t = new Date();
    const promoted = await promoteReview({ ...as("EDITOR"), number: 1 });
    expect(promoted).toMatchObject({ fromVersion: 1, toVersion: 4, kind: "review" });
    expect(await status(1)).toBe("PROMOTED");
    expect(await running()).toBe(4);
    const deployment = await db.deployment.findFirstOrThrow({ where: { promptId, toVersion: 4 } });
    expect(deployment).toMatchObject({
      reviewNumber: 1,
      actorName: member("EDITOR").name,
      reason: "support/reply to Production",
    });
    expect(
      await diffEnvironment({
        projectId: fixture.project.id,
        environmentSlug: "production",
        from: new Date(t.getTime() - 1),
        to: new Date(),
      }),
    ).toMatchObject([{ promptName: "support/reply", from: 1, to: 4 }]);
    await expect(promoteReview({ ...as("EDITOR"), number: 1 })).rejects.toMatchObject({
      code: "conflict",
      message: "Review #1 is promoted; open a new review to change it.",
    });
    expect((await listNotifications({ userId: member("REVIEWER").id })).notifications[0]).toMatchObject({
      kind: "promoted",
    });
    expect(
      await db.auditEntry.count({
        where: {
          projectId: fixture.project.id,
          action: {
            in: [
              "review.open",
              "review.approve",
              "review.request-changes",
              "review.push",
              "review.promote",
              "review.comment",
              "deployment.review",
            ],
          },
        },
      }),
    ).toBeGreaterThanOrEqual(10);
  });

  it("lets an admin roll production back with a reason, telling the people behind the version", async () => {
    const admin = member("ADMIN");
    const rollback = (reason: string) =>
      deployVersion({
        ctx: ctxFor(admin),
        projectId: fixture.project.id,
        projectSlug: fixture.project.slug,
        actor: { id: admin.id, name: admin.name, role: "ADMIN" },
        environmentSlug: "production",
        promptId,
        version: 1,
        emergencyRollback: true,
        reason,
        expectedVersion: 4,
      });
    await expect(rollback("")).rejects.toMatchObject({ code: "validation_failed" });
    expect(await rollback("v4 signs off in the wrong language")).toMatchObject({
      kind: "emergency-rollback",
      fromVersion: 4,
      toVersion: 1,
    });
    const inbox = await listNotifications({ userId: member("EDITOR").id });
    expect(inbox.notifications[0]).toMatchObject({
      kind: "rolled-back",
      body: "Reason: v4 signs off in the wrong language",
    });
  });

  it("sends no email to someone who turned email off, but still fills their inbox", async () => {
    const reviewer = member("REVIEWER", 1);
    await updateProfile({ ctx: ctxFor(reviewer), userId: reviewer.id, emailNotifications: false });
    await save(5, "Hello again.");
    const review = await open(5, [reviewer.id, member("REVIEWER").id]);
    const about = (m: { raw: string }) => m.raw.includes(`/reviews/${review.number}`);
    await waitFor(() => mail.find((m) => m.to === member("REVIEWER").email && about(m)));
    expect(mail.filter((m) => m.to === reviewer.email && about(m))).toEqual([]);
    expect((await listNotifications({ userId: reviewer.id, unreadOnly: true })).notifications[0]).toMatchObject({
      kind: "review-requested",
    });
  });

  it("lists reviews to review, mine and all, with filters", async () => {
    const reviewer = member("REVIEWER", 1);
    const toReview = await listReviews({
      projectId: fixture.project.id,
      userId: reviewer.id,
      filter: { scope: "to-review" },
    });
    expect(toReview.reviews.map((r) => r.number)).toEqual([3]);
    const mine = await listReviews({
      projectId: fixture.project.id,
      userId: member("EDITOR").id,
      filter: { scope: "mine" },
    });
    expect(mine.reviews.map((r) => r.number)).toEqual([3]);
    const promoted = await listReviews({
      projectId: fixture.project.id,
      userId: reviewer.id,
      filter: { scope: "all", status: "PROMOTED", environment: "production", prompt: "support" },
    });
    expect(promoted.reviews.map((r) => r.number)).toEqual([2, 1]);
    await closeReview({ ...as("EDITOR"), number: 3, reopen: false, body: "Not needed." });
    expect(await status(3)).toBe("CLOSED");
    await closeReview({ ...as("EDITOR"), number: 3, reopen: true, body: "" });
    expect(await status(3)).toBe("OPEN");
  });

  it("counts the decision of a reviewer nobody asked, who then joins the review's reviewers", async () => {
    const team = await makeProject(["REVIEWER", "REVIEWER", "EDITOR"]);
    const [asked, unasked, author] = team.members.map((m) => m.user);
    const actor = (u: typeof author, role: ProjectRole): ReviewActor => ({
      ctx: ctxFor(u!),
      project: team.project,
      actor: { id: u!.id, name: u!.name, role },
    });
    const prompt = await createPrompt({
      ctx: ctxFor(author!),
      projectId: team.project.id,
      input: { name: "greeting", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx: ctxFor(author!),
      projectId: team.project.id,
      promptId: prompt.id,
      authorId: author!.id,
      baseVersion: 0,
      message: "v1",
      content: { template: "Hi.", contract: { variables: [] }, modelConfig: {} },
    });
    const review = await createReview({
      ...actor(author, "EDITOR"),
      input: {
        promptId: prompt.id,
        version: 1,
        environment: "production",
        reviewerIds: [asked!.id],
        title: "",
        description: "",
      },
    });

    await decideReview({ ...actor(unasked, "REVIEWER"), number: review.number, decision: "approve", body: "" });
    const detail = await db.review.findUniqueOrThrow({ where: { id: review.id }, include: { reviewers: true } });
    expect(detail.status).toBe("APPROVED");
    expect(detail.reviewers.map((r) => r.userId).sort()).toEqual([asked!.id, unasked!.id].sort());
    const toReview = await listReviews({
      projectId: team.project.id,
      userId: unasked!.id,
      filter: { scope: "to-review" },
    });
    expect(toReview.reviews.map((r) => r.number)).toEqual([review.number]);
  });
});
