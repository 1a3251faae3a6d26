import { AppError } from "@/lib/errors";

/**
 * A route whose body is small by nature (feedback) refuses a larger declared body with 413 before
 * reading it, below the server-wide GALLEY_MAX_BODY_BYTES. A chunked body (no Content-Length) is
 * bounded by the server-wide limit and by its schema's field limits.
 */
export function refuseLargeBody(opts: { req: Request; maxBytes: number }): void {
  const declared = Number(opts.req.headers.get("content-length") ?? 0);
  if (declared > opts.maxBytes)
    throw new AppError({
      code: "payload_too_large",
      message: `The request body is larger than this route's limit of ${opts.maxBytes} bytes.`,
      details: { limitBytes: opts.maxBytes },
    });
}
