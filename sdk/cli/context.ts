import { CliError, EXIT } from "./cli-error";
import { GalleyApi, resolveConfig } from "./galley-api";
import type { Output, Stream } from "./output";

/** What every command gets: where it runs, how it prints, and the API (configured on first use). */
export type CommandContext = {
  cwd: string;
  output: Output;
  stderr: Stream;
  api: () => GalleyApi;
};

export function makeApi(opts: {
  url?: string;
  apiKey?: string;
  timeout?: string;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}) {
  let api: GalleyApi | null = null;
  return () => {
    if (api) return api;
    const seconds = opts.timeout === undefined ? 30 : Number(opts.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
      throw new CliError("--timeout is a number of seconds from 1 to 600.", EXIT.usage);
    api = new GalleyApi(
      resolveConfig({ url: opts.url, apiKey: opts.apiKey, env: opts.env, timeoutMs: seconds * 1000 }),
      opts.fetch,
    );
    return api;
  };
}
