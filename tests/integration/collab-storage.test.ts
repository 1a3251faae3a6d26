// The shared working copy's storage (lib/collab/storage) and relay (lib/collab/relay) over real
// WebSockets: seeding from versions and from the private drafts it replaces, edits stored before
// they are acknowledged and compacted later, saving (co-authors) and resetting with people
// connected, a server killed right after acknowledging an edit, and, on PostgreSQL, two instances
// whose clients converge within the 500 ms.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Server } from "@hocuspocus/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";

import { docParts, promptDocName, readLastSave, readWorkingCopy } from "@/lib/collab/prompt-doc";
import { startLiveRelay } from "@/lib/collab/relay/start-live-relay";
import { getEarlierDraft } from "@/lib/collab/storage/get-earlier-draft";
import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { setLiveServer } from "@/lib/collab/storage/live-server";
import { resetLiveDocument } from "@/lib/collab/storage/reset-live-document";
import { saveLiveVersion } from "@/lib/collab/storage/save-live-version";
import { updatePromptDetails } from "@/lib/collab/storage/update-prompt-details";
import { closeDatabase, db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { saveVersion } from "@/lib/prompts/save-version";
import type { PromptContent } from "@/lib/validations/prompt";

import { acknowledged, connectClient, startCollabServer, waitFor, type Client } from "./collab-storage-harness";
import { ctxFor, makeProject, unique } from "./helpers";

const kind = process.env.GALLEY_TEST_DB;
const text = (template: string): PromptContent => ({ template, contract: { variables: [] }, modelConfig: {} });
const template = (client: Client) => docParts(client.doc).template.toString();

/** Waits for a database condition (compaction runs in the background after a debounce). */
async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the database");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`the shared working copy on ${kind}`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let server: Server;
  const clients: Client[] = [];
  const editor = (i: number) => fixture.members[i]!.user;
  const projectId = () => fixture.project.id;
  const connect = async (promptId: string, user: number, port = server.address.port) => {
    const client = await connectClient({ port, documentName: promptDocName(promptId), userId: editor(user).id });
    clients.push(client);
    return client;
  };
  const newPrompt = async (versions: string[], description = "") => {
    const prompt = await createPrompt({
      ctx: ctxFor(editor(0)),
      projectId: projectId(),
      input: { name: unique("live"), type: "TEXT", description, tags: [] },
    });
    for (const [i, t] of versions.entries()) {
      await saveVersion({
        ctx: ctxFor(editor(0)),
        projectId: projectId(),
        promptId: prompt.id,
        authorId: editor(0).id,
        baseVersion: i,
        message: `v${i + 1}`,
        content: text(t),
      });
    }
    return prompt;
  };

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["EDITOR", "EDITOR", "EDITOR"]);
    server = await startCollabServer();
    setLiveServer(server.hocuspocus);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    setLiveServer(null);
    await server?.destroy();
  });

  it("starts from the latest version, or from the newest private draft on it, keeping the other drafts", async () => {
    const plain = await newPrompt(["Hello", "Hello {{name}}"], "Greets");
    const seeded = await connect(plain.id, 0);
    expect(readWorkingCopy(seeded.doc)).toMatchObject({
      baseVersion: 2,
      content: { template: "Hello {{name}}" },
      description: "Greets",
    });

    // Three private drafts from before live editing: two on the latest version, one on an older one.
    const drafted = await newPrompt(["One", "Two"]);
    const draft = (user: number, baseVersion: number, t: string, updatedAt: Date) =>
      db.promptDraft.create({
        data: { promptId: drafted.id, userId: editor(user).id, baseVersion, content: text(t), updatedAt },
      });
    await draft(0, 2, "Two, edited earlier", new Date(Date.now() - 60_000));
    await draft(1, 2, "Two, edited last", new Date());
    await draft(2, 1, "One, edited", new Date());
    const [a, b] = await Promise.all([connect(drafted.id, 0), connect(drafted.id, 1)]);
    for (const client of [a, b]) expect(template(client)).toBe("Two, edited last");
    // The newest draft is the shared copy now (its owner its first editor); the others wait for their owners.
    expect(await db.promptDraft.findMany({ where: { promptId: drafted.id }, select: { userId: true } })).toHaveLength(
      2,
    );
    expect(await db.promptLiveDocument.findUniqueOrThrow({ where: { promptId: drafted.id } })).toMatchObject({
      editorIds: [editor(1).id],
    });
    const mine = await getPromptDetail({ projectId: projectId(), promptId: drafted.id, userId: editor(0).id });
    expect(mine.working).toMatchObject({ content: { template: "Two, edited last" }, earlierDraft: { baseVersion: 2 } });
    expect(await getEarlierDraft({ projectId: projectId(), promptId: drafted.id, userId: editor(2).id })).toMatchObject(
      { baseVersion: 1, content: { template: "One, edited" } },
    );
    await expect(
      getEarlierDraft({ projectId: projectId(), promptId: drafted.id, userId: editor(1).id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores each edit before acknowledging it, then compacts the rows into the state and writes the description through", async () => {
    const prompt = await newPrompt(["Hi"], "Old description");
    const client = await connect(prompt.id, 1);
    client.doc.transact(() => {
      docParts(client.doc).template.insert(2, " there");
      const description = docParts(client.doc).description;
      description.delete(0, description.length);
      description.insert(0, "New description");
    });
    await acknowledged(client);
    const rows = await db.promptLiveUpdate.findMany({ where: { promptId: prompt.id } });
    expect(rows.map((r) => r.userId)).toContain(editor(1).id);

    // The last person leaving compacts at once (Hocuspocus runs the debounced store).
    client.close();
    await until(async () => (await db.promptLiveUpdate.count({ where: { promptId: prompt.id } })) === 0);
    const stored = await db.promptLiveDocument.findUniqueOrThrow({ where: { promptId: prompt.id } });
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.state);
    expect(readWorkingCopy(reloaded)).toMatchObject({
      content: { template: "Hi there" },
      description: "New description",
    });
    expect(stored.editorIds).toEqual([editor(1).id]);
    expect(await db.prompt.findUniqueOrThrow({ where: { id: prompt.id } })).toMatchObject({
      description: "New description",
    });
    expect(
      await db.auditEntry.findFirst({
        where: { targetId: prompt.id, action: "prompt.update" },
        select: { actorId: true, after: true },
      }),
    ).toEqual({ actorId: editor(1).id, after: { description: "New description" } });
  });

  it("saves the copy as a version with its co-authors, moves everyone's base version, resets it, and takes the description from the API", async () => {
    const prompt = await newPrompt(["Dear customer,"]);
    const [a, b] = await Promise.all([connect(prompt.id, 0), connect(prompt.id, 1)]);
    docParts(b.doc).template.insert(template(b).length, " thank you");
    await acknowledged(b);
    await waitFor(a.doc, () => template(a) === "Dear customer, thank you");
    docParts(a.doc).template.insert(template(a).length, ".");
    await acknowledged(a);

    const saved = await saveLiveVersion({
      ctx: ctxFor(editor(0)),
      projectId: projectId(),
      promptId: prompt.id,
      authorId: editor(0).id,
      message: "Thank them",
      baseVersion: 1,
    });
    expect(saved).toMatchObject({
      number: 2,
      author: editor(0).name,
      coAuthors: [{ id: editor(1).id, name: editor(1).name }],
    });
    const version = await getVersionOrThrow({ projectId: projectId(), promptId: prompt.id, number: 2 });
    expect(version.content.template).toBe("Dear customer, thank you.");
    for (const client of [a, b]) {
      await waitFor(client.doc, () => readWorkingCopy(client.doc).baseVersion === 2);
      expect(readLastSave(client.doc)).toMatchObject({ version: 2, by: editor(0).name });
    }
    // Nobody has edited since: the next version would have no co-authors yet.
    expect((await db.promptLiveDocument.findUniqueOrThrow({ where: { promptId: prompt.id } })).editorIds).toEqual([]);
    // A save from the old base is refused, as any stale save is.
    await expect(
      saveLiveVersion({
        ctx: ctxFor(editor(1)),
        projectId: projectId(),
        promptId: prompt.id,
        authorId: editor(1).id,
        message: "late",
        baseVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "conflict", details: { latestVersion: 2 } });

    expect(
      await resetLiveDocument({ projectId: projectId(), promptId: prompt.id, version: 1, userId: editor(1).id }),
    ).toEqual({ baseVersion: 2 });
    for (const client of [a, b]) await waitFor(client.doc, () => template(client) === "Dear customer,");

    // The description changed through the API reaches the copy everyone is editing.
    await updatePromptDetails({
      ctx: ctxFor(editor(1)),
      projectId: projectId(),
      promptId: prompt.id,
      changes: { description: "Thanks customers" },
    });
    await waitFor(a.doc, () => readWorkingCopy(a.doc).description === "Thanks customers");
  });

  describe("in other processes", () => {
    const children = new Set<ChildProcess>();
    afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

    /** A live-editing server in a child process on this file's database; resolves with its port. */
    const startChild = () =>
      new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/collab-server-child.ts"], {
          env: { ...process.env, TSX_TSCONFIG_PATH: path.join(process.cwd(), "tsconfig.json") },
          stdio: ["ignore", "pipe", "pipe"],
        });
        children.add(child);
        let stderr = "";
        child.stderr!.on("data", (d) => {
          stderr += d;
          if (process.env.DEBUG_COLLAB) process.stderr.write(d);
        });
        child.stdout!.on("data", (d: Buffer) => {
          const port = /listening (\d+)/.exec(String(d))?.[1];
          if (port) resolve({ child, port: Number(port) });
        });
        child.on("exit", (code) => reject(new Error(`the live server exited (${code}): ${stderr}`)));
      });
    const kill = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        children.delete(child);
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      });

    it("loses no acknowledged edit when the server is killed right after acknowledging it", async () => {
      const prompt = await newPrompt(["Before the crash"]);
      // PGlite belongs to one process: this one lets go of the data folder while the child owns it,
      // once its own server has stored and unloaded everything (compaction would open it again).
      if (kind === "pglite") {
        clients.splice(0).forEach((c) => c.close());
        await until(async () => server.hocuspocus.documents.size === 0);
        await closeDatabase();
      }
      const live = await startChild();
      const client = await connect(prompt.id, 2, live.port);
      docParts(client.doc).template.insert(template(client).length, ", acknowledged");
      await acknowledged(client);
      await kill(live.child);
      client.close();

      // This process's server stands in for the restarted one (a second child costs seconds): same
      // database, same code, nothing in memory from before.
      const after = await connect(prompt.id, 0);
      expect(template(after)).toBe("Before the crash, acknowledged");
    });

    if (kind === "postgres")
      it("relays edits (within 500 ms) and presence between two instances", async () => {
        const prompt = await newPrompt([""]);
        const [one, two] = await Promise.all([startChild(), startChild()]);
        const [a, b] = await Promise.all([connect(prompt.id, 0, one.port), connect(prompt.id, 1, two.port)]);
        const latencies: number[] = [];
        for (let i = 0; i < 10; i++) {
          const [from, to] = i % 2 ? [b, a] : [a, b];
          const word = `w${i} `;
          const started = performance.now();
          docParts(from.doc).template.insert(0, word);
          await waitFor(to.doc, () => template(to).includes(word), 5000);
          latencies.push(performance.now() - started);
        }
        console.log(`relay between instances, ms per edit: ${latencies.map((l) => l.toFixed(1)).join(", ")}`);
        expect(template(a)).toBe(template(b));
        expect(Math.max(...latencies)).toBeLessThanOrEqual(500);

        // Presence travels too: who is on the prompt, seen from the other instance.
        a.provider.setAwarenessField("user", { id: editor(0).id, name: editor(0).name });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("presence did not reach the other instance")), 5000);
          const seen = () => [...b.provider.awareness!.getStates().values()].some((s) => s.user?.id === editor(0).id);
          const check = () => seen() && (clearTimeout(timer), b.provider.awareness!.off("change", check), resolve());
          b.provider.awareness!.on("change", check);
          check();
        });
        await Promise.all([kill(one.child), kill(two.child)]);
      });

    if (kind === "postgres")
      it("catches up on edits made while its relay was disconnected", async () => {
        const prompt = await newPrompt(["Start"]);
        let listening = 0;
        const stopRelay = startLiveRelay(server.hocuspocus, { onListening: () => listening++ });
        try {
          const other = await startChild();
          await until(async () => listening === 1);
          const [here, there] = await Promise.all([connect(prompt.id, 0), connect(prompt.id, 1, other.port)]);
          // Every relay loses its connection; the edit made before they are back is never notified to this one.
          const listeners = () =>
            db.$queryRaw<Array<{ pid: number }>>`
              SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN galley_collab'`;
          for (const { pid } of await listeners()) await db.$queryRaw`SELECT pg_terminate_backend(${pid})`;
          await until(async () => (await listeners()).length === 0, 5000);
          docParts(there.doc).template.insert(5, " (while the relay was down)");
          await acknowledged(there);
          await waitFor(here.doc, () => template(here) === "Start (while the relay was down)");
          expect(listening).toBe(2);
          await kill(other.child);
        } finally {
          await stopRelay();
        }
      });
  });
});
