// A PATCH changes only the fields it names. Every PATCH route in app/api is found on disk and must
// have a case here (a new route without one fails the first test); each case sends each field of
// the route's schema alone, through the real handler and a signed-in session, and every other
// field must keep its value. zod 4 applies `.default()` inside `.partial()`, which once let a
// position-only PATCH switch production's protection off.
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { secretHint } from "@/lib/crypto/secret-box";
import { createDataset } from "@/lib/datasets/create-dataset";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { changeRelease } from "@/lib/deployments/change-release";
import { createEnvironment } from "@/lib/environments/manage-environments";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { saveProvider } from "@/lib/providers/save-provider";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { createReview } from "@/lib/reviews/create-review";
import { updateProfileSchema } from "@/lib/validations/auth";
import { updateDatasetSchema } from "@/lib/validations/dataset";
import { updateEnvironmentSchema } from "@/lib/validations/environment";
import { updateEvaluatorSchema } from "@/lib/validations/evaluator";
import { updateLangfuseLabelsSchema } from "@/lib/validations/langfuse";
import { changeMemberRoleSchema, renameProjectSchema } from "@/lib/validations/project";
import { updatePromptSchema } from "@/lib/validations/prompt";
import { updateProviderSchema } from "@/lib/validations/provider";
import { rampReleaseSchema } from "@/lib/validations/release";
import { resolveThreadSchema } from "@/lib/validations/review";
import { updateWebhookSchema } from "@/lib/validations/webhook";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";

import { ctxFor, makeProject, placeVersion, unique } from "./helpers";
import { callRoute, routesExporting, signInAs } from "./route-client";

type Fixture = Awaited<ReturnType<typeof makeProject>>;
type Row = Record<string, unknown>;

type PatchCase = {
  /** The route's body schema: the patches below must send each of its fields. */
  schema: z.ZodObject;
  /** Makes the row to change (with no field at its default) and says how to read it back; an API-key route gives its key's headers. */
  setup: (
    f: Fixture,
  ) => Promise<{ params: Record<string, string>; read: () => Promise<Row>; headers?: Record<string, string> }>;
  /** Single-field bodies, applied in order; each must change that field and nothing else. */
  patches: Row[];
  /** What a patch changes in the row read back, when that is not the patch itself. */
  effect?: (patch: Row) => Row;
};

const owner = (f: Fixture) => f.members.find((m) => m.role === "OWNER")!.user;
const split = (first: number, second: number) => [
  { version: 1, weight: first },
  { version: 2, weight: second },
];
const textContent = (template: string) => ({ template, contract: { variables: [] }, modelConfig: {} });

/** A prompt with versions 1 and 2, version 1 running in the environments named. */
async function promptRunningV1(f: Fixture, name: string, slugs: string[]) {
  const prompt = await createPrompt({
    ctx: ctxFor(owner(f)),
    projectId: f.project.id,
    input: { name, type: "TEXT", description: "", tags: [] },
  });
  for (const n of [1, 2])
    await saveVersion({
      ctx: ctxFor(owner(f)),
      projectId: f.project.id,
      promptId: prompt.id,
      authorId: owner(f).id,
      baseVersion: n - 1,
      message: `v${n}`,
      content: textContent(`Version ${n}`),
    });
  for (const slug of slugs)
    await placeVersion({ projectId: f.project.id, promptId: prompt.id, slug, version: 1, by: owner(f) });
  return prompt;
}

const cases: Record<string, PatchCase> = {
  "api/public/v2/prompts/[name]/versions/[version]/route.ts": {
    schema: updateLangfuseLabelsSchema,
    setup: async (f) => {
      const name = unique("patch/labels");
      const prompt = await promptRunningV1(f, name, ["development", "staging"]);
      const { secret } = await createApiKey({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        creator: { id: owner(f).id, name: owner(f).name },
        input: { name: unique("labels"), scopes: ["prompts:read", "prompts:write"], expiresAt: null },
      });
      const read = async () => {
        const pointers = await db.environmentPrompt.findMany({
          where: { promptId: prompt.id },
          select: { version: true, environment: { select: { slug: true } } },
        });
        return Object.fromEntries(pointers.map((p) => [p.environment.slug, p.version]));
      };
      return { params: { name, version: "2" }, read, headers: { authorization: `Bearer ${secret}` } };
    },
    // Moving development's label leaves staging's where it was.
    patches: [{ newLabels: ["development"] }],
    effect: () => ({ development: 2 }),
  },
  "api/account/route.ts": {
    schema: updateProfileSchema,
    setup: async (f) => {
      const me = owner(f);
      await db.user.update({ where: { id: me.id }, data: { name: "Ada Before", emailNotifications: false } });
      return {
        params: {},
        read: () =>
          db.user.findUniqueOrThrow({
            where: { id: me.id },
            select: { name: true, emailNotifications: true, email: true },
          }),
      };
    },
    patches: [{ name: "Ada After" }, { emailNotifications: true }, { emailNotifications: false }],
  },
  "api/projects/[project]/datasets/[datasetId]/route.ts": {
    schema: updateDatasetSchema,
    setup: async (f) => {
      const dataset = await createDataset({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        creatorId: owner(f).id,
        input: { name: unique("Golden"), description: "Before" },
      });
      const read = async () => {
        const row = await db.dataset.findUniqueOrThrow({
          where: { id: dataset.id },
          select: { name: true, description: true, archivedAt: true, latestVersion: true },
        });
        return {
          name: row.name,
          description: row.description,
          archived: row.archivedAt !== null,
          latest: row.latestVersion,
        };
      };
      return { params: { project: f.project.slug, datasetId: dataset.id }, read };
    },
    patches: [{ name: "Golden renamed" }, { description: "After" }, { archived: true }, { archived: false }],
  },
  "api/projects/[project]/evaluators/[evaluatorId]/route.ts": {
    schema: updateEvaluatorSchema,
    setup: async (f) => {
      const evaluator = await db.evaluator.create({
        data: {
          projectId: f.project.id,
          name: unique("Mentions refund"),
          kind: "contains",
          config: { values: ["refund"], mode: "any", ignoreCase: false },
          negate: false,
          weight: 1,
          createdById: owner(f).id,
        },
      });
      const read = async () => {
        const row = await db.evaluator.findUniqueOrThrow({ where: { id: evaluator.id } });
        return {
          name: row.name,
          kind: row.kind,
          config: row.config,
          negate: row.negate,
          weight: row.weight,
          archived: row.archivedAt !== null,
        };
      };
      return { params: { project: f.project.slug, evaluatorId: evaluator.id }, read };
    },
    patches: [
      { name: "Mentions credit" },
      { config: { values: ["credit"], mode: "all", ignoreCase: true } },
      { negate: true },
      { weight: 3 },
      { archived: true },
      { archived: false },
      { kind: "equals", config: { value: "yes", trim: false, ignoreCase: true } },
    ],
  },
  "api/projects/[project]/environments/[environment]/route.ts": {
    schema: updateEnvironmentSchema,
    setup: async (f) => {
      await createEnvironment({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        name: "Canary",
        protected: true,
        requiredApprovals: 3,
      });
      const read = () =>
        db.environment.findFirstOrThrow({
          where: { projectId: f.project.id, slug: "canary" },
          select: { name: true, slug: true, protected: true, requiredApprovals: true, position: true },
        });
      return { params: { project: f.project.slug, environment: "canary" }, read };
    },
    patches: [
      { position: 1 },
      { name: "Canary EU" },
      { requiredApprovals: 2 },
      { protected: true },
      { protected: false },
      { protected: true },
      { requiredApprovals: 4 },
    ],
  },
  "api/projects/[project]/members/[userId]/route.ts": {
    schema: changeMemberRoleSchema,
    setup: async (f) => {
      const editor = f.members.find((m) => m.role === "EDITOR")!.user;
      const read = () =>
        db.membership.findFirstOrThrow({
          where: { projectId: f.project.id, userId: editor.id },
          select: { role: true, userId: true, projectId: true },
        });
      return { params: { project: f.project.slug, userId: editor.id }, read };
    },
    patches: [{ role: "REVIEWER" }, { role: "EDITOR" }],
  },
  "api/projects/[project]/prompts/[promptId]/route.ts": {
    schema: updatePromptSchema,
    setup: async (f) => {
      const prompt = await createPrompt({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        input: { name: "support/patched", type: "TEXT", description: "Answers refunds.", tags: ["support", "refunds"] },
      });
      const read = async () => {
        const row = await db.prompt.findUniqueOrThrow({ where: { id: prompt.id } });
        return {
          name: row.name,
          description: row.description,
          tags: row.tags,
          archived: row.archivedAt !== null,
          type: row.type,
        };
      };
      return { params: { project: f.project.slug, promptId: prompt.id }, read };
    },
    patches: [
      { description: "Answers every refund." },
      { tags: ["billing"] },
      { name: "billing/patched" },
      { archived: true },
      { archived: false },
    ],
  },
  "api/projects/[project]/providers/[providerId]/route.ts": {
    schema: updateProviderSchema,
    setup: async (f) => {
      const provider = await saveProvider({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        input: {
          name: "Local",
          kind: "OPENAI_COMPATIBLE",
          baseUrl: "http://localhost:11434/v1",
          apiKey: "sk-stored-abcd",
          azureApiVersion: "2024-10-21",
          defaultModel: "llama3",
        },
      });
      const read = () =>
        db.provider.findUniqueOrThrow({
          where: { id: provider.id },
          select: {
            name: true,
            kind: true,
            baseUrl: true,
            apiKeyHint: true,
            azureApiVersion: true,
            defaultModel: true,
          },
        });
      return { params: { project: f.project.slug, providerId: provider.id }, read };
    },
    patches: [
      { name: "Local GPU" },
      { defaultModel: "qwen3" },
      { baseUrl: "http://localhost:11434/v2" },
      { azureApiVersion: "2025-01-01" },
      { apiKey: "sk-fresh-wxyz" },
      { kind: "OPENAI" },
    ],
    effect: (patch) => ("apiKey" in patch ? { apiKeyHint: secretHint(patch.apiKey as string) } : patch),
  },
  "api/projects/[project]/reviews/[number]/comments/[commentId]/route.ts": {
    schema: resolveThreadSchema,
    setup: async (f) => {
      const author = f.members.find((m) => m.role === "EDITOR")!.user;
      const reviewer = f.members.find((m) => m.role === "REVIEWER")!.user;
      const prompt = await createPrompt({
        ctx: ctxFor(author),
        projectId: f.project.id,
        input: { name: "support/reviewed", type: "TEXT", description: "", tags: [] },
      });
      await saveVersion({
        ctx: ctxFor(author),
        projectId: f.project.id,
        promptId: prompt.id,
        authorId: author.id,
        baseVersion: 0,
        message: "v1",
        content: textContent("Hello"),
      });
      const actor = {
        ctx: ctxFor(author),
        project: f.project,
        actor: { id: author.id, name: author.name, role: "EDITOR" as const },
      };
      const review = await createReview({
        ...actor,
        input: {
          promptId: prompt.id,
          version: 1,
          environment: "production",
          reviewerIds: [reviewer.id],
          title: "Greeting",
          description: "",
        },
      });
      const comment = await commentOnReview({
        ...actor,
        number: review.number,
        body: "Is this friendly enough?",
        line: 1,
      });
      const read = async () => {
        const row = await db.reviewComment.findUniqueOrThrow({ where: { id: comment.id } });
        return { resolved: row.resolvedAt !== null, body: row.body, line: row.line, version: row.version };
      };
      return { params: { project: f.project.slug, number: String(review.number), commentId: comment.id }, read };
    },
    patches: [{ resolved: true }, { resolved: false }],
  },
  "api/projects/[project]/route.ts": {
    schema: renameProjectSchema,
    setup: async (f) => ({
      params: { project: f.project.slug },
      read: () => db.project.findUniqueOrThrow({ where: { id: f.project.id }, select: { name: true, slug: true } }),
    }),
    patches: [{ name: "Renamed project" }],
  },
  // A ramp names the split it saw with the new one, so its bodies carry both; only the weights change.
  "api/projects/[project]/prompts/[promptId]/releases/[releaseId]/route.ts": {
    schema: rampReleaseSchema,
    setup: async (f) => {
      const prompt = await promptRunningV1(f, unique("patch/release"), ["development"]);
      const { release } = await changeRelease({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        projectSlug: f.project.slug,
        actor: { id: owner(f).id, name: owner(f).name, role: "OWNER" },
        promptId: prompt.id,
        step: { kind: "start", environmentSlug: "development", arms: split(90, 10) },
      });
      const read = () =>
        db.release.findUniqueOrThrow({
          where: { id: release!.id },
          select: { id: true, arms: true, status: true, baseVersion: true, endVersion: true, environmentId: true },
        });
      return { params: { project: f.project.slug, promptId: prompt.id, releaseId: release!.id }, read };
    },
    patches: [
      { arms: split(50, 50), expectedArms: split(90, 10) },
      { arms: split(20, 80), expectedArms: split(50, 50), reason: "Looks good" },
      { arms: split(10, 90), expectedArms: split(20, 80), gateOverrideReason: "No gate here" },
    ],
    effect: (patch) => ({ arms: patch.arms }),
  },
  "api/projects/[project]/webhooks/[webhookId]/route.ts": {
    schema: updateWebhookSchema,
    setup: async (f) => {
      const hook = await createWebhook({
        ctx: ctxFor(owner(f)),
        projectId: f.project.id,
        creatorId: owner(f).id,
        input: { url: "https://hooks.example.test/galley", events: ["prompt.deployed", "prompt.version.created"] },
      });
      await db.webhook.update({ where: { id: hook.id }, data: { active: false } });
      const read = () =>
        db.webhook.findUniqueOrThrow({
          where: { id: hook.id },
          select: { url: true, events: true, active: true, secretHint: true },
        });
      return { params: { project: f.project.slug, webhookId: hook.id }, read };
    },
    patches: [
      { url: "https://hooks.example.test/galley-2" },
      { events: ["prompt.rolled_back"] },
      { active: true },
      { active: false },
    ],
  },
};

describe("every PATCH route changes only the fields it names", () => {
  let fixture: Fixture;
  let cookie: string;

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["OWNER", "EDITOR", "REVIEWER"]);
    cookie = await signInAs(owner(fixture));
  });

  it("has a case for every PATCH route in app/api", () => {
    expect(Object.keys(cases).sort()).toEqual(routesExporting("PATCH"));
  });

  for (const [route, c] of Object.entries(cases)) {
    it(`${route.replace(/^api\//, "PATCH /api/").replace(/\/route\.ts$/, "")}: each field alone keeps every other one`, async () => {
      const sent = new Set(c.patches.flatMap((p) => Object.keys(p)));
      expect([...sent].sort(), "the patches send every field of the schema").toEqual(
        Object.keys(c.schema.shape).sort(),
      );
      const { params, read, headers } = await c.setup(fixture);
      for (const patch of c.patches) {
        const before = await read();
        const res = await callRoute(route, {
          method: "PATCH",
          params,
          body: patch,
          ...(headers ? { headers } : { cookie }),
        });
        expect(res.status, `${JSON.stringify(patch)} → ${await res.clone().text()}`).toBe(200);
        expect(await read(), `after ${JSON.stringify(patch)}`).toEqual({
          ...before,
          ...(c.effect ? c.effect(patch) : patch),
        });
      }
    });
  }
});

describe("a protected production stays protected whatever an admin edits", () => {
  beforeAll(applyMigrations);

  it("keeps protection and approvals through position, name and protect edits; an editor and a prompts:write key still cannot deploy to it", async () => {
    const f = await makeProject(["OWNER", "ADMIN", "EDITOR"]);
    const admin = f.members.find((m) => m.role === "ADMIN")!.user;
    const editor = f.members.find((m) => m.role === "EDITOR")!.user;
    const [adminCookie, editorCookie] = [await signInAs(admin), await signInAs(editor)];
    const route = "api/projects/[project]/environments/[environment]/route.ts";
    const patch = (body: Row) =>
      callRoute(route, {
        method: "PATCH",
        params: { project: f.project.slug, environment: "production" },
        cookie: adminCookie,
        body,
      });
    expect(await (await patch({ requiredApprovals: 2 })).json()).toMatchObject({
      protected: true,
      requiredApprovals: 2,
    });
    // What the ↑/↓ buttons, the rename field and the protect switch send.
    for (const body of [{ position: 0 }, { position: 2 }, { name: "Production (EU)" }, { protected: true }]) {
      expect(await (await patch(body)).json(), JSON.stringify(body)).toMatchObject({
        protected: true,
        requiredApprovals: 2,
      });
    }

    const prompt = await createPrompt({
      ctx: ctxFor(editor),
      projectId: f.project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx: ctxFor(editor),
      projectId: f.project.id,
      promptId: prompt.id,
      authorId: editor.id,
      baseVersion: 0,
      message: "v1",
      content: textContent("Hello"),
    });
    const deploy = await callRoute("api/projects/[project]/prompts/[promptId]/deployments/route.ts", {
      method: "POST",
      params: { project: f.project.slug, promptId: prompt.id },
      cookie: editorCookie,
      body: { environment: "production", version: 1 },
    });
    expect(deploy.status).toBe(403);
    expect(await deploy.json()).toMatchObject({
      error: { code: "forbidden", message: expect.stringMatching(/is protected/) },
    });

    const { secret } = await createApiKey({
      ctx: ctxFor(admin),
      projectId: f.project.id,
      creator: { id: admin.id, name: admin.name },
      input: { name: unique("ci"), scopes: ["prompts:read", "prompts:write"], expiresAt: null },
    });
    const fromCi = await callRoute("api/prompts/[...name]/route.ts", {
      method: "POST",
      params: { name: ["support", "reply", "versions"] },
      headers: { authorization: `Bearer ${secret}` },
      body: { content: textContent("Hello from CI"), message: "from CI", deploy: ["production"] },
    });
    expect(fromCi.status).toBe(403);
    expect(await db.environmentPrompt.count({ where: { promptId: prompt.id } })).toBe(0);
    expect(await db.promptVersion.count({ where: { promptId: prompt.id } })).toBe(1);
  });
});
