import OpenAI from "openai";

import { parseRetryAfter } from "@/lib/jobs/parse-retry-after";
import { findOutboundDenial } from "@/lib/net/outbound-denied-error";

export type ProviderFailure = {
  code: string;
  status: number | null;
  message: string;
  hint: string;
  retryAfterSeconds?: number;
};

/** The provider's own message plus what to do about it, for the playground column and "Test connection". */
export function describeProviderError(error: unknown, opts: { timeoutMs?: number } = {}): ProviderFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return {
      code: "timeout",
      status: null,
      message: `No answer within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s.`,
      hint: "The provider is slow or unreachable. Try again, or raise GALLEY_LLM_TIMEOUT_MS.",
    };
  }
  if (error instanceof OpenAI.APIUserAbortError || (error as Error)?.name === "AbortError") {
    return { code: "aborted", status: null, message: "Stopped.", hint: "" };
  }
  const denied = findOutboundDenial(error);
  if (denied) {
    return {
      code: "destination_denied",
      status: null,
      message: denied.message,
      hint: "Galley refuses to connect there. Use another base URL, or ask whoever runs this server to change its outbound policy.",
    };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = (error.cause as { code?: string; message?: string } | undefined) ?? {};
    return {
      code: "network",
      status: null,
      message: `Could not reach the provider${cause.code ? ` (${cause.code})` : ""}.`,
      hint: "Check the provider's base URL and that the server can reach it.",
    };
  }
  if (error instanceof OpenAI.APIError) {
    const message = (error.error as { message?: string } | undefined)?.message ?? error.message;
    const status = error.status ?? null;
    if (status === 401 || status === 403)
      return {
        code: "unauthorized",
        status,
        message,
        hint: "The API key was refused. Update it in Settings → Providers.",
      };
    if (status === 429) {
      // Seconds, an HTTP date or OpenAI's retry-after-ms: eval runs schedule their retry by it.
      const waitMs = parseRetryAfter({ headers: error.headers });
      const retry = waitMs === null ? Number.NaN : waitMs / 1000;
      return {
        code: "rate_limited",
        status,
        message,
        hint:
          Number.isFinite(retry) && retry > 0
            ? `Rate limited: try again in ${Math.ceil(retry)} s.`
            : "Rate limited: wait a moment and try again.",
        ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}),
      };
    }
    if (status === 404)
      return {
        code: "model_not_found",
        status,
        message,
        hint: "The model does not exist at this provider (or your key cannot use it). Check the model name.",
      };
    if (status === 400 && /content.?filter|content management policy/i.test(message))
      return {
        code: "content_filter",
        status,
        message,
        hint: "The provider's content filter refused the request. Rephrase the prompt or the variables.",
      };
    if (status !== null && status >= 500)
      return { code: "provider_error", status, message, hint: "The provider failed. Try again in a moment." };
    return { code: "provider_error", status, message, hint: "The provider refused the request; its message says why." };
  }
  return {
    code: "unknown",
    status: null,
    message: (error as Error)?.message ?? String(error),
    hint: "Unexpected error; see the server log.",
  };
}
