// Request bodies over a size limit are refused with 413 by the custom server, before the hot path
// or Next.js reads a byte of them: Next (and next-auth's routes) would otherwise buffer and parse
// whatever arrives, and anyone can send it, signed in or not (README "Configuration").
import type { IncomingMessage, ServerResponse } from "node:http";

import { AppError } from "@/lib/errors";
import { writeNodeError } from "@/lib/http/write-node-error";
import { log } from "@/lib/log";

/** Byte limits for request bodies: imports carry whole export files, everything else is small JSON or a form. */
export type BodyLimits = { bodyBytes: number; importBytes: number };

// Prompt imports; dataset imports (and their previews), which carry a whole CSV or JSONL file; and
// dataset version saves, which carry a whole table's new rows (a 50,000-row version outgrows 2 MB).
const IMPORT_PATH = /^\/api\/projects\/[^/?]+\/(?:import|datasets\/[^/?]+\/(?:import|versions))(?:[?/]|$)/;

const readable = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;

function refuse(req: IncomingMessage, res: ServerResponse, limit: number, variable: string, requestId: string) {
  // No path: these requests never reach the request log's redaction, and paths may carry tokens.
  log.warn("request body too large", {
    requestId,
    method: req.method,
    limitBytes: limit,
    declaredBytes: req.headers["content-length"] ?? null,
  });
  const error = new AppError({
    code: "payload_too_large",
    message: `The request body is larger than the limit of ${readable(limit)} (${limit} bytes, ${variable}).`,
    details: { limitBytes: limit },
  });
  writeNodeError({ res, error, requestId, close: true });
}

/**
 * Calls `accept` when the request's body is within its limit, or answers 413 (our error JSON,
 * naming the limit) and never calls it. A declared Content-Length is checked at once, without
 * reading anything (the HTTP parser never delivers more than it declares). A chunked body has no
 * length up front: it is held here as it arrives, refused the moment it passes the limit, and
 * handed on whole once complete, so nothing after this ever sees more than the limit.
 * `expectsContinue`: the request came through the server's "checkContinue" event (Expect:
 * 100-continue): the client waits to be told to send its body, so a refusal costs it no upload.
 */
export function limitRequestBody(opts: {
  req: IncomingMessage;
  res: ServerResponse;
  limits: BodyLimits;
  requestId: string;
  expectsContinue?: boolean;
  accept: () => void;
}): void {
  const { req, res, limits, requestId, accept } = opts;
  const isImport = IMPORT_PATH.test(req.url ?? "");
  const limit = isImport ? limits.importBytes : limits.bodyBytes;
  const variable = isImport ? "GALLEY_MAX_IMPORT_BYTES" : "GALLEY_MAX_BODY_BYTES";

  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return refuse(req, res, limit, variable, requestId);
  if (opts.expectsContinue) res.writeContinue();
  if (declared !== undefined) return accept();
  if (req.headers["transfer-encoding"] === undefined) return accept();

  // The HTTP parser hands each chunk to req.push (and null at the end): intercepting it holds the
  // body before any reader exists, with back-pressure intact for everything after.
  const push = req.push.bind(req);
  const held: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (refused) return false;
    if (chunk === null) {
      req.push = push;
      for (const part of held) push(part);
      held.length = 0;
      push(null, encoding);
      accept();
      return false;
    }
    size += chunk.length;
    if (size > limit) {
      refused = true;
      held.length = 0;
      refuse(req, res, limit, variable, requestId);
      return false;
    }
    held.push(chunk);
    return true;
  };
}
