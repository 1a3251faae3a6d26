// Who is on a project's live documents, as the prompt list and GET …/presence show it: presence
// rows the collaboration server keeps (one per instance, document and person), read back with
// stale rows ignored, one entry per person across instances, idle after two minutes without
// input, and never another project's rows.
import { beforeAll, describe, expect, it } from "vitest";

import { listPresence } from "@/lib/collab/presence/list-presence";
import { db } from "@/lib/db";

import { makeProject } from "./helpers";
import { callRoute, signInAs } from "./route-client";

const NOW = new Date("2026-11-26T12:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe("listPresence", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let other: Awaited<ReturnType<typeof makeProject>>;
  const user = (role: string) => f.members.find((m) => m.role === role)!.user;
  const row = (o: {
    instance?: string;
    doc: string;
    userId: string;
    projectId?: string;
    active: number;
    seen: number;
  }) =>
    db.collabPresence.create({
      data: {
        instanceId: o.instance ?? "instance-a",
        documentName: o.doc,
        userId: o.userId,
        projectId: o.projectId ?? f.project.id,
        activeAt: ago(o.active),
        seenAt: ago(o.seen),
      },
    });

  beforeAll(async () => {
    f = await makeProject(["OWNER", "EDITOR", "REVIEWER", "VIEWER"]);
    other = await makeProject(["EDITOR"]);
    await db.user.update({ where: { id: user("EDITOR").id }, data: { name: "Ana Lima" } });
    await db.user.update({ where: { id: user("REVIEWER").id }, data: { name: "Ben Ortiz" } });
    // Ana on two instances: idle on one, typing 10 s ago on the other.
    await row({ doc: "prompt:p1", userId: user("EDITOR").id, active: 600, seen: 5 });
    await row({ instance: "instance-b", doc: "prompt:p1", userId: user("EDITOR").id, active: 10, seen: 20 });
    // Ben: last input 3 minutes ago, the server still sees him (heartbeat 30 s ago).
    await row({ doc: "prompt:p1", userId: user("REVIEWER").id, active: 180, seen: 30 });
    // The owner's row was last refreshed 80 s ago: their instance stopped without deleting it.
    await row({ doc: "prompt:p1", userId: user("OWNER").id, active: 80, seen: 80 });
    await row({ doc: "review:r1", userId: user("VIEWER").id, active: 119, seen: 1 });
    // Another project's person on a document of theirs, and (a forged name) on one named like ours.
    await row({ projectId: other.project.id, doc: "prompt:p2", userId: other.members[0]!.user.id, active: 1, seen: 1 });
    await row({ projectId: other.project.id, doc: "prompt:p1", userId: other.members[0]!.user.id, active: 1, seen: 1 });
  });

  it("lists each person once per document, active first, idle after two minutes, stale rows left out", async () => {
    const { documents } = await listPresence({ projectId: f.project.id, now: NOW });
    expect(documents).toEqual({
      "prompt:p1": [
        { userId: user("EDITOR").id, name: "Ana Lima", idle: false },
        { userId: user("REVIEWER").id, name: "Ben Ortiz", idle: true },
      ],
      "review:r1": [{ userId: user("VIEWER").id, name: user("VIEWER").name, idle: false }],
    });
  });

  it("shows another project only its own people", async () => {
    const { documents } = await listPresence({ projectId: other.project.id, now: NOW });
    const mine = other.members[0]!.user;
    expect(documents).toEqual({
      "prompt:p1": [{ userId: mine.id, name: mine.name, idle: false }],
      "prompt:p2": [{ userId: mine.id, name: mine.name, idle: false }],
    });
  });

  it("answers GET /api/projects/[project]/presence to a viewer, and nothing of it to a non-member", async () => {
    const viewerCookie = await signInAs(user("VIEWER"));
    const res = await callRoute("api/projects/[project]/presence/route.ts", {
      method: "GET",
      params: { project: f.project.slug },
      cookie: viewerCookie,
    });
    expect(res.status).toBe(200);
    // The rows were written for a fixed past moment, so now every one of them is stale.
    expect(await res.json()).toEqual({ documents: {} });
    await db.collabPresence.updateMany({ where: { projectId: f.project.id }, data: { seenAt: new Date() } });
    const fresh = (await (
      await callRoute("api/projects/[project]/presence/route.ts", {
        method: "GET",
        params: { project: f.project.slug },
        cookie: viewerCookie,
      })
    ).json()) as { documents: Record<string, unknown[]> };
    expect(Object.keys(fresh.documents).sort()).toEqual(["prompt:p1", "review:r1"]);
    expect(fresh.documents["prompt:p1"]).toHaveLength(3);

    const outsider = await callRoute("api/projects/[project]/presence/route.ts", {
      method: "GET",
      params: { project: f.project.slug },
      cookie: await signInAs(other.members[0]!.user),
    });
    expect(outsider.status).toBe(404);
  });
});
