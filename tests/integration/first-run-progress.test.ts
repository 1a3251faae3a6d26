// The first-run checklist on a project's home ticks itself off from what exists in the database.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getFirstRunProgress } from "@/lib/onboarding/get-first-run-progress";

import { makeProject, makeUser, unique } from "./helpers";

// The server's own OPENAI_API_KEY counts as a connected provider; this file checks the project's.
delete process.env.OPENAI_API_KEY;

const nothing = { prompt: false, provider: false, reviewer: false, apiKey: false };

describe("getFirstRunProgress", () => {
  beforeAll(applyMigrations);

  it("starts with nothing done, and each item ticks when its row appears", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const progress = () => getFirstRunProgress({ projectId: project.id, userId: owner.id });
    expect(await progress()).toEqual(nothing);

    await db.prompt.create({ data: { projectId: project.id, name: "support/reply", type: "TEXT" } });
    expect(await progress()).toEqual({ ...nothing, prompt: true });

    await db.provider.create({ data: { projectId: project.id, name: "Local", kind: "OPENAI_COMPATIBLE" } });
    expect(await progress()).toEqual({ ...nothing, prompt: true, provider: true });

    await db.invite.create({
      data: {
        projectId: project.id,
        email: `${unique("r")}@example.test`,
        role: "REVIEWER",
        tokenHash: unique("hash"),
        createdById: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect(await progress()).toEqual({ prompt: true, provider: true, reviewer: true, apiKey: false });

    await db.apiKey.create({
      data: {
        projectId: project.id,
        name: "app",
        prefix: "gk_test",
        hash: unique("hash"),
        scopes: ["prompts:read"],
        createdById: owner.id,
        createdByName: owner.name,
      },
    });
    expect(await progress()).toEqual({ prompt: true, provider: true, reviewer: true, apiKey: true });
  });

  it("counts only someone else who may approve: not the viewer, not an editor, not a dead invite", async () => {
    const { project, members } = await makeProject(["OWNER", "EDITOR"]);
    const owner = members[0]!.user;
    const progress = () => getFirstRunProgress({ projectId: project.id, userId: owner.id });
    const invite = (over: { role: "REVIEWER" | "EDITOR"; expiresAt?: Date; revokedAt?: Date }) =>
      db.invite.create({
        data: {
          projectId: project.id,
          email: `${unique("i")}@example.test`,
          tokenHash: unique("hash"),
          createdById: owner.id,
          expiresAt: new Date(Date.now() + 86_400_000),
          ...over,
        },
      });
    await invite({ role: "EDITOR" });
    await invite({ role: "REVIEWER", expiresAt: new Date(Date.now() - 1000) });
    await invite({ role: "REVIEWER", revokedAt: new Date() });
    expect((await progress()).reviewer).toBe(false);

    // The owner may approve, but a project with only its owner has nobody to review their changes;
    // seen by another member, the owner is that reviewer.
    const editor = members[1]!.user;
    expect((await getFirstRunProgress({ projectId: project.id, userId: editor.id })).reviewer).toBe(true);

    const admin = await makeUser(unique("admin"));
    await db.membership.create({ data: { projectId: project.id, userId: admin.id, role: "ADMIN" } });
    expect((await progress()).reviewer).toBe(true);
  });

  it("does not count a revoked API key, nor another project's rows", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const other = await makeProject(["OWNER", "REVIEWER"]);
    const owner = members[0]!.user;
    await db.prompt.create({ data: { projectId: other.project.id, name: "elsewhere", type: "TEXT" } });
    await db.provider.create({ data: { projectId: other.project.id, name: "Other", kind: "OPENAI" } });
    await db.apiKey.create({
      data: {
        projectId: project.id,
        name: "revoked",
        prefix: "gk_rev",
        hash: unique("hash"),
        scopes: ["prompts:read"],
        createdById: owner.id,
        createdByName: owner.name,
        revokedAt: new Date(),
      },
    });
    expect(await getFirstRunProgress({ projectId: project.id, userId: owner.id })).toEqual(nothing);
  });
});
