// Request body limits over real HTTP: limitRequestBody in front of a handler that reads the body
// the way Next.js does (later, after some awaiting), exactly as server.ts mounts it.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { limitRequestBody } from "@/lib/http/limit-request-body";

const limits = { bodyBytes: 32 * 1024, importBytes: 256 * 1024 };

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; sent: number };

describe("request body limits", () => {
  let server: http.Server;
  let port: number;
  let accepted = 0;

  beforeAll(async () => {
    const receive = (expectsContinue: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) =>
      limitRequestBody({
        req,
        res,
        limits,
        requestId: "test-request",
        expectsContinue,
        accept: async () => {
          accepted++;
          await new Promise((r) => setTimeout(r, 20));
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const body = Buffer.concat(chunks);
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(
              JSON.stringify({ bytes: body.length, sha256: crypto.createHash("sha256").update(body).digest("hex") }),
            );
        },
      });
    server = http.createServer(receive(false));
    server.on("checkContinue", receive(true));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /**
   * Sends `total` bytes in 8 KB chunks (declared with Content-Length, or chunked when `declare` is
   * false) and stops writing as soon as an answer arrives; `sent` tells how much went out by then.
   */
  function send(opts: {
    path: string;
    total: number;
    declare?: number | false;
    expectContinue?: boolean;
  }): Promise<Answer & { payload: Buffer; continued: boolean }> {
    const payload = crypto.randomBytes(opts.total);
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      let continued = false;
      const headers: Record<string, string | number> = { "content-type": "application/json" };
      if (opts.declare !== false) headers["content-length"] = opts.declare ?? opts.total;
      if (opts.expectContinue) headers.expect = "100-continue";
      const req = http.request({ host: "127.0.0.1", port, path: opts.path, method: "POST", headers }, (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, sent, payload, continued }));
      });
      // The server may close the connection while we still write: that is the point.
      req.on("error", (error) => (answered ? undefined : reject(error)));
      const writeNext = () => {
        if (answered || req.destroyed) return;
        if (sent >= opts.total) return void req.end();
        const chunk = payload.subarray(sent, sent + 8192);
        sent += chunk.length;
        req.write(chunk, () => setTimeout(writeNext, 1));
      };
      if (!opts.expectContinue) return writeNext();
      req.flushHeaders();
      req.on("continue", () => {
        continued = true;
        writeNext();
      });
    });
  }

  it("refuses a declared Content-Length over the limit with 413 and our error JSON, before reading the body", async () => {
    const before = accepted;
    const answer = await send({ path: "/api/signup", total: 64 * 1024, declare: 400 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: "payload_too_large",
        message: "The request body is larger than the limit of 32 KB (32768 bytes, GALLEY_MAX_BODY_BYTES).",
        details: { limitBytes: 32768 },
        requestId: "test-request",
      },
    });
    expect(answer.sent).toBeLessThan(64 * 1024);
    expect(accepted).toBe(before);
  });

  it("refuses a chunked body (no length) once it passes the limit, and the handler never sees it", async () => {
    const before = accepted;
    const answer = await send({ path: "/api/auth/callback/credentials", total: 1024 * 1024, declare: false });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    expect(answer.sent).toBeLessThan(1024 * 1024);
    expect(accepted).toBe(before);
  });

  it("hands a chunked body within the limit on whole, byte for byte", async () => {
    const answer = await send({ path: "/api/signup", total: 30 * 1024, declare: false });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      bytes: 30 * 1024,
      sha256: crypto.createHash("sha256").update(answer.payload).digest("hex"),
    });
  });

  it("accepts a declared body at the limit", async () => {
    const answer = await send({ path: "/api/projects/acme/prompts", total: 32 * 1024 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).bytes).toBe(32 * 1024);
  });

  it("tells a client that asks first (Expect: 100-continue) 413 before it sends anything, and to go on otherwise", async () => {
    const refused = await send({ path: "/api/signup", total: 64 * 1024, expectContinue: true });
    expect(refused).toMatchObject({ status: 413, continued: false, sent: 0 });
    const declared = await send({ path: "/api/signup", total: 20 * 1024, expectContinue: true });
    expect(declared).toMatchObject({ status: 200, continued: true });
    expect(JSON.parse(declared.body).bytes).toBe(20 * 1024);
    const chunked = await send({ path: "/api/signup", total: 20 * 1024, declare: false, expectContinue: true });
    expect(chunked).toMatchObject({ status: 200, continued: true });
    expect(JSON.parse(chunked.body).sha256).toBe(crypto.createHash("sha256").update(chunked.payload).digest("hex"));
  });

  it("gives project imports their own, larger limit, and only them", async () => {
    const imported = await send({ path: "/api/projects/acme/import", total: 200 * 1024, declare: false });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body).bytes).toBe(200 * 1024);
    const elsewhere = await send({ path: "/api/projects/acme/import-not", total: 200 * 1024 });
    expect(elsewhere.status).toBe(413);
    const tooBig = await send({ path: "/api/projects/acme/import", total: 300 * 1024 });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body).error.message).toContain("GALLEY_MAX_IMPORT_BYTES");
  });

  it("gives dataset imports, their previews and version saves the import limit, and no other dataset route", async () => {
    for (const path of [
      "/api/projects/acme/datasets/ds1/import",
      "/api/projects/acme/datasets/ds1/import/preview",
      "/api/projects/acme/datasets/ds1/versions",
    ]) {
      const imported = await send({ path, total: 200 * 1024 });
      expect(imported.status, path).toBe(200);
    }
    for (const path of [
      "/api/projects/acme/datasets/ds1/rows",
      "/api/projects/acme/datasets",
      "/api/projects/acme/datasets/ds1",
    ])
      expect((await send({ path, total: 200 * 1024 })).status, path).toBe(413);
    const tooBig = await send({ path: "/api/projects/acme/datasets/ds1/import", total: 300 * 1024 });
    expect(JSON.parse(tooBig.body).error.message).toContain("GALLEY_MAX_IMPORT_BYTES");
  });
});
