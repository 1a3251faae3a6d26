// In-memory caches of the serving hot path, per instance: answers for GET /api/prompts/{name} and
// API keys. Correctness rules:
// - Every change to what is served bumps the project's generation after its transaction commits
//   (invalidateServing), in this instance directly and in others through LISTEN/NOTIFY.
// - An answer read from the database is kept only if the generation did not move while it was read,
//   so a read that raced a change can never be cached after it.
// - On PostgreSQL the cache is used only while this instance's listener is connected; while it is
//   down (or was never started, as in scripts and tests) every request reads the database.
// The state lives on globalThis: the custom server (hot path) and the Next.js bundle (studio routes
// that deploy, rename or revoke) hold two copies of this module and must share one cache.
import { getEnv } from "@/lib/env";

export type CachedAnswer = { status: number; body: string; etag: string | null; headers: Record<string, string> };

type ProjectCache = { generation: number; answers: Map<string, CachedAnswer> };

const MAX_ANSWERS_PER_PROJECT = 5000;

type State = {
  projects: Map<string, ProjectCache>;
  listenerUp: boolean;
  keyListeners: Set<(projectId: string | null) => void>;
};
const stateKey = Symbol.for("galley.serving-cache");
const state: State = ((globalThis as { [stateKey]?: State })[stateKey] ??= { projects: new Map(), listenerUp: false, keyListeners: new Set() });
const projects = state.projects;

export function setListenerUp(up: boolean) {
  state.listenerUp = up;
  if (!up) invalidateServing({ kind: "prompts", projectId: null });
  if (!up) invalidateServing({ kind: "keys", projectId: null });
}

/** PGlite serves one process, so its cache is always safe; PostgreSQL needs the listener. */
export function servingCacheEnabled(): boolean {
  return state.listenerUp || getEnv().databaseKind === "pglite";
}

function projectCache(projectId: string): ProjectCache {
  let cache = projects.get(projectId);
  if (!cache) projects.set(projectId, (cache = { generation: 0, answers: new Map() }));
  return cache;
}

export function cachedAnswer(projectId: string, key: string): CachedAnswer | undefined {
  return servingCacheEnabled() ? projects.get(projectId)?.answers.get(key) : undefined;
}

export const generationOf = (projectId: string) => projectCache(projectId).generation;

export function rememberAnswer(projectId: string, key: string, generation: number, answer: CachedAnswer) {
  if (!servingCacheEnabled()) return;
  const cache = projectCache(projectId);
  if (cache.generation !== generation) return;
  if (cache.answers.size >= MAX_ANSWERS_PER_PROJECT) cache.answers.delete(cache.answers.keys().next().value!);
  cache.answers.set(key, answer);
}

/** Registers the key cache's reaction to key changes (once per process, whichever module copy comes first). */
export function onKeysChanged(id: string, listener: (projectId: string | null) => void) {
  if (![...state.keyListeners].some((l) => (l as { id?: string }).id === id)) state.keyListeners.add(Object.assign(listener, { id }));
}

/** Forget what this instance serves for a project (prompts or keys); null: everything. */
export function invalidateServing(change: { kind: "prompts" | "keys"; projectId: string | null }) {
  if (change.kind === "keys") {
    for (const listener of state.keyListeners) listener(change.projectId);
    return;
  }
  if (change.projectId === null) {
    for (const cache of projects.values()) {
      cache.generation++;
      cache.answers.clear();
    }
    return;
  }
  const cache = projectCache(change.projectId);
  cache.generation++;
  cache.answers.clear();
}
