// Prompt content is parsed once where it is read from the database: a row that does not fit the
// content schema is a 500 naming the row, never content typed as valid that is not.
import { beforeAll, describe, expect, it } from "vitest";

import { getEarlierDraft } from "@/lib/collab/storage/get-earlier-draft";
import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { saveVersion } from "@/lib/prompts/save-version";
import { getServedPrompt } from "@/lib/serving/get-served-prompt";

import { ctxFor, makeProject } from "./helpers";

describe("stored prompt content", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["EDITOR"]);
  });
  const editor = () => fixture.members[0]!.user;
  const projectId = () => fixture.project.id;

  it("reads valid versions and drafts as typed content, with absent template or messages left out", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "support/greeting", type: "CHAT", description: "", tags: [] },
    });
    const content = {
      messages: [
        { role: "system" as const, content: "Greet {{name}}." },
        { role: "placeholder" as const, name: "history" },
      ],
      contract: { variables: [{ name: "name", type: "string" as const, required: true, default: "there" }] },
      modelConfig: { temperature: 0.2 },
    };
    await saveVersion({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "First",
      content,
    });
    const version = await getVersionOrThrow({ projectId: projectId(), promptId: prompt.id, number: 1 });
    expect(version.content).toEqual({
      ...content,
      contract: { variables: [...content.contract.variables, { name: "history", type: "messages", required: false }] },
    });
    expect(version.content).not.toHaveProperty("template");
    // A private draft from before live editing, on top of the latest version, becomes the working copy.
    await db.promptDraft.create({
      data: {
        promptId: prompt.id,
        userId: editor().id,
        baseVersion: 1,
        content: { ...content, modelConfig: { temperature: 1 } },
      },
    });
    const detail = await getPromptDetail({ projectId: projectId(), promptId: prompt.id, userId: editor().id });
    expect(detail.working).toMatchObject({
      baseVersion: 1,
      content: { messages: content.messages, modelConfig: { temperature: 1 } },
      earlierDraft: null,
    });
  });

  it("refuses a draft whose stored content does not fit the schema, instead of seeding the working copy with it or handing it out", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "support/broken-draft", type: "TEXT", description: "", tags: [] },
    });
    await db.promptDraft.create({
      data: {
        promptId: prompt.id,
        userId: editor().id,
        baseVersion: 0,
        content: { template: "Hi", contract: { variables: "everything" }, modelConfig: {} },
      },
    });
    const detail = await getPromptDetail({ projectId: projectId(), promptId: prompt.id, userId: editor().id });
    expect(detail.working).toMatchObject({ content: { template: "" }, earlierDraft: { baseVersion: 0 } });
    await expect(
      getEarlierDraft({ projectId: projectId(), promptId: prompt.id, userId: editor().id }),
    ).rejects.toMatchObject({
      code: "internal",
      message: `The stored content of the draft of prompt ${prompt.id} cannot be read.`,
    });
  });

  it("answers 500 on the hot path for a version row that does not fit, instead of serving it", async () => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: projectId(),
      input: { name: "support/broken-version", type: "TEXT", description: "", tags: [] },
    });
    // Written around the app, as a hand edit or a bug would: a temperature no request may set.
    await db.promptVersion.create({
      data: {
        promptId: prompt.id,
        number: 1,
        template: "Hi",
        contract: { variables: [] },
        modelConfig: { temperature: "hot" },
        message: "by hand",
        authorId: editor().id,
      },
    });
    await expect(
      getServedPrompt({ projectId: projectId(), name: "support/broken-version", query: { version: 1, resolve: true } }),
    ).rejects.toMatchObject({
      code: "internal",
      message: `The stored content of version 1 of prompt ${prompt.id} cannot be read.`,
    });
  });
});
