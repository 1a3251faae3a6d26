import { MigrationError } from "@/lib/db/migrations/apply-migrations";
import { ConfigError, readEnvUnchecked } from "@/lib/env";

/** Ends a script or the server with one clear line and a non-zero exit code, no stack trace wall. */
export function fail(error: unknown): never {
  const expected = error instanceof ConfigError || error instanceof MigrationError;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`galley: ${message}\n`);
  // Not through getEnv: this also reports getEnv's own ConfigError, when the configuration cannot be read.
  if (!expected && readEnvUnchecked("GALLEY_DEBUG")) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  process.exit(1);
}
