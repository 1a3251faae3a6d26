// The HTTP API as the CLI calls it: an API key as Bearer token, a timeout on every request, 429 and
// 503 retried as Retry-After says (bounded), and every refusal turned into a CliError that names
// the status, Galley's error code and message, and each field the server listed.
import { CliError, EXIT } from "./cli-error";

export type ApiConfig = { url: string; apiKey: string; timeoutMs: number };

const MAX_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 10_000;

/** --url / --api-key win over GALLEY_URL / GALLEY_API_KEY; a missing or malformed one is a usage error. */
export function resolveConfig(opts: {
  url?: string;
  apiKey?: string;
  env: Record<string, string | undefined>;
  timeoutMs?: number;
}): ApiConfig {
  const url = opts.url ?? opts.env.GALLEY_URL;
  const apiKey = opts.apiKey ?? opts.env.GALLEY_API_KEY;
  if (!url)
    throw new CliError("Say where Galley is: set GALLEY_URL or pass --url https://galley.example.com.", EXIT.usage);
  if (!apiKey) throw new CliError("Set GALLEY_API_KEY (a key from Settings → API keys) or pass --api-key.", EXIT.usage);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`GALLEY_URL / --url is not a URL: ${url}`, EXIT.usage);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new CliError(`GALLEY_URL / --url must start with http:// or https://, not ${parsed.protocol}`, EXIT.usage);
  return { url: parsed.origin + parsed.pathname.replace(/\/+$/, ""), apiKey, timeoutMs: opts.timeoutMs ?? 30_000 };
}

/** /api/prompts/support/refund-reply: each segment encoded, the slashes kept. */
export const promptPath = (name: string) => `/api/prompts/${name.split("/").map(encodeURIComponent).join("/")}`;

type ErrorBody = {
  error?: { code?: string; message?: string; details?: { issues?: Array<{ path: string; message: string }> } };
};

export class GalleyApi {
  constructor(
    readonly config: ApiConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The response body as JSON; a refusal throws an ApiError. */
  async request<T>(opts: { method: "GET" | "POST"; path: string; body?: unknown }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchImpl(`${this.config.url}${opts.path}`, {
          method: opts.method,
          headers: {
            authorization: `Bearer ${this.config.apiKey}`,
            accept: "application/json",
            ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
          },
          body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
          redirect: "manual",
          signal: AbortSignal.timeout(this.config.timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why =
          (error as Error).name === "TimeoutError"
            ? `no answer within ${this.config.timeoutMs / 1000} s`
            : (cause?.code ?? cause?.message ?? (error as Error).message);
        throw new CliError(`Cannot reach Galley at ${this.config.url}: ${why}.`, EXIT.server);
      }
      if ((res.status === 429 || res.status === 503) && attempt < MAX_RETRIES) {
        const seconds = Number(res.headers.get("retry-after"));
        const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 500 * 2 ** attempt;
        await res.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, MAX_RETRY_WAIT_MS)));
        continue;
      }
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (res.ok) return body as T;
      throw refusal(res, body as ErrorBody | null, `${opts.method} ${opts.path}`);
    }
  }
}

/** Galley answered with an error: its status and code, to tell a missing prompt from other refusals. */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly serverMessage: string,
    lines: string[],
  ) {
    super(message, status === 422 || status === 400 ? EXIT.usage : EXIT.server, lines);
  }
}

function refusal(res: Response, body: ErrorBody | null, what: string): ApiError {
  const error = body?.error;
  const serverMessage = error?.message ?? res.statusText;
  if (res.status === 308) {
    const to = res.headers.get("location") ?? "";
    return new ApiError(
      `${error?.message ?? `Moved to ${to}.`} Rename the file to match.`,
      308,
      "moved",
      serverMessage,
      [],
    );
  }
  const lines = (error?.details?.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const message =
    res.status === 401
      ? `Galley refused the API key (401): ${error?.message ?? "unauthenticated"}. Check GALLEY_API_KEY.`
      : `${what} → ${res.status}${error?.code ? ` ${error.code}` : ""}: ${serverMessage}`;
  return new ApiError(message, res.status, error?.code, serverMessage, lines);
}
