// Archived prompts are read-only: every way of changing one (studio and API key saves, the shared working copy,
// deploys, import, reviews, test cases, its own settings) answers 409 saying to restore it, and
// apps keep getting what they got before. Restoring works and makes it writable again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { saveTestCase } from "@/lib/playground/test-cases";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import { exportPrompts } from "@/lib/transfer/export-prompts";

import { ctxFor, makeProject, startHotPathServer } from "./helpers";
import { callRoute, signInAs, type RouteCall } from "./route-client";

const content = (template: string) => ({ template, contract: { variables: [] }, modelConfig: {} });
const NAME = "support/archived";
const refusal = { error: { code: "conflict", message: `${NAME} is archived; restore it to change it.` } };

describe("archived prompts are read-only", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let reviewNumber: number;
  let testCaseId: string;
  let cookie: string;
  let writeKey: string;
  let readKey: string;
  const as = (role: "EDITOR" | "REVIEWER") => {
    const user = f.members.find((m) => m.role === role)!.user;
    return { ctx: ctxFor(user), project: f.project, actor: { id: user.id, name: user.name, role } };
  };
  const studio = (route: string, call: Omit<RouteCall, "cookie">) =>
    callRoute(`api/projects/[project]/${route}`, {
      ...call,
      cookie,
      params: { project: f.project.slug, promptId, ...call.params },
    });
  let hotPath: Awaited<ReturnType<typeof startHotPathServer>>;
  const served = async () =>
    (await (
      await fetch(`${hotPath.base}/api/prompts/${NAME}?environment=development`, {
        headers: { authorization: `Bearer ${readKey}` },
      })
    ).json()) as { version: number; template: string };
  const state = async () => ({
    versions: await db.promptVersion.count({ where: { promptId } }),
    drafts: await db.promptDraft.count({ where: { promptId } }),
    liveEdits: await db.promptLiveUpdate.count({ where: { promptId } }),
    pointers: (
      await db.environmentPrompt.findMany({ where: { promptId }, include: { environment: { select: { slug: true } } } })
    )
      .map((p) => `${p.environment.slug}@${p.version}`)
      .sort(),
    testCases: await db.testCase.findMany({ where: { promptId }, select: { name: true, values: true } }),
    review: await db.review.findFirstOrThrow({
      where: { projectId: f.project.id, number: reviewNumber },
      select: { version: true, status: true },
    }),
    prompt: await db.prompt.findUniqueOrThrow({
      where: { id: promptId },
      select: { name: true, description: true, tags: true, latestVersion: true },
    }),
  });

  afterAll(() => hotPath?.close());

  beforeAll(async () => {
    await applyMigrations();
    hotPath = await startHotPathServer();
    f = await makeProject(["OWNER", "EDITOR", "REVIEWER"]);
    const editor = as("EDITOR");
    const owner = f.members.find((m) => m.role === "OWNER")!.user;
    promptId = (
      await createPrompt({
        ctx: editor.ctx,
        projectId: f.project.id,
        input: { name: NAME, type: "TEXT", description: "Kept for the record.", tags: ["old"] },
      })
    ).id;
    for (const n of [1, 2])
      await saveVersion({
        ctx: editor.ctx,
        projectId: f.project.id,
        promptId,
        authorId: editor.actor.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: content(`Hello v${n}`),
      });
    await deployVersion({
      ...editor,
      projectId: f.project.id,
      projectSlug: f.project.slug,
      environmentSlug: "development",
      promptId,
      version: 1,
    });
    reviewNumber = (
      await createReview({
        ...editor,
        input: {
          promptId,
          version: 1,
          environment: "production",
          reviewerIds: [as("REVIEWER").actor.id],
          title: "Ship v1",
          description: "",
        },
      })
    ).number;
    await decideReview({ ...as("REVIEWER"), number: reviewNumber, decision: "approve", body: "" });
    testCaseId = (
      await saveTestCase({
        projectId: f.project.id,
        promptId,
        userId: editor.actor.id,
        name: "refund",
        values: { x: 1 },
      })
    ).id;
    const key = (scopes: Array<"prompts:read" | "prompts:write">) =>
      createApiKey({
        ctx: ctxFor(owner),
        projectId: f.project.id,
        creator: { id: owner.id, name: owner.name },
        input: { name: scopes.join(" "), scopes, expiresAt: null },
      });
    writeKey = (await key(["prompts:read", "prompts:write"])).secret;
    readKey = (await key(["prompts:read"])).secret;
    cookie = await signInAs(f.members.find((m) => m.role === "EDITOR")!.user);
    const archived = await studio("prompts/[promptId]/route.ts", { method: "PATCH", body: { archived: true } });
    expect(await archived.json()).toMatchObject({ archived: true });
  });

  const attempts: Array<[string, () => Promise<Response>]> = [
    [
      "save a version in the studio",
      () =>
        studio("prompts/[promptId]/versions/route.ts", {
          method: "POST",
          body: { baseVersion: 2, message: "v3", content: content("Hello v3") },
        }),
    ],
    [
      "save a version with a prompts:write key (and deploy it)",
      () =>
        callRoute("api/prompts/[...name]/route.ts", {
          method: "POST",
          params: { name: [...NAME.split("/"), "versions"] },
          headers: { authorization: `Bearer ${writeKey}` },
          body: { content: content("Hello from CI"), message: "from CI", deploy: ["development"] },
        }),
    ],
    [
      "save the shared working copy as a version",
      () =>
        studio("prompts/[promptId]/live/save/route.ts", {
          method: "POST",
          body: { baseVersion: 2, message: "v3" },
        }),
    ],
    [
      "reset the shared working copy to a version",
      () => studio("prompts/[promptId]/live/reset/route.ts", { method: "POST", body: { version: 1 } }),
    ],
    [
      "deploy to an environment",
      () =>
        studio("prompts/[promptId]/deployments/route.ts", {
          method: "POST",
          body: { environment: "development", version: 2 },
        }),
    ],
    [
      "import a file that changes it",
      async () => {
        const file = JSON.parse(
          (await exportPrompts({ projectId: f.project.id, projectSlug: f.project.slug, format: "json" })).body,
        ) as { prompts: Array<{ versions: Array<{ template?: string }> }> };
        file.prompts[0]!.versions.at(-1)!.template = "Hello imported";
        return studio("import/route.ts", { method: "POST", body: { format: "json", content: JSON.stringify(file) } });
      },
    ],
    [
      "push a newer version to its review",
      () =>
        studio("reviews/[number]/version/route.ts", {
          method: "POST",
          params: { number: String(reviewNumber) },
          body: { version: 2 },
        }),
    ],
    [
      "promote its approved review",
      () =>
        studio("reviews/[number]/promote/route.ts", {
          method: "POST",
          params: { number: String(reviewNumber) },
          body: {},
        }),
    ],
    [
      "open a review",
      () =>
        studio("reviews/route.ts", {
          method: "POST",
          body: { promptId, version: 2, environment: "staging", reviewerIds: [as("REVIEWER").actor.id] },
        }),
    ],
    [
      "save a test case",
      () =>
        studio("prompts/[promptId]/test-cases/route.ts", {
          method: "POST",
          body: { name: "refund", values: { x: 2 } },
        }),
    ],
    [
      "delete a test case",
      () => studio("prompts/[promptId]/test-cases/[testCaseId]/route.ts", { method: "DELETE", params: { testCaseId } }),
    ],
    [
      "change its description",
      () => studio("prompts/[promptId]/route.ts", { method: "PATCH", body: { description: "New text" } }),
    ],
    [
      "rename it",
      () =>
        studio("prompts/[promptId]/route.ts", { method: "PATCH", body: { name: "support/renamed", archived: true } }),
    ],
    ["change its tags", () => studio("prompts/[promptId]/route.ts", { method: "PATCH", body: { tags: ["new"] } })],
  ];

  for (const [what, attempt] of attempts) {
    it(`refuses to ${what} with 409, changing nothing`, async () => {
      const before = await state();
      const res = await attempt();
      expect(await res.json()).toMatchObject(refusal);
      expect(res.status).toBe(409);
      expect(await state()).toEqual(before);
      expect(await served()).toMatchObject({ version: 1, template: "Hello v1" });
    });
  }

  it("still lets it be restored, with other changes in the same request, and then written again", async () => {
    const restored = await studio("prompts/[promptId]/route.ts", {
      method: "PATCH",
      body: { archived: false, description: "Back in use." },
    });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ archived: false, description: "Back in use." });
    const saved = await studio("prompts/[promptId]/versions/route.ts", {
      method: "POST",
      body: { baseVersion: 2, message: "v3", content: content("Hello v3") },
    });
    expect(saved.status).toBe(200);
    expect(
      await (
        await studio("prompts/[promptId]/deployments/route.ts", {
          method: "POST",
          body: { environment: "development", version: 3 },
        })
      ).json(),
    ).toMatchObject({ toVersion: 3 });
    expect(await served()).toMatchObject({ version: 3, template: "Hello v3" });
  });
});
