import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { exportPrompts } from "@/lib/transfer/export-prompts";
import { importPrompts } from "@/lib/transfer/import-prompts";
import { formatPromptFile } from "@/lib/transfer/prompt-file";

import { ctxFor, makeProject } from "./helpers";

describe("export and import", () => {
  beforeAll(applyMigrations);

  it("round-trips every version through YAML and JSON, and re-importing changes only what differs", async () => {
    const a = await makeProject(["OWNER"]);
    const b = await makeProject(["OWNER"]);
    const owner = a.members[0]!.user;
    const ctx = ctxFor(owner);
    const sig = await createPrompt({
      ctx,
      projectId: a.project.id,
      input: { name: "shared/sig", type: "TEXT", description: "Sign-off", tags: ["x"] },
    });
    await saveVersion({
      ctx,
      projectId: a.project.id,
      promptId: sig.id,
      authorId: owner.id,
      baseVersion: 0,
      message: "v1",
      content: { template: "-- {{agent}}", contract: { variables: [] }, modelConfig: {} },
    });
    const chat = await createPrompt({
      ctx,
      projectId: a.project.id,
      input: { name: "support/reply", type: "CHAT", description: "", tags: [] },
    });
    const messages = [
      { role: "system" as const, content: "Help {{customer}}. {{> shared/sig}}" },
      { role: "placeholder" as const, name: "history" },
    ];
    await saveVersion({
      ctx,
      projectId: a.project.id,
      promptId: chat.id,
      authorId: owner.id,
      baseVersion: 0,
      message: "v1",
      content: { messages, contract: { variables: [] }, modelConfig: { temperature: 0.5 } },
    });
    await saveVersion({
      ctx,
      projectId: a.project.id,
      promptId: chat.id,
      authorId: owner.id,
      baseVersion: 1,
      message: "v2",
      content: { messages, contract: { variables: [] }, modelConfig: { temperature: 0.1 } },
    });

    const yaml = await exportPrompts({ projectId: a.project.id, projectSlug: a.project.slug, format: "yaml" });
    expect(
      parse(yaml.body).prompts.map((p: { name: string; versions: unknown[] }) => [p.name, p.versions.length]),
    ).toEqual([
      ["shared/sig", 1],
      ["support/reply", 2],
    ]);
    const bOwner = b.members[0]!.user;
    expect(
      await importPrompts({
        ctx: ctxFor(bOwner),
        projectId: b.project.id,
        userId: bOwner.id,
        format: "yaml",
        text: yaml.body,
      }),
    ).toEqual({ created: ["shared/sig", "support/reply"], updated: [], unchanged: [] });
    const imported = await db.prompt.findFirstOrThrow({
      where: { projectId: b.project.id, name: "support/reply" },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect(
      imported.versions.map((v) => [v.number, v.message, (v.modelConfig as { temperature: number }).temperature]),
    ).toEqual([
      [1, "v1", 0.5],
      [2, "v2", 0.1],
    ]);

    const json = await exportPrompts({ projectId: a.project.id, projectSlug: a.project.slug, format: "json" });
    expect(
      await importPrompts({
        ctx: ctxFor(bOwner),
        projectId: b.project.id,
        userId: bOwner.id,
        format: "json",
        text: json.body,
      }),
    ).toEqual({ created: [], updated: [], unchanged: ["shared/sig", "support/reply"] });

    const changed = JSON.parse(json.body);
    changed.prompts[1].versions[1].modelConfig.temperature = 0.9;
    expect(
      await importPrompts({
        ctx: ctxFor(bOwner),
        projectId: b.project.id,
        userId: bOwner.id,
        format: "json",
        text: JSON.stringify(changed),
      }),
    ).toEqual({ created: [], updated: ["support/reply"], unchanged: ["shared/sig"] });
    const latest = await db.promptVersion.findFirstOrThrow({
      where: { promptId: imported.id },
      orderBy: { number: "desc" },
    });
    expect([latest.number, latest.message]).toEqual([3, "Imported: v2"]);
  });

  it("checks the whole file first, lists every problem with its path, and writes nothing", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const bad = `galley: 1
prompts:
  - name: good/one
    type: text
    versions:
      - { number: 1, message: ok, template: "Fine {{x}}" }
  - name: Bad Name
    type: text
    versions:
      - { number: 1, message: ok, template: "x" }
  - name: broken/syntax
    type: chat
    versions:
      - { number: 2, message: ok, messages: [{ role: system, content: "Hi {{#open}}" }] }
      - { number: 2, message: ok, messages: [{ role: user, content: "{{> missing/prompt}}" }] }
`;
    const error = await importPrompts({
      ctx: ctxFor(owner),
      projectId: project.id,
      userId: owner.id,
      format: "yaml",
      text: bad,
    }).catch((e) => e);
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues).toEqual([
      { path: "prompts.1.name", message: expect.stringMatching(/lowercase letters/) },
    ]);

    const semantic = bad.replace("Bad Name", "bad/name");
    const error2 = await importPrompts({
      ctx: ctxFor(owner),
      projectId: project.id,
      userId: owner.id,
      format: "yaml",
      text: semantic,
    }).catch((e) => e);
    expect(error2.details.issues).toEqual([
      {
        path: "prompts.2.versions.0.number",
        message: "Versions must be numbered 1, 2, 3… in order; expected 1, found 2.",
      },
      {
        path: "prompts.2.versions.0.messages.0.content",
        message: "Line 1, column 4: Section {{#open}} is never closed: add {{/open}}.",
      },
      {
        path: "prompts.2.versions.1.messages.0.content",
        message: "{{> missing/prompt}}: there is no prompt named missing/prompt in this project.",
      },
    ]);
    expect(await db.prompt.count({ where: { projectId: project.id } })).toBe(0);

    const notYaml = await importPrompts({
      ctx: ctxFor(owner),
      projectId: project.id,
      userId: owner.id,
      format: "yaml",
      text: "prompts: [\n  - a: b\n   c",
    }).catch((e) => e);
    expect(notYaml.details.issues[0].message).toMatch(/^Not valid YAML at line \d+, column \d+/);
  });

  it("imports one prompt's file as galley pull writes it: created, then a new version only when it differs", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const run = (text: string) =>
      importPrompts({ ctx: ctxFor(owner), projectId: project.id, userId: owner.id, format: "yaml", text });
    const prompt = {
      name: "support/refund",
      type: "chat" as const,
      description: "Refunds",
      tags: ["support"],
      content: {
        messages: [{ role: "system" as const, content: "Help {{customer}}.\nBe brief." }],
        contract: { variables: [{ name: "customer", type: "string" as const, required: true }] },
        modelConfig: { model: "gpt-4o-mini", temperature: 0.2 },
      },
    };
    const file = formatPromptFile(prompt);
    expect(await run(file)).toEqual({ created: ["support/refund"], updated: [], unchanged: [] });
    expect(await run(file)).toEqual({ created: [], updated: [], unchanged: ["support/refund"] });
    const edited = formatPromptFile({
      ...prompt,
      content: { ...prompt.content, modelConfig: { model: "gpt-4o-mini", temperature: 0.7 } },
    });
    expect(await run(`${edited}message: Warmer\n`)).toEqual({
      created: [],
      updated: ["support/refund"],
      unchanged: [],
    });
    const stored = await db.prompt.findFirstOrThrow({
      where: { projectId: project.id, name: "support/refund" },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect([stored.description, stored.tags]).toEqual(["Refunds", ["support"]]);
    expect(
      stored.versions.map((v) => [v.number, v.message, (v.modelConfig as { temperature: number }).temperature]),
    ).toEqual([
      [1, "From a prompt file.", 0.2],
      [2, "Imported: Warmer", 0.7],
    ]);

    // Problems carry their line; a file without a name cannot say which prompt it is.
    await expect(run("type: text\ntemplate: Hi {{name\ntemprature: 1\n")).rejects.toMatchObject({
      details: {
        issues: [
          { path: "file", message: expect.stringMatching(/^Line 1, column 1: name:/) },
          { path: "file", message: expect.stringMatching(/^Line 2, column 14: template: Unclosed tag/) },
          { path: "file", message: 'Line 3, column 1: Unknown key "temprature".' },
        ],
      },
    });
  });
});
