// Galley's server: checks configuration, opens the database, applies pending migrations, then
// serves the Next.js app. A custom server (rather than `next start`) so that start-up problems
// fail before anything is served, with one clear line, and so hot API paths can be answered
// before the framework sees the request.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import { EventEmitter } from "node:events";
import http from "node:http";
import type { Duplex } from "node:stream";
import next from "next";

import { flushLastUsed } from "@/lib/api-keys/authenticate-api-key";
import { authSecretPath, getAuthSecret } from "@/lib/auth/get-auth-secret";
import { startLiveRelay } from "@/lib/collab/relay/start-live-relay";
import { createCollabServer } from "@/lib/collab/server/create-collab-server";
import { setLiveServer } from "@/lib/collab/storage/live-server";
import { liveStorage } from "@/lib/collab/storage/live-storage";
import { encryptionKeyPath, getEncryptionKey } from "@/lib/crypto/secret-box";
import { closeDatabase } from "@/lib/db";
import { checkDatabase } from "@/lib/db/check-database";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { startEvalWorker } from "@/lib/eval-runs/start-eval-worker";
import { fail } from "@/lib/fail";
import { findUrlProblem } from "@/lib/http/find-url-problem";
import { limitRequestBody } from "@/lib/http/limit-request-body";
import { normalizeForwardedHeaders } from "@/lib/http/normalize-forwarded-headers";
import { redactPath } from "@/lib/http/redact-path";
import { requestIdFrom } from "@/lib/http/request-id";
import { writeNodeError } from "@/lib/http/write-node-error";
import { log, logs } from "@/lib/log";
import { startOutcomesFlusher } from "@/lib/outcomes/start-outcomes-flusher";
import { handlePromptRequest, hotPathName } from "@/lib/serving/handle-prompt-request";
import { startServingListener } from "@/lib/serving/start-serving-listener";
import { startWebhookWorker } from "@/lib/webhooks/start-webhook-worker";

async function main() {
  // eslint-disable-next-line no-restricted-properties -- a write, for Next.js, which reads it itself
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const env = getEnv();
  const dev = env.NODE_ENV !== "production";
  // Without a configured public URL, build callback URLs from each request's Host. next-auth then
  // also reads X-Forwarded-Host/-Proto, which normalizeForwardedHeaders below keeps only from
  // trusted proxies (GALLEY_TRUST_PROXY).
  // eslint-disable-next-line no-restricted-properties -- a write, for next-auth, which reads it itself
  if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";

  if (getAuthSecret().generated && !dev) {
    log.warn(
      `NEXTAUTH_SECRET is not set; using a generated secret kept in ${authSecretPath()}. Set NEXTAUTH_SECRET (the same on every instance) for production.`,
    );
  }

  if (getEncryptionKey().generated && !dev) {
    log.warn(
      `GALLEY_ENCRYPTION_KEY is not set; provider API keys are encrypted with a generated key kept in ${encryptionKeyPath()}. Back it up, or set GALLEY_ENCRYPTION_KEY (the same on every instance).`,
    );
  }

  await checkDatabase();
  const { applied } = await applyMigrations();
  if (applied.length) log.info("migrations applied", { migrations: applied });

  // On PostgreSQL, other instances' deploys reach this one's serving cache through LISTEN/NOTIFY.
  const stopListener = startServingListener();
  // Webhook deliveries queued in the database go out from every instance (claims keep them single).
  const stopWebhooks = startWebhookWorker();
  // Eval runs' rows likewise: any instance claims them; a restart resumes what was pending or held by a dead one.
  const evalWorker = startEvalWorker({ releaseLeasesAtStart: env.databaseKind === "pglite" });
  // Usage counts and feedback are kept in memory and added to the database every
  // GALLEY_USAGE_FLUSH_MS (lib/outcomes): a crash loses at most that much of them.
  const stopOutcomes = startOutcomesFlusher();

  // Next.js attaches its own upgrade listener (hot reloading in development) to the server it is
  // given, else to the first request's, and may close upgrades it has no route for. It gets a
  // stand-in, which hears only the upgrades live editing (/api/collab) did not take.
  const upgradesForNext = new EventEmitter() as http.Server;
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT, httpServer: upgradesForNext });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Live editing: WebSockets on /api/collab, authenticated at the upgrade (lib/collab/server).
  // Edits are stored before they are acknowledged (lib/collab/storage); on PostgreSQL, other
  // instances' edits and presence arrive through LISTEN/NOTIFY (lib/collab/relay).
  const collab = createCollabServer({ extensions: [liveStorage()] });
  // Route handlers (saving, resetting the working copy) reach the live documents through this.
  setLiveServer(collab.hocuspocus);
  const stopRelay = startLiveRelay(collab.hocuspocus);

  const logRequest = (req: http.IncomingMessage, res: http.ServerResponse, requestId: string, started: bigint) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info("request", {
      requestId,
      method: req.method,
      path: redactPath(req.url),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    });
  };
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, requestId: string) => {
    // The application-facing hot path is answered here, before the framework (see README "Serving").
    // At 10,000+ requests a second it logs failures always and each request only at LOG_LEVEL=debug.
    const promptName = hotPathName(req.method, req.url);
    if (promptName !== null) {
      if (logs("debug")) {
        const started = process.hrtime.bigint();
        res.on("finish", () => logRequest(req, res, requestId, started));
      }
      return handlePromptRequest(req, res, promptName, requestId);
    }
    req.headers["x-request-id"] = requestId;
    normalizeForwardedHeaders({
      headers: req.headers,
      socketAddress: req.socket.remoteAddress,
      trustedHops: env.GALLEY_TRUST_PROXY,
    });
    // next dev logs requests itself, and static assets would drown the log.
    if (!dev && !req.url?.startsWith("/_next/")) {
      const started = process.hrtime.bigint();
      res.on("finish", () => logRequest(req, res, requestId, started));
    }
    void handle(req, res);
  };
  const bodyLimits = { bodyBytes: env.GALLEY_MAX_BODY_BYTES, importBytes: env.GALLEY_MAX_IMPORT_BYTES };
  const receive = (expectsContinue: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const urlProblem = findUrlProblem(req.url);
    if (urlProblem)
      return writeNodeError({ res, error: new AppError({ code: "bad_request", message: urlProblem }), requestId });
    // Too-large bodies get 413 here, before the hot path, next-auth or any route handler reads them.
    limitRequestBody({
      req,
      res,
      limits: bodyLimits,
      requestId,
      expectsContinue,
      accept: () => serve(req, res, requestId),
    });
  };
  const server = http.createServer(receive(false));
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s), longer than what usually
  // sits in front (a load balancer's or proxy's 60 s idle timeout) and than what clients assume, so
  // Galley is never the side closing a connection another request is already being sent on, which
  // a client sees as a reset (or a proxy as a 502). The header deadline must outlast it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A client that asks first (Expect: 100-continue, as curl does for large uploads) hears a 413 before it sends anything.
  server.on("checkContinue", receive(true));
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!collab.handleUpgrade(req, socket, head) && !upgradesForNext.emit("upgrade", req, socket, head))
      socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" ? new Error(`PORT ${env.PORT} is already in use; set PORT to a free port.`) : error,
      ),
    );
    server.listen(env.PORT, env.HOST, resolve);
  });
  log.info(`Galley is ready on http://localhost:${env.PORT}`, {
    database: env.databaseKind,
    mode: dev ? "development" : "production",
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
    // Editors hear 1001 and reconnect elsewhere; pending stores of their documents run first.
    await stopRelay();
    setLiveServer(null);
    await collab.stop().catch((error: unknown) => log.error("live editing: stop failed", { error }));
    await app.close().catch(() => undefined);
    await stopListener();
    await stopWebhooks();
    await evalWorker.stop();
    await flushLastUsed();
    // After the last request (app.close above), before the database closes.
    await stopOutcomes();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch(fail);
