import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { httpEvaluator } from "./http";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

// Signing with a stored secret, and the outbound policy's refusals, are tested in
// tests/integration/evaluators.test.ts (they need the encryption key and the server's policy).
describe("http evaluator", () => {
  let server: http.Server;
  let base: string;
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        const answer: Record<string, () => void> = {
          "/ok": () =>
            res
              .writeHead(200, { "content-type": "application/json" })
              .end(JSON.stringify({ pass: true, score: 0.7, reason: "looks right 🙂" })),
          "/bare": () => res.writeHead(200).end('{"pass": false}'),
          "/500": () => res.writeHead(500).end("boom"),
          "/html": () => res.writeHead(200).end("<html>hi</html>"),
          "/shape": () => res.writeHead(200).end('{"pass": "yes", "score": 3}'),
          "/huge": () => res.writeHead(200).end(`{"pass": true, "reason": "${"x".repeat(200_000)}"}`),
          "/slow": () => setTimeout(() => res.writeHead(200).end('{"pass":true}'), 2_000),
        };
        (answer[req.url ?? ""] ?? (() => res.writeHead(404).end()))();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const run = (path: string, config: Record<string, unknown> = {}, output = "the answer") =>
    httpEvaluator.evaluate({
      config: httpEvaluator.configSchema.parse({ url: `${base}${path}`, ...config }),
      sample: sampleForTest({ output, input: { q: "ü?" }, expected: "answer", metadata: { id: 3 } }),
      ctx: testContext,
    });

  it("POSTs {input, output, expected, metadata} and returns the endpoint's verdict", async () => {
    expect(await run("/ok")).toEqual({ pass: true, score: 0.7, reason: "looks right 🙂" });
    const last = received[received.length - 1]!;
    expect(JSON.parse(last.body)).toEqual({
      input: { q: "ü?" },
      output: "the answer",
      expected: "answer",
      metadata: { id: 3 },
    });
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers["galley-timestamp"]).toMatch(/^\d+$/);
    // Not saved yet, so no secret to sign with.
    expect(last.headers["galley-signature"]).toBeUndefined();
  });

  it("scores 1 or 0 by pass when the endpoint gives no score", async () => {
    expect(await run("/bare")).toEqual({ pass: false, score: 0 });
  });

  it("sends an empty and a 1 MB output alike", async () => {
    expect(await run("/ok", {}, "")).toMatchObject({ pass: true });
    expect(await run("/ok", {}, megabyteOutput)).toMatchObject({ pass: true });
    expect(JSON.parse(received[received.length - 1]!.body).output).toHaveLength(megabyteOutput.length);
  });

  it("throws clear errors for a non-2xx answer, bad JSON, the wrong shape, too large an answer and a timeout", async () => {
    await expect(run("/500")).rejects.toThrow(/at http:\/\/127\.0\.0\.1:\d+\/500 answered 500: "boom"\./);
    await expect(run("/html")).rejects.toThrow(/did not answer JSON: "<html>hi<\/html>"/);
    await expect(run("/shape")).rejects.toThrow(
      /not \{pass, score\?, reason\?\}: "pass" must be true or false; "score" is between 0 and 1/,
    );
    await expect(run("/huge")).rejects.toThrow(/answered more than 64 KB/);
    await expect(run("/slow", { timeoutMs: 200 })).rejects.toThrow(/gave no answer within 200 ms/);
  });

  it("says when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      httpEvaluator.evaluate({
        config: httpEvaluator.configSchema.parse({ url: `http://127.0.0.1:${port}/x` }),
        sample: sampleForTest(),
        ctx: testContext,
      }),
    ).rejects.toThrow(/cannot be reached: fetch failed \(.*ECONNREFUSED/);
  });

  it("refuses a URL that is not http(s)", () => {
    expect(httpEvaluator.configSchema.safeParse({ url: "ftp://example.com/x" }).error!.issues[0]!.path).toEqual([
      "url",
    ]);
  });
});
