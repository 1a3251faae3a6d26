// The shared working copy's storage (lib/collab/storage) and relay (lib/collab/relay) over real
// WebSockets: seeding from versions and from the private drafts it replaces, edits stored before
// they are acknowledged and compacted later, saving (co-authors) and resetting with people
// connected, a server killed right after acknowledging an edit, and, on PostgreSQL, two instances
// whose clients converge within the 500 ms.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";

import { docParts, promptDocName, readLastSave, readWorkingCopy } from "@/lib/collab/prompt-doc";
import { getEarlierDraft } from "@/lib/collab/storage/get-earlier-draft";
import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { resetLiveDocument } from "@/lib/collab/storage/reset-live-document";
import { saveLiveVersion } from "@/lib/collab/storage/save-live-version";
import { updatePromptDetails } from "@/lib/collab/storage/update-prompt-details";
import { closeDatabase, db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { saveVersion } from "@/lib/prompts/save-version";
import type { PromptContent } from "@/lib/validations/prompt";

import {
  collabAddress,
  connectClient,
  sessionCookie,
  startCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type CollabAddress,
  type CollabClient,
  type CollabTestServer,
} from "./collab-harness";
import { ctxFor, makeProject, unique } from "./helpers";

const kind = process.env.GALLEY_TEST_DB;
const text = (template: string): PromptContent => ({ template, contract: { variables: [] }, modelConfig: {} });
const template = (client: CollabClient) => docParts(client.doc).template.toString();

describe(`the shared working copy on ${kind}`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  // This process's live server, as server.ts runs it (on PostgreSQL with its relay, listening `relayUps` times).
  let here: CollabTestServer;
  let relayUps = 0;
  const startHere = () => {
    relayUps = 0;
    return startCollabServer({ live: true, onRelayListening: () => relayUps++ });
  };
  let cookies: string[];
  const clients: CollabClient[] = [];
  const editor = (i: number) => fixture.members[i]!.user;
  const projectId = () => fixture.project.id;
  /** An editor with the server's copy of the prompt, on this process's server or another instance. */
  const connect = async (promptId: string, user: number, at: CollabAddress = here) => {
    const client = connectClient({ server: at, cookie: cookies[user]!, documentName: promptDocName(promptId) });
    clients.push(client);
    await waitSynced(client);
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
    // Minted up front: on PGlite the kill test lends the database to another process.
    cookies = await Promise.all(fixture.members.map((m) => sessionCookie(m.user)));
    here = await startHere();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await here?.close();
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
    await waitAcknowledged(client);
    const rows = await db.promptLiveUpdate.findMany({ where: { promptId: prompt.id } });
    expect(rows.map((r) => r.userId)).toContain(editor(1).id);

    // The last person leaving compacts at once (Hocuspocus runs the debounced store).
    client.destroy();
    await waitFor(
      async () => (await db.promptLiveUpdate.count({ where: { promptId: prompt.id } })) === 0,
      "the rows to be compacted",
    );
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
    await waitAcknowledged(b);
    await waitFor(() => template(a) === "Dear customer, thank you", "b's edit to reach a");
    docParts(a.doc).template.insert(template(a).length, ".");
    await waitAcknowledged(a);

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
      await waitFor(() => readWorkingCopy(client.doc).baseVersion === 2, "the new base version");
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
    for (const client of [a, b]) await waitFor(() => template(client) === "Dear customer,", "the reset");

    // The description changed through the API reaches the copy everyone is editing.
    await updatePromptDetails({
      ctx: ctxFor(editor(1)),
      projectId: projectId(),
      promptId: prompt.id,
      changes: { description: "Thanks customers" },
    });
    await waitFor(() => readWorkingCopy(a.doc).description === "Thanks customers", "the new description");
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
      // This process's server stops (its documents stored and unloaded, its presence rows gone). On
      // PGlite the database belongs to one process: this one lets go of it while the child owns it.
      clients.splice(0).forEach((c) => c.destroy());
      await here.close();
      if (kind === "pglite") await closeDatabase();
      const live = await startChild();
      const client = await connect(prompt.id, 2, collabAddress(live.port));
      docParts(client.doc).template.insert(template(client).length, ", acknowledged");
      await waitAcknowledged(client);
      await kill(live.child);
      client.destroy();

      // A server started here stands in for the restarted one (a second child costs seconds): same
      // database, same code, nothing in memory from before.
      here = await startHere();
      const after = await connect(prompt.id, 0);
      expect(template(after)).toBe("Before the crash, acknowledged");
    });

    if (kind === "postgres")
      it("relays edits (within 500 ms) and presence between two instances", async () => {
        const prompt = await newPrompt([""]);
        const [one, two] = await Promise.all([startChild(), startChild()]);
        const [a, b] = await Promise.all([
          connect(prompt.id, 0, collabAddress(one.port)),
          connect(prompt.id, 1, collabAddress(two.port)),
        ]);
        // One edit each way first, not timed: the children's first queries, notices and fetches
        // (fresh processes) would otherwise be measured as relay latency.
        const pairs = [
          [a, b],
          [b, a],
        ] as const;
        for (const [from, to] of pairs) {
          docParts(from.doc).template.insert(0, "warm ");
          await waitFor(() => template(to) === template(from), "the warm-up edit on the other instance", 5000);
        }
        const latencies: number[] = [];
        for (let i = 0; i < 10; i++) {
          const [from, to] = i % 2 ? [b, a] : [a, b];
          const word = `w${i} `;
          // Timed when the update arrives (not when a poll notices it).
          let arrived = 0;
          const onUpdate = () => void (arrived ||= template(to).includes(word) ? performance.now() : 0);
          to.doc.on("update", onUpdate);
          const started = performance.now();
          docParts(from.doc).template.insert(0, word);
          await waitFor(() => arrived > 0, `edit ${i} on the other instance`, 5000);
          to.doc.off("update", onUpdate);
          latencies.push(arrived - started);
        }
        console.log(`relay between instances, ms per edit: ${latencies.map((l) => l.toFixed(1)).join(", ")}`);
        expect(template(a)).toBe(template(b));
        expect(Math.max(...latencies)).toBeLessThanOrEqual(500);

        // Presence travels too: who is on the prompt, seen from the other instance.
        a.provider.setAwarenessField("user", { id: editor(0).id, name: editor(0).name });
        await waitFor(
          () => [...b.provider.awareness!.getStates().values()].some((s) => s.user?.id === editor(0).id),
          "presence to reach the other instance",
          5000,
        );
        await Promise.all([kill(one.child), kill(two.child)]);
      });

    if (kind === "postgres")
      it("catches up on edits made while its relay was disconnected", async () => {
        const prompt = await newPrompt(["Start"]);
        const other = await startChild();
        await waitFor(() => relayUps === 1, "this process's relay to listen");
        const [mine, there] = await Promise.all([
          connect(prompt.id, 0),
          connect(prompt.id, 1, collabAddress(other.port)),
        ]);
        // Every relay loses its connection; the edit made before they are back is never notified to this one.
        const listeners = () =>
          db.$queryRaw<Array<{ pid: number }>>`
            SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN galley_collab'`;
        for (const { pid } of await listeners()) await db.$queryRaw`SELECT pg_terminate_backend(${pid})`;
        await waitFor(async () => (await listeners()).length === 0, "every relay to lose its connection", 5000);
        docParts(there.doc).template.insert(5, " (while the relay was down)");
        await waitAcknowledged(there);
        await waitFor(() => template(mine) === "Start (while the relay was down)", "the catch-up");
        expect(relayUps).toBe(2);
        await kill(other.child);
      });
  });
});
