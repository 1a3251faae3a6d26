// For answers given by the custom server before Next.js sees the request (body limits, unreadable
// addresses): the same error JSON as every route, on a plain node:http response.
import type { ServerResponse } from "node:http";

import { errorBody, type AppError } from "@/lib/errors";

/** Writes `error` as our error JSON with its status; `close` ends the connection after it. */
export function writeNodeError(opts: {
  res: ServerResponse;
  error: AppError;
  requestId: string;
  close?: boolean;
}): void {
  const body = JSON.stringify(errorBody(opts.error, opts.requestId));
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...opts.error.headers,
  };
  if (opts.close) {
    // Closing the connection after the answer stops Node from reading (and discarding) the rest.
    opts.res.shouldKeepAlive = false;
    headers.connection = "close";
  }
  opts.res.writeHead(opts.error.status, headers);
  opts.res.end(body);
}
