// Prisma errors may come from a second copy of the generated client (custom server vs. Next
// bundle), so they are matched by shape, as lib/errors.ts does.
type Shape = {
  code?: unknown;
  name?: unknown;
  severity?: unknown;
  kind?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: Shape } };
  cause?: Shape;
};

// Prisma's connection-level codes: cannot reach, timed out, server closed the connection, …
const PRISMA_CONNECTION = /^P10(01|02|08|11|17)$/;
// Driver adapter kinds for the same (see @prisma/driver-adapter-utils).
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// SQLSTATE: connection exceptions (08…), shutdown or cannot-connect-now (57P0…), too many connections.
const SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * Whether an error means the database cannot be reached right now (refused, dropped, shut down,
 * not accepting connections), as opposed to a bad query or a bug. Such a failure is answered from
 * the last known answer, or with 503, never with 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as Shape;
  const code = typeof e.code === "string" ? e.code : "";
  if (PRISMA_CONNECTION.test(code) || NODE_CODES.has(code) || SQLSTATE.test(code)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  // A FATAL (or PANIC) error ends the session: the server refused or dropped this connection.
  if ((e.severity === "FATAL" || e.severity === "PANIC") && e.kind === "postgres") return true;
  if (
    typeof e.message === "string" &&
    /^Connection terminated|Client has encountered a connection error/.test(e.message)
  )
    return true;
  return (
    isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)
  );
}
