// What Galley holds, read with the API key: the prompt list, and one prompt as an environment runs
// it (or a pinned version), unresolved so references stay references, as in the files.
import type { ServedPromptBody } from "../../lib/serving/get-served-prompt";
import type { LocalPrompt } from "../../lib/transfer/prompt-file";
import { CliError, EXIT } from "./cli-error";
import { ApiError, promptPath, type GalleyApi } from "./galley-api";

export type ListedPrompt = {
  name: string;
  type: "text" | "chat";
  latestVersion: number;
  environments: Record<string, number>;
  tags: string[];
};

const PAGE = 200;
/** 50 pages of 200: a bound, so a server that kept answering with a cursor cannot keep us here. */
const MAX_PAGES = 50;

export async function listPrompts(api: GalleyApi, opts: { environment?: string } = {}): Promise<ListedPrompt[]> {
  const all: ListedPrompt[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const qs = new URLSearchParams({ limit: String(PAGE) });
    if (opts.environment) qs.set("environment", opts.environment);
    if (cursor) qs.set("cursor", cursor);
    const body = await api.request<{ prompts: ListedPrompt[]; nextCursor: string | null }>({
      method: "GET",
      path: `/api/prompts?${qs}`,
    });
    all.push(...body.prompts);
    cursor = body.nextCursor;
    if (!cursor) return all;
  }
  throw new CliError(`The project has more than ${PAGE * MAX_PAGES} prompts; pull a folder at a time.`, EXIT.usage);
}

export type RemotePrompt = Omit<LocalPrompt, "message"> & { version: number };

/** One prompt as an environment runs it or at a version; null when the environment does not run it. */
export async function getRemotePrompt(
  api: GalleyApi,
  opts: { name: string; environment?: string; version?: number },
): Promise<RemotePrompt | null> {
  const qs = new URLSearchParams({ resolve: "false" });
  if (opts.version !== undefined) qs.set("version", String(opts.version));
  else if (opts.environment) qs.set("environment", opts.environment);
  let body: ServedPromptBody;
  try {
    body = await api.request<ServedPromptBody>({ method: "GET", path: `${promptPath(opts.name)}?${qs}` });
  } catch (error) {
    // Not there, or not deployed there: null. An environment that does not exist is a mistake to name.
    if (error instanceof ApiError && error.status === 404 && !/^No environment/.test(error.serverMessage)) return null;
    if (error instanceof ApiError && error.status === 404) throw new CliError(error.serverMessage, EXIT.usage);
    throw error;
  }
  return {
    name: body.name,
    type: body.type,
    // Servers older than the CLI do not send these; an empty value then matches an unset one.
    description: body.description ?? "",
    tags: body.tags ?? [],
    version: body.version,
    content: {
      ...(body.type === "chat" ? { messages: body.messages ?? [] } : { template: body.template ?? "" }),
      contract: body.contract,
      modelConfig: body.modelConfig,
    },
  };
}

/** Runs `work` over `items`, a few at a time (the API key's rate limit is per second). */
export async function inPool<T, R>(items: T[], work: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
