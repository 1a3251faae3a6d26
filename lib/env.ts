// The one place that reads configuration. Every variable Galley understands is listed here
// (and in the README); a bad value fails start-up with one line naming the variable.
import "server-only";

import path from "node:path";
import { z } from "zod";

import { parseOutboundRules } from "@/lib/net/parse-outbound-rules";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const outboundRules = optionalString.superRefine((v, ctx) => {
  try {
    parseOutboundRules(v);
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: `must be comma-separated addresses, CIDR ranges or host names: ${(error as Error).message}`,
    });
  }
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1, "must be a port number").max(65535, "must be a port number").default(3000),
  HOST: optionalString,
  DATABASE_URL: optionalString.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v),
    "must be a postgres:// or postgresql:// URL (leave it unset to use the embedded database)",
  ),
  GALLEY_DATA_DIR: optionalString,
  NEXTAUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
  NEXTAUTH_URL: optionalString.refine(
    (v) => v === undefined || URL.canParse(v),
    "must be an absolute URL such as https://galley.example.com",
  ),
  GALLEY_OPEN_SIGNUP: flag,
  // How many reverse proxies in front of Galley append to X-Forwarded-For: 0 (unset, false) means
  // X-Forwarded-* come from the client and are ignored; true means one (lib/http/normalize-forwarded-headers.ts).
  GALLEY_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || ["", "false", "0"].includes(v.trim()) ? 0 : v.trim() === "true" ? 1 : Number(v.trim()),
    )
    .refine(
      (n) => Number.isInteger(n) && n >= 0 && n <= 10,
      "must be true, false, or the number of proxies in front of Galley (0–10)",
    ),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  OIDC_ISSUER: optionalString.refine(
    (v) => v === undefined || URL.canParse(v),
    "must be the issuer URL of your OpenID Connect provider",
  ),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  GALLEY_ENCRYPTION_KEY: optionalString.refine(
    (v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, "base64").length === 32,
    "must be 32 random bytes, as 64 hex characters or base64 (openssl rand -hex 32)",
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine(
    (v) => v === undefined || URL.canParse(v),
    "must be a URL such as https://api.openai.com/v1",
  ),
  GALLEY_LLM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000, "must be at least 1000 (milliseconds)")
    .max(3_600_000)
    .default(120_000),
  // Eval runs (lib/eval-runs): requests in flight per provider per instance, and how long one row may take.
  GALLEY_EVAL_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1, "must be at least 1 (requests in flight per provider)")
    .max(256, "must be at most 256")
    .default(8),
  GALLEY_EVAL_ROW_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000, "must be at least 1000 (milliseconds)")
    .max(3_600_000)
    .default(180_000),
  // Where providers, webhooks and other outbound requests may connect (lib/net/check-destination.ts).
  GALLEY_OUTBOUND_ALLOW: outboundRules,
  GALLEY_OUTBOUND_DENY: outboundRules,
  GALLEY_API_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1, "must be at least 1 (requests per second per API key)")
    .default(100),
  // The largest a prompt may grow to with references replaced or values rendered (lib/templates/work-budget.ts).
  GALLEY_MAX_RESOLVED_BYTES: z.coerce
    .number()
    .int()
    .min(1024, "must be at least 1024 (bytes)")
    .default(1024 * 1024),
  // Bytes of answers the serving hot path keeps in memory per instance; the least recently used go first.
  GALLEY_SERVING_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0, "must be 0 (no cache) or more (bytes)")
    .default(64 * 1024 * 1024),
  // Usage counts and feedback (lib/outcomes) are kept in memory and written in batches this often;
  // a crash loses at most this much of them.
  GALLEY_USAGE_FLUSH_MS: z.coerce
    .number()
    .int()
    .min(500, "must be at least 500 (milliseconds)")
    .max(60_000, "must be at most 60000 (milliseconds)")
    .default(5000),
  // Request bodies are refused with 413 above these sizes before anything parses them (server.ts).
  GALLEY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(16_384, "must be at least 16384 (bytes)")
    .default(2 * 1024 * 1024),
  // Import files may be 20 MB (lib/transfer); JSON-escaping them into the request body can nearly double that.
  GALLEY_MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .min(16_384, "must be at least 16384 (bytes)")
    .default(40 * 1024 * 1024),
  // Live editing (lib/collab/server): WebSocket connections one user may hold open on one instance.
  GALLEY_COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce
    .number()
    .int()
    .min(1, "must be at least 1 (connections per user per instance)")
    .max(1000, "must be at most 1000")
    .default(20),
  GALLEY_SEED_API_KEY: optionalString.refine(
    (v) => v === undefined || /^gk_[A-Za-z0-9_-]{16,}$/.test(v),
    "must look like a Galley key: gk_ followed by at least 16 letters, digits, - or _",
  ),
  SMTP_URL: optionalString.refine(
    (v) => v === undefined || /^smtps?:\/\/.+/.test(v),
    "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587",
  ),
  SMTP_FROM: optionalString,
});

export type Env = z.infer<typeof envSchema> & {
  /** Absolute path of the data directory (embedded database, generated secrets). */
  dataDir: string;
  /** Embedded PGlite when DATABASE_URL is unset. */
  databaseKind: "pglite" | "postgres";
  logFormat: "json" | "pretty";
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

let cached: Env | undefined;

/**
 * The settings read while the configuration itself may be broken (fail() reporting getEnv's own
 * ConfigError, the logger's default format): raw and unchecked, but still read only here.
 */
export function readEnvUnchecked(name: "GALLEY_DEBUG" | "NODE_ENV"): string | undefined {
  return process.env[name];
}

/** Parses process.env once; throws ConfigError with one readable line per problem. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = parsed.data;
  const pairs: Array<[string, string | undefined, string, string | undefined]> = [
    ["GITHUB_ID", env.GITHUB_ID, "GITHUB_SECRET", env.GITHUB_SECRET],
    ["GOOGLE_CLIENT_ID", env.GOOGLE_CLIENT_ID, "GOOGLE_CLIENT_SECRET", env.GOOGLE_CLIENT_SECRET],
    ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID, "OIDC_CLIENT_SECRET", env.OIDC_CLIENT_SECRET],
  ];
  for (const [a, av, b, bv] of pairs) {
    if (Boolean(av) !== Boolean(bv)) {
      throw new ConfigError(`Invalid configuration: ${av ? b : a} must be set together with ${av ? a : b}`);
    }
  }
  if (env.OIDC_CLIENT_ID && !env.OIDC_ISSUER) {
    throw new ConfigError("Invalid configuration: OIDC_ISSUER must be set when OIDC_CLIENT_ID is set");
  }
  cached = {
    ...env,
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.GALLEY_DATA_DIR ?? path.join(process.cwd(), ".galley", "data")),
    databaseKind: env.DATABASE_URL ? "postgres" : "pglite",
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === "production" ? "json" : "pretty"),
  };
  return cached;
}
