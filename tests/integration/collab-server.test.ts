// The live-editing server over real WebSockets: who gets in at the upgrade and per document, what a
// read-only connection can do, limits, and that simulated editors typing at once converge.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";

import { promptDocName, reviewDocName } from "@/lib/collab/prompt-doc";
import { parseReadOnlyNotice } from "@/lib/collab/read-only-notice";
import { refusals } from "@/lib/collab/refusals";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { MAX_TEMPLATE_BYTES } from "@/lib/templates/prompt-content";

import {
  connectClient,
  openSocket,
  sessionCookie,
  startCollabServer,
  waitAcknowledged,
  waitFor,
  waitSynced,
  type CollabClient,
  type CollabTestServer,
} from "./collab-harness";
import { makeProject, makeUser, unique } from "./helpers";

let server: CollabTestServer;
let project: Awaited<ReturnType<typeof makeProject>>;
const clients: CollabClient[] = [];
const sockets: WebSocket[] = [];

const cookieOf = (role: "OWNER" | "EDITOR" | "VIEWER") =>
  sessionCookie(project.members.find((m) => m.role === role)!.user);

async function makePrompt() {
  return db.prompt.create({ data: { projectId: project.project.id, name: unique("live"), type: "TEXT" } });
}

function connect(cookie: string, documentName: string, origin?: string) {
  const client = connectClient({ server, cookie, documentName, origin });
  clients.push(client);
  return client;
}

const serverText = (documentName: string) =>
  server.collab.hocuspocus.documents.get(documentName)?.getText("template").toString();

beforeAll(async () => {
  server = await startCollabServer({ live: true });
  project = await makeProject(["OWNER", "EDITOR", "VIEWER"]);
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.close();
});

afterAll(async () => {
  await server?.close();
});

describe("at the upgrade", () => {
  it("answers 401 without a session cookie, before any WebSocket exists", async () => {
    const answer = await openSocket({ url: server.url, headers: { origin: server.origin } });
    expect(answer).toEqual({ status: 401, text: `${refusals.signed_out.message}\n` });
  });

  it("answers 401 for a session revoked by a newer session version", async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const answer = await openSocket({ url: server.url, headers: { origin: server.origin, cookie } });
    expect(answer).toMatchObject({ status: 401 });
  });

  it("closes a socket from another origin at once with bad_origin, even with a valid cookie", async () => {
    const cookie = await cookieOf("EDITOR");
    const pages: Array<Record<string, string>> = [
      { origin: "http://evil.example", cookie },
      { origin: "not a url", cookie },
      { cookie },
    ];
    for (const headers of pages) {
      const answer = await openSocket({ url: server.url, headers });
      if (!("socket" in answer)) throw new Error(`expected a socket closed with bad_origin, got HTTP ${answer.status}`);
      expect(await answer.closed).toEqual({ code: refusals.bad_origin.code, reason: "bad_origin" });
    }
  });

  it("closes a user's connection past the limit with too_many_connections, and takes one again when another closes", async () => {
    const cookie = await cookieOf("OWNER");
    const limit = getEnv().GALLEY_COLLAB_MAX_CONNECTIONS_PER_USER;
    const open = async () => openSocket({ url: server.url, headers: { origin: server.origin, cookie } });
    // Kept or refused: a refused socket is open only until the server's close, which it sends before
    // reading anything, so a ping gets a pong only on a socket the server kept.
    const kept = async (answer: Awaited<ReturnType<typeof open>>) => {
      if (!("socket" in answer)) throw new Error(`expected a socket, got HTTP ${answer.status}`);
      const verdict = new Promise<boolean>((resolve) => {
        answer.socket.once("pong", () => resolve(true));
        void answer.closed.then(() => resolve(false));
      });
      answer.socket.ping();
      if (await verdict) sockets.push(answer.socket);
      return verdict;
    };
    for (let i = 0; i < limit; i++) {
      if (!(await kept(await open()))) throw new Error(`connection ${i + 1} of ${limit} was refused`);
    }
    const over = await open();
    if (!("socket" in over))
      throw new Error(`expected a socket closed with too_many_connections, got HTTP ${over.status}`);
    expect(await over.closed).toEqual({ code: refusals.too_many_connections.code, reason: "too_many_connections" });
    // The limit is per user: another user still gets in.
    const editor = await openSocket({
      url: server.url,
      headers: { origin: server.origin, cookie: await cookieOf("EDITOR") },
    });
    expect(await kept(editor)).toBe(true);

    const first = sockets.shift()!;
    const closed = new Promise((resolve) => first.once("close", resolve));
    first.close();
    await closed;
    // The server counts the close when its side of the socket closes, just after ours.
    await waitFor(async () => kept(await open()), "the freed connection to be usable");
  });
});

describe("per document", () => {
  it("refuses a non-member with reason forbidden, and an unknown prompt with not_found", async () => {
    const prompt = await makePrompt();
    const outsider = await makeUser();
    const refused = connect(await sessionCookie(outsider), promptDocName(prompt.id));
    const unknown = connect(await cookieOf("EDITOR"), promptDocName("nosuchprompt"));
    await waitFor(() => refused.authFailures.length > 0 && unknown.authFailures.length > 0, "both refusals");
    expect(refused.authFailures).toEqual(["forbidden"]);
    expect(unknown.authFailures).toEqual(["not_found"]);
    expect(server.collab.hocuspocus.documents.has(promptDocName(prompt.id))).toBe(false);
  });

  it("opens a review's document read-only (presence only) to its project's members, and to no one else", async () => {
    const prompt = await makePrompt();
    const environment = await db.environment.findFirstOrThrow({ where: { projectId: project.project.id } });
    const owner = project.members.find((m) => m.role === "OWNER")!.user;
    const review = await db.review.create({
      data: {
        projectId: project.project.id,
        number: Math.floor(Math.random() * 1e9),
        promptId: prompt.id,
        environmentId: environment.id,
        authorId: owner.id,
        title: "Ship it",
        version: 1,
      },
    });
    const reader = connect(await cookieOf("VIEWER"), reviewDocName(review.id));
    const outsider = connect(await sessionCookie(await makeUser()), reviewDocName(review.id));
    await waitSynced(reader);
    await waitFor(() => outsider.authFailures.length > 0, "the outsider's refusal");
    expect(reader.provider.authorizedScope).toBe("readonly");
    expect(outsider.authFailures).toEqual(["forbidden"]);
  });

  it("lets a VIEWER watch read-only: it sees edits, its own are dropped on the server and logged", async () => {
    const prompt = await makePrompt();
    const name = promptDocName(prompt.id);
    const stderr = vi.spyOn(process.stderr, "write");
    const editor = connect(await cookieOf("EDITOR"), name);
    const viewer = connect(await cookieOf("VIEWER"), name);
    await Promise.all([waitSynced(editor), waitSynced(viewer)]);
    expect(editor.provider.authorizedScope).toBe("read-write");
    expect(viewer.provider.authorizedScope).toBe("readonly");
    await waitFor(() => viewer.stateless.length > 0, "the read-only notice");
    expect(viewer.stateless.map(parseReadOnlyNotice)).toEqual([{ type: "read_only", reason: "role" }]);

    editor.doc.getText("template").insert(0, "Hello {{name}}");
    await waitFor(() => viewer.doc.getText("template").toString() === "Hello {{name}}", "the viewer to see the edit");

    viewer.doc.getText("template").insert(0, "VIEWER WAS HERE ");
    editor.doc.getText("template").insert(14, "!");
    await waitAcknowledged(editor);
    await waitFor(() => viewer.doc.getText("template").toString().endsWith("Hello {{name}}!"), "the next edit");
    expect(editor.doc.getText("template").toString()).toBe("Hello {{name}}!");
    expect(serverText(name)).toBe("Hello {{name}}!");
    expect(viewer.provider.unsyncedChanges).toBeGreaterThan(0);
    // Nothing of the viewer's is stored (the storage extension persists only what the guard lets through).
    const viewerId = project.members.find((m) => m.role === "VIEWER")!.user.id;
    expect(await db.promptLiveUpdate.count({ where: { promptId: prompt.id, userId: viewerId } })).toBe(0);
    const warnings = stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.includes("read-only connection"));
    stderr.mockRestore();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(name);

    // Presence: one row per person on the document while connected, gone when they leave.
    const rows = await db.collabPresence.findMany({ where: { documentName: name }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.instanceId)).toEqual([server.collab.instanceId, server.collab.instanceId]);
    viewer.destroy();
    await waitFor(
      async () => (await db.collabPresence.count({ where: { documentName: name } })) === 1,
      "presence to drop the viewer",
    );
  });

  it("makes an archived prompt read-only for its editors, and says why", async () => {
    const prompt = await makePrompt();
    await db.prompt.update({ where: { id: prompt.id }, data: { archivedAt: new Date() } });
    const editor = connect(await cookieOf("EDITOR"), promptDocName(prompt.id));
    await waitSynced(editor);
    expect(editor.provider.authorizedScope).toBe("readonly");
    await waitFor(() => editor.stateless.length > 0, "the read-only notice");
    expect(parseReadOnlyNotice(editor.stateless[0]!)).toEqual({ type: "read_only", reason: "archived" });
  });

  it("closes a writer's document once its role no longer allows editing", async () => {
    const prompt = await makePrompt();
    const user = await makeUser();
    await db.membership.create({ data: { projectId: project.project.id, userId: user.id, role: "EDITOR" } });
    const client = connect(await sessionCookie(user), promptDocName(prompt.id));
    await waitSynced(client);
    await db.membership.update({
      where: { projectId_userId: { projectId: project.project.id, userId: user.id } },
      data: { role: "VIEWER" },
    });
    // Permissions are re-read at most every 5 s: keep typing until the server notices.
    await waitFor(
      () => {
        client.doc.getText("template").insert(0, "x");
        return client.closeReasons.length > 0;
      },
      "the server to close the document",
      20_000,
    );
    expect(client.closeReasons).toEqual(["read_only"]);
  });
});

/** Random inserts and deletes at random positions, several in one message now and then. */
function randomEdits(doc: Y.Doc, random: () => number, label: string) {
  const text = doc.getText("template");
  const ops = random() < 0.3 ? 2 + Math.floor(random() * 3) : 1;
  doc.transact(() => {
    for (let i = 0; i < ops; i++) {
      if (text.length > 0 && random() < 0.35) {
        const at = Math.floor(random() * text.length);
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 4)));
      } else {
        text.insert(Math.floor(random() * (text.length + 1)), `${label}${Math.floor(random() * 100)}`);
      }
    }
  });
}

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

describe("concurrent editing", () => {
  it.each([2, 5])("%i clients making random concurrent edits converge to the same text", async (count) => {
    const prompt = await makePrompt();
    const name = promptDocName(prompt.id);
    const cookies = [await cookieOf("OWNER"), await cookieOf("EDITOR")];
    const editors = Array.from({ length: count }, (_, i) => connect(cookies[i % 2]!, name));
    await Promise.all(editors.map(waitSynced));
    // Seed through a client, as the editor would: once storage is added, documents may start filled.
    editors[0]!.doc.getText("template").insert(0, "The quick brown fox jumps over the lazy dog. ");
    await waitFor(() => editors.every((e) => e.doc.getText("template").length > 0), "the seed to reach everyone");

    const random = seeded(count * 7919);
    for (let round = 0; round < 40; round++) {
      for (const [i, editor] of editors.entries()) randomEdits(editor.doc, random, String.fromCharCode(65 + i));
      // Let messages cross in flight: some rounds go out before the previous ones arrive.
      if (round % 4 === 3) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(editors.map(waitAcknowledged));
    const expected = () => serverText(name);
    await waitFor(
      () => editors.every((e) => e.doc.getText("template").toString() === expected()),
      "every client to converge on the server's text",
    );
    expect(expected()!.length).toBeGreaterThan(0);
    expect(new Set(editors.map((e) => e.doc.getText("template").toString())).size).toBe(1);
  });
});

describe("document size", () => {
  it("closes the connection whose update would pass 1 MB with too_large; the others keep working", async () => {
    const prompt = await makePrompt();
    const name = promptDocName(prompt.id);
    const [big, other] = [connect(await cookieOf("OWNER"), name), connect(await cookieOf("EDITOR"), name)];
    const watcher = connect(await cookieOf("VIEWER"), name);
    await Promise.all([waitSynced(big), waitSynced(other), waitSynced(watcher)]);
    other.doc.getText("template").insert(0, "kept ");
    await waitAcknowledged(other);

    big.doc.getText("template").insert(0, "y".repeat(MAX_TEMPLATE_BYTES));
    await waitFor(() => big.closeReasons.length > 0, "the oversized update to be refused");
    expect(big.closeReasons).toEqual(["too_large"]);

    other.doc.getText("template").insert(5, "working");
    await waitAcknowledged(other);
    expect(serverText(name)).toBe("kept working");

    // Near the limit, text can still be removed; only growth past it is refused.
    const text = other.doc.getText("template");
    text.insert(text.length, "f".repeat(MAX_TEMPLATE_BYTES - 50_000));
    await waitAcknowledged(other);
    text.delete(0, 5);
    await waitAcknowledged(other);
    expect(serverText(name)!.startsWith("working")).toBe(true);
    text.insert(0, "g".repeat(60_000));
    await waitFor(() => other.closeReasons.length > 0, "the growth past 1 MB to be refused");
    expect(other.closeReasons).toEqual(["too_large"]);
    expect(serverText(name)!.startsWith("working")).toBe(true);
    expect(watcher.doc.getText("template").toString()).toBe(serverText(name));
  });
});
