// One error type for the whole app and one table from its code to an HTTP status.
// Every error leaves as { "error": { "code", "message", "details"? } }.
import { ZodError } from "zod";

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  validation_failed: 422,
  template_too_large: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * One problem with one field, named by its path (e.g. "email" or "messages.2.role"); template and
 * contract problems also carry their machine-readable code (TemplateIssueCode, e.g. missing_variable).
 */
export type FieldIssue = { path: string; message: string; code?: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(opts: { code: ErrorCode; message: string; details?: unknown; headers?: Record<string, string> }) {
    super(opts.message);
    this.name = "AppError";
    this.code = opts.code;
    this.details = opts.details;
    this.headers = opts.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Builds a 422 naming each field, the shape forms use to show errors beside their inputs. */
export function validationError(issues: FieldIssue[], message?: string): AppError {
  return new AppError({
    code: "validation_failed",
    message: message ?? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "),
    details: { issues },
  });
}

export function fromZodError(error: ZodError): AppError {
  return validationError(error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
}

/** AppError instances pass through; ZodErrors become 422; anything else is an opaque 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZodError(error);
  // The Prisma client may come from a second copy of the generated code (custom server vs.
  // Next bundle), so match its errors by code rather than by class.
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") return new AppError({ code: "conflict", message: "That already exists." });
  if (code === "P2025") return new AppError({ code: "not_found", message: "Not found." });
  return new AppError({ code: "internal", message: "Something went wrong on the server. The error has been logged." });
}

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(requestId ? { requestId } : {}),
    },
  };
}
