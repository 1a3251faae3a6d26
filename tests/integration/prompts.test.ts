import { beforeAll, describe, expect, it } from "vitest";

import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { listVersions } from "@/lib/prompts/list-versions";
import { saveVersion } from "@/lib/prompts/save-version";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { listPromptsQuerySchema, type PromptContent } from "@/lib/validations/prompt";

import { ctxFor, makeProject } from "./helpers";

const text = (template: string, extra: Partial<PromptContent> = {}): PromptContent => ({
  template,
  contract: { variables: [] },
  modelConfig: {},
  ...extra,
});

describe("prompts, drafts and versions", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["EDITOR", "EDITOR"]);
  });
  const editor = () => fixture.members[0]!.user;
  const other = () => fixture.members[1]!.user;
  const projectId = () => fixture.project.id;

  it("saves numbered immutable versions with line counts and a contract that follows the text", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "support/refund-reply", type: "TEXT", description: "Refunds", tags: ["support"] },
    });
    const v1 = await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "First draft",
      content: text("Dear {{customer}},\nwe refund {{amount}}.\n", {
        contract: {
          variables: [
            { name: "amount", type: "number", required: true, description: "In EUR" },
            { name: "unused", type: "string", required: true },
          ],
        },
      }),
    });
    expect(v1).toMatchObject({ number: 1, linesAdded: 2, linesRemoved: 0 });
    const stored = await getVersionOrThrow({ projectId: projectId(), promptId: prompt.id, number: 1 });
    // Declared specs survive for variables in use; detected ones are added; unused ones dropped.
    expect(stored.content.contract.variables).toEqual([
      { name: "customer", type: "string", required: true },
      { name: "amount", type: "number", required: true, description: "In EUR" },
    ]);

    const v2 = await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 1,
      message: "Warmer",
      content: text("Hi {{customer}},\nwe refund {{amount}}.\nThanks!\n"),
    });
    expect(v2).toMatchObject({ number: 2, linesAdded: 2, linesRemoved: 1 });
    await expect(
      db.promptVersion.updateMany({ where: { promptId: prompt.id }, data: { message: "rewritten" } }),
    ).rejects.toThrow(/immutable/);

    const history = await listVersions({ projectId: projectId(), promptId: prompt.id });
    expect(history.versions.map((v) => [v.number, v.message])).toEqual([
      [2, "Warmer"],
      [1, "First draft"],
    ]);
    const audit = await db.auditEntry.findMany({
      where: { projectId: projectId(), targetId: prompt.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["prompt.create", "prompt.version-create", "prompt.version-create"]);
  });

  it("opens the latest version as the working copy, and refuses a save based on an old version with 409 and the newer version", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "greeting", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "v1",
      content: text("Hello"),
    });
    const opened = await getPromptDetail({ projectId: projectId(), promptId: prompt.id, userId: editor().id });
    expect(opened.working).toMatchObject({ baseVersion: 1, content: { template: "Hello" }, earlierDraft: null });

    // A version cannot hold a broken template: the error names the line and column.
    await expect(
      saveVersion({
        ctx: ctxFor(editor()),
        projectId: projectId(),
        promptId: prompt.id,
        authorId: editor().id,
        baseVersion: 1,
        message: "broken",
        content: text("Hello {{#unclosed}}"),
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: {
        issues: [
          {
            path: "content.template",
            message: "Line 1, column 7: Section {{#unclosed}} is never closed: add {{/unclosed}}.",
          },
        ],
      },
    });

    await saveVersion({
      ctx: ctxFor(other()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: other().id,
      baseVersion: 1,
      message: "theirs",
      content: text("Hello there"),
    });
    const conflict = await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 1,
      message: "mine",
      content: text("Hello you"),
    }).catch((e) => e);
    expect(conflict).toMatchObject({
      code: "conflict",
      details: { latestVersion: 2, version: { number: 2, message: "theirs" } },
    });
    expect((await getVersionOrThrow({ projectId: projectId(), promptId: prompt.id, number: 2 })).content.template).toBe(
      "Hello there",
    );
  });

  it("checks chat prompts' shape and references to other prompts", async () => {
    const chat = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "chat/agent", type: "CHAT", description: "", tags: [] },
    });
    await expect(
      saveVersion({
        ctx: ctxFor(editor()),
        projectId: projectId(),
        promptId: chat.id,
        authorId: editor().id,
        baseVersion: 0,
        message: "text in a chat prompt",
        content: text("not chat"),
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const content: PromptContent = {
      messages: [
        { role: "system", content: "You are {{persona}}. {{> greeting}} {{> greeting@9}} {{> nope}}" },
        { role: "placeholder", name: "history" },
        { role: "user", content: "{{question}}" },
      ],
      contract: { variables: [] },
      modelConfig: { temperature: 0.2 },
    };
    const error = await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: chat.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "v1",
      content,
    }).catch((e) => e);
    expect(error.details.issues.map((i: { message: string }) => i.message)).toEqual([
      "{{> greeting@9}}: greeting has no version 9 (latest is 2).",
      "{{> nope}}: there is no prompt named nope in this project.",
    ]);
    content.messages![0] = { role: "system", content: "You are {{persona}}. {{> greeting}}" };
    await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: chat.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "v1",
      content,
    });
    const v1 = await getVersionOrThrow({ projectId: projectId(), promptId: chat.id, number: 1 });
    expect(v1.content.contract.variables.map((v) => [v.name, v.type])).toEqual([
      ["persona", "string"],
      ["question", "string"],
      ["history", "messages"],
    ]);
  });

  it("renames with history kept and the old name still found, archives, and lists with search and stable pages", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "drafts/old-name", type: "TEXT", description: "", tags: ["x"] },
    });
    await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "v1",
      content: text("needle in the text"),
    });
    await updatePrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      changes: { name: "final/new-name" },
    });
    expect(await findPromptByName({ projectId: projectId(), name: "drafts/old-name" })).toMatchObject({
      movedTo: "final/new-name",
      prompt: { id: prompt.id },
    });
    await expect(
      createPrompt({
        ctx: ctxFor(editor()),
        projectId: projectId(),
        input: { name: "drafts/old-name", type: "TEXT", description: "", tags: [] },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await listVersions({ projectId: projectId(), promptId: prompt.id })).versions).toHaveLength(1);

    const q = (query: Record<string, string>) =>
      listPrompts({ projectId: projectId(), query: listPromptsQuerySchema.parse(query) });
    expect((await q({ q: "NEEDLE" })).prompts.map((p) => p.name)).toEqual(["final/new-name"]);
    // Chat prompts are found by the text of their messages too.
    expect((await q({ q: "you are {{persona}}" })).prompts.map((p) => p.name)).toEqual(["chat/agent"]);
    expect((await q({ folder: "final" })).prompts.map((p) => p.name)).toEqual(["final/new-name"]);
    expect((await q({ tag: "support" })).prompts.map((p) => p.name)).toEqual(["support/refund-reply"]);

    await updatePrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      changes: { archived: true },
    });
    expect((await q({ q: "needle" })).prompts).toEqual([]);
    expect((await q({ archived: "true" })).prompts.map((p) => p.name)).toEqual(["final/new-name"]);

    // Pages of 2 walk every prompt exactly once, newest change first.
    const all = (await q({ limit: "200" })).prompts.map((p) => p.name);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof q>> = await q({ limit: "2", ...(cursor ? { cursor } : {}) });
      paged.push(...page.prompts.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });
});

describe("deleting a prompt", () => {
  beforeAll(applyMigrations);

  it("needs the name typed, refuses while another prompt references it, and keeps an audit record", async () => {
    const { project, members } = await makeProject(["ADMIN"]);
    const admin = members[0]!.user;
    const ctx = ctxFor(admin);
    const sig = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: "shared/sig", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx,
      projectId: project.id,
      promptId: sig.id,
      authorId: admin.id,
      baseVersion: 0,
      message: "v1",
      content: text("-- Acme"),
    });
    const user = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx,
      projectId: project.id,
      promptId: user.id,
      authorId: admin.id,
      baseVersion: 0,
      message: "v1",
      content: text("Hello\n{{> shared/sig}}"),
    });

    await expect(
      deletePrompt({ ctx, projectId: project.id, promptId: sig.id, confirmName: "shared/si" }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      deletePrompt({ ctx, projectId: project.id, promptId: sig.id, confirmName: "shared/sig" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "shared/sig is used by support/reply ({{> shared/sig}}). Remove those references first.",
    });
    await saveVersion({
      ctx,
      projectId: project.id,
      promptId: user.id,
      authorId: admin.id,
      baseVersion: 1,
      message: "v2",
      content: text("Hello"),
    });
    await deletePrompt({ ctx, projectId: project.id, promptId: sig.id, confirmName: "shared/sig" });
    expect(await db.prompt.count({ where: { id: sig.id } })).toBe(0);
    expect(await db.promptVersion.count({ where: { promptId: sig.id } })).toBe(0);
    expect(await db.auditEntry.findFirst({ where: { targetId: sig.id, action: "prompt.delete" } })).toMatchObject({
      before: { name: "shared/sig" },
    });
  });
});
