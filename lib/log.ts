// Structured logs: JSON lines in production, one readable line in development.
// Values under keys that look like secrets are replaced before anything is written.
import { getEnv, readEnvUnchecked } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKey = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|hash/i;

export type LogFields = Record<string, unknown>;

/** Deep-copies fields with secret-looking keys masked; errors become { name, message, stack }. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[deep]";
  if (value instanceof Error) {
    return { name: value.name, message: value.message, ...(value.stack ? { stack: value.stack } : {}) };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = secretKey.test(k) && v != null ? "[redacted]" : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** Whether a level is logged at all, so hot paths can skip building what would not be written. */
export function logs(level: Level): boolean {
  try {
    return order[level] >= order[getEnv().LOG_LEVEL];
  } catch {
    return order[level] >= order.info;
  }
}

function write(level: Level, message: string, fields?: LogFields) {
  let minimum: Level = "info";
  let format: "json" | "pretty" = readEnvUnchecked("NODE_ENV") === "production" ? "json" : "pretty";
  try {
    const env = getEnv();
    minimum = env.LOG_LEVEL;
    format = env.logFormat;
  } catch {
    // Logging must work even while configuration is being reported as broken.
  }
  if (order[level] < order[minimum]) return;
  const safe = (fields ? redact(fields) : {}) as LogFields;
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (format === "json") {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...safe })}\n`);
    return;
  }
  const extras = Object.entries(safe)
    .filter(([k]) => k !== "stack")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  stream.write(`${level.toUpperCase().padEnd(5)} ${message}${extras ? `  ${extras}` : ""}\n`);
}

export const log = {
  debug: (message: string, fields?: LogFields) => write("debug", message, fields),
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};
