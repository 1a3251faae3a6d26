import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import { deliverDueWebhooks, GIVE_UP_AFTER_MS, RETRY_BASE_MS } from "@/lib/webhooks/deliver-due-webhooks";
import { createWebhook, redeliverWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";

import { ctxFor, makeProject } from "./helpers";

type Received = { headers: http.IncomingHttpHeaders; body: string };

describe("webhooks", () => {
  const received: Received[] = [];
  let answer = 500;
  let receiver: http.Server;
  let url: string;
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let secret: string;
  let webhookId: string;
  const member = (role: string) => fixture.members.find((m) => m.role === role)!.user;
  const deliveries = () => db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });
  const save = (n: number) =>
    saveVersion({
      ctx: ctxFor(member("EDITOR")),
      projectId: fixture.project.id,
      promptId,
      authorId: member("EDITOR").id,
      baseVersion: n - 1,
      message: `v${n}`,
      content: { template: `v${n}`, contract: { variables: [] }, modelConfig: {} },
    });

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end(answer >= 400 ? "not today" : "");
      });
    });
    // Idle connections stay open for the whole file: with Node's 5 s default, a delivery reusing a
    // connection the receiver was closing got ECONNRESET on a loaded machine (a retry, but a failed
    // first attempt), which is a keep-alive race, not what these tests are about.
    receiver.keepAliveTimeout = 10 * 60_000;
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await applyMigrations();
    fixture = await makeProject(["OWNER", "REVIEWER", "EDITOR"]);
    promptId = (
      await createPrompt({
        ctx: ctxFor(member("EDITOR")),
        projectId: fixture.project.id,
        input: { name: "hooks/prompt", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    const hook = await createWebhook({
      ctx: ctxFor(member("OWNER")),
      projectId: fixture.project.id,
      creatorId: member("OWNER").id,
      input: {
        url,
        events: [
          "prompt.version.created",
          "prompt.deployed",
          "prompt.rolled_back",
          "review.requested",
          "review.approved",
        ],
      },
    });
    secret = hook.secret;
    webhookId = hook.id;
    expect(secret).toMatch(/^whsec_/);
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  it("queues an event with the change, retries with backoff while the receiver fails, and delivers a signed request once it recovers", async () => {
    await save(1);
    const [queued] = await deliveries();
    expect(queued).toMatchObject({ event: "prompt.version.created", status: "pending", attempts: 0 });

    const t0 = new Date();
    expect(await deliverDueWebhooks({ now: t0 })).toBe(1);
    expect(received).toHaveLength(1);
    const [afterFailure] = await deliveries();
    expect(afterFailure).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      responseBody: "not today",
      error: "The endpoint answered 500",
    });
    expect(afterFailure!.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_BASE_MS);
    expect(await deliverDueWebhooks({ now: new Date(t0.getTime() + RETRY_BASE_MS - 1) })).toBe(0);
    const t1 = new Date(t0.getTime() + RETRY_BASE_MS);
    expect(await deliverDueWebhooks({ now: t1 })).toBe(1);
    expect((await deliveries())[0]!.nextAttemptAt.getTime()).toBe(t1.getTime() + RETRY_BASE_MS * 2);

    answer = 204;
    expect(await deliverDueWebhooks({ now: new Date(t1.getTime() + RETRY_BASE_MS * 2) })).toBe(1);
    expect((await deliveries())[0]).toMatchObject({
      status: "delivered",
      attempts: 3,
      responseStatus: 204,
      error: null,
    });
    const last = received[received.length - 1]!;
    expect(last.headers["galley-event"]).toBe("prompt.version.created");
    expect(last.headers["galley-webhook-id"]).toBe(queued!.id);
    const timestamp = Number(last.headers["galley-timestamp"]);
    expect(
      verifyWebhookSignature({
        secret,
        timestamp,
        body: last.body,
        signature: String(last.headers["galley-signature"]),
      }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: "whsec_wrong",
        timestamp,
        body: last.body,
        signature: String(last.headers["galley-signature"]),
      }),
    ).toBe(false);
    expect(JSON.parse(last.body)).toMatchObject({
      id: queued!.id,
      event: "prompt.version.created",
      data: { prompt: "hooks/prompt", version: 1 },
    });
  });

  it("sends deploys, rollbacks, review requests and approvals, each once even with two workers at it", async () => {
    received.length = 0;
    await save(2);
    const editor = member("EDITOR");
    const deploy = (version: number) =>
      deployVersion({
        ctx: ctxFor(editor),
        projectId: fixture.project.id,
        projectSlug: fixture.project.slug,
        actor: { id: editor.id, name: editor.name, role: "EDITOR" },
        environmentSlug: "development",
        promptId,
        version,
      });
    await deploy(2);
    await deploy(1);
    const review = await createReview({
      ctx: ctxFor(editor),
      project: fixture.project,
      actor: { id: editor.id, name: editor.name, role: "EDITOR" },
      input: {
        promptId,
        version: 2,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description: "",
      },
    });
    const reviewer = member("REVIEWER");
    await decideReview({
      ctx: ctxFor(reviewer),
      project: fixture.project,
      actor: { id: reviewer.id, name: reviewer.name, role: "REVIEWER" },
      number: review.number,
      decision: "approve",
      body: "",
    });
    const now = new Date();
    const [a, b] = await Promise.all([deliverDueWebhooks({ now }), deliverDueWebhooks({ now })]);
    expect(a + b).toBe(5);
    expect(received.map((r) => r.headers["galley-event"])).toEqual(
      expect.arrayContaining([
        "prompt.version.created",
        "prompt.deployed",
        "prompt.rolled_back",
        "review.requested",
        "review.approved",
      ]),
    );
    expect(received).toHaveLength(5);
    const rolled = JSON.parse(received.find((r) => r.headers["galley-event"] === "prompt.rolled_back")!.body);
    expect(rolled.data).toMatchObject({
      prompt: "hooks/prompt",
      environment: "development",
      fromVersion: 2,
      toVersion: 1,
    });
  });

  it("gives up 24 hours after the event, and redelivers on request", async () => {
    answer = 503;
    await save(3);
    const latest = async () => (await deliveries()).filter((d) => d.event === "prompt.version.created").at(-1)!;
    for (let i = 0; i < 60 && (await latest()).status === "pending"; i++)
      await deliverDueWebhooks({ now: (await latest()).nextAttemptAt });
    const failed = await latest();
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBeGreaterThan(5);
    expect(failed.lastAttemptAt!.getTime() - failed.createdAt.getTime()).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);

    answer = 200;
    const again = await redeliverWebhook({
      ctx: ctxFor(member("OWNER")),
      projectId: fixture.project.id,
      webhookId,
      deliveryId: failed.id,
    });
    await deliverDueWebhooks();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "delivered",
      event: "prompt.version.created",
    });
  });

  it("queues nothing for a paused webhook or an event it does not subscribe to", async () => {
    await updateWebhook({
      ctx: ctxFor(member("OWNER")),
      projectId: fixture.project.id,
      webhookId,
      changes: { active: false },
    });
    const before = (await deliveries()).length;
    await save(4);
    await updateWebhook({
      ctx: ctxFor(member("OWNER")),
      projectId: fixture.project.id,
      webhookId,
      changes: { active: true, events: ["review.approved"] },
    });
    await save(5);
    expect((await deliveries()).length).toBe(before);
  });
});
