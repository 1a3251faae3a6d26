// sdk/conformance/client/splits.json through the TypeScript SDK (sdk/src) against a fake Galley:
// the unit id sent as Galley-Unit, answers cached per unit, release exposed, feedback's body and
// its id, the same on every retry.
// sdk/python/tests/test_conformance.py runs the same steps through the Python SDK.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createGalley, type FeedbackOptions, type Galley, type GetPromptOptions } from "../src/index";

type Sent = { method: string; path: string; unit: string | null; body?: unknown };
type Step = {
  description: string;
  client: string;
  get?: { name: string } & GetPromptOptions;
  feedback?: FeedbackOptions;
  postAnswers?: (number | "drop")[];
  expect?: { version: number; release: string | null };
  error?: string;
  requests: Sent[];
};
type Fixture = { answers: Record<string, unknown>; clients: Record<string, { unit?: string }>; steps: Step[] };

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "client", "splits.json"), "utf8")) as Fixture;
const GENERATED = "<generated>";

/** The requests with each id the client generated replaced by "<generated>", and those ids. */
function withGeneratedIds(sent: Sent[], expected: Sent[]): { requests: Sent[]; ids: Set<string> } {
  const ids = new Set<string>();
  const requests = sent.map((request, i) => {
    const body = request.body as { id?: unknown } | undefined;
    if ((expected[i]?.body as { id?: unknown } | undefined)?.id !== GENERATED || typeof body?.id !== "string")
      return request;
    expect(body.id).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
    ids.add(body.id);
    return { ...request, body: { ...body, id: GENERATED } };
  });
  return { requests, ids };
}

describe("client conformance: splits (TypeScript SDK)", () => {
  const sent: Sent[] = [];
  let postAnswers: (number | "drop")[] = [];
  let server: http.Server;
  let clients: Record<string, Galley>;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      req.on("end", () => {
        const unit = (req.headers["galley-unit"] as string | undefined) ?? null;
        sent.push({
          method: req.method!,
          path: req.url!.split("?")[0]!,
          unit,
          ...(raw ? { body: JSON.parse(raw) as unknown } : {}),
        });
        if (req.method === "POST") {
          const answer = postAnswers.shift() ?? 202;
          return void (answer === "drop" ? req.socket.destroy() : res.writeHead(answer).end());
        }
        const answer = fixture.answers[unit ?? ""] as { version: number };
        res.writeHead(200, { "content-type": "application/json", etag: `"v${answer.version}"` });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    clients = Object.fromEntries(
      Object.entries(fixture.clients).map(([name, options]) => [
        name,
        createGalley({ baseUrl, apiKey: "gk_test", ...options }),
      ]),
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The steps share the clients' caches: one test, in order.
  it("passes every step in order", async () => {
    const generated = new Set<string>();
    for (const step of fixture.steps) {
      sent.length = 0;
      postAnswers = [...(step.postAnswers ?? [])];
      const galley = clients[step.client]!;
      const call = step.get
        ? galley.getPrompt(step.get.name, { ...step.get, cacheTtlSeconds: 3600 })
        : galley.feedback(step.feedback!);
      if (step.error) await expect(call, step.description).rejects.toThrow(step.error);
      else {
        const result = await call;
        if (step.expect)
          expect(
            { version: (result as { version: number }).version, release: (result as { release: string }).release },
            step.description,
          ).toEqual(step.expect);
      }
      const { requests, ids } = withGeneratedIds(sent, step.requests);
      expect(requests, step.description).toEqual(step.requests);
      if (ids.size > 0) {
        expect(ids.size, `${step.description}: one id on every attempt`).toBe(1);
        const [id] = ids;
        expect(generated.has(id!), `${step.description}: a new id per call`).toBe(false);
        generated.add(id!);
      }
    }
  });
});
