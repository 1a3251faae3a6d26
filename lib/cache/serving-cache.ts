// In-memory caches of the serving hot path, per instance: answers for GET /api/prompts/{name} and
// API keys. Correctness rules:
// - Every change to what is served bumps the project's generation after its transaction commits
//   (invalidateServing), in this instance directly and in others through LISTEN/NOTIFY, and drops
//   the project's answers: they are known to be wrong.
// - An answer read from the database is kept only if the generation did not move while it was read,
//   so a read that raced a change can never be cached after it.
// - On PostgreSQL the cache is used only while this instance's listener is connected; while it is
//   down (or was never started, as in scripts and tests) every request reads the database. Losing
//   the listener does not drop answers: they become stale (changes may have been missed) and are
//   served only when the database cannot be reached (stale-if-error, marked by a header).
// - An environment running a release (a split) is one entry under the same key: every arm's answer,
//   so the hot path picks a unit's arm without the database, and a deployment drops them together.
// - Answers are bounded by bytes (GALLEY_SERVING_CACHE_BYTES) across projects; the least recently
//   used go first, so a few huge answers cannot grow the process without bound.
// The state lives on globalThis: the custom server (hot path) and the Next.js bundle (studio routes
// that deploy, rename or revoke) hold two copies of this module and must share one cache.
import "server-only";

import { getEnv } from "@/lib/env";

/**
 * What a served answer was, for usage counts: "" for no environment (a pinned version) and for no
 * release, as UsageCount stores them.
 */
export type ServedMeta = { promptId: string; environmentId: string; releaseId: string; version: number };

/** One arm of a split with its own answer (body, ETag, Galley-Version and Galley-Release headers). */
export type ArmAnswer = { version: number; weight: number; answer: CachedAnswer };

export type CachedAnswer = {
  status: number;
  body: string;
  etag: string | null;
  headers: Record<string, string>;
  /** Set on answers of a served version (200s), never on errors and redirects. */
  served?: ServedMeta;
  /**
   * During a release: every arm's answer. The fields above are then the base version's answer (what
   * the environment's pointer names), for code that knows nothing of splits; the hot path picks an
   * arm (pickArm in lib/serving).
   */
  split?: { promptId: string; releaseId: string; arms: readonly ArmAnswer[] };
};

type Entry = { answer: CachedAnswer; bytes: number; fresh: boolean };
type ProjectCache = { generation: number; answers: Map<string, Entry> };

const MAX_ANSWERS_PER_PROJECT = 5000;
// Keys, ETags, headers and the Map entries: counted as a flat overhead per answer.
const ENTRY_OVERHEAD_BYTES = 512;

type State = {
  projects: Map<string, ProjectCache>;
  listenerUp: boolean;
  keyListeners: Set<(projectId: string | null, reason: KeysChange) => void>;
  /** Every cached answer, least recently used first, as "projectId\nkey". */
  order: Map<string, Entry>;
  bytes: number;
};
/** Why the key cache must forget: a key changed, or the listener was lost (changes may be missed). */
export type KeysChange = "changed" | "listener-lost";
const stateKey = Symbol.for("galley.serving-cache");
const state: State = ((globalThis as { [stateKey]?: State })[stateKey] ??= {
  projects: new Map(),
  listenerUp: false,
  keyListeners: new Set(),
  order: new Map(),
  bytes: 0,
});
const projects = state.projects;

export function setListenerUp(up: boolean) {
  state.listenerUp = up;
  if (up) return;
  for (const cache of projects.values()) {
    cache.generation++;
    for (const entry of cache.answers.values()) entry.fresh = false;
  }
  for (const listener of state.keyListeners) listener(null, "listener-lost");
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

const orderKey = (projectId: string, key: string) => `${projectId}\n${key}`;

function drop(projectId: string, key: string) {
  const cache = projects.get(projectId);
  const entry = cache?.answers.get(key);
  if (!entry) return;
  cache!.answers.delete(key);
  state.order.delete(orderKey(projectId, key));
  state.bytes -= entry.bytes;
}

export function cachedAnswer(projectId: string, key: string): CachedAnswer | undefined {
  if (!servingCacheEnabled()) return undefined;
  const entry = projects.get(projectId)?.answers.get(key);
  if (!entry?.fresh) return undefined;
  const ordered = orderKey(projectId, key);
  state.order.delete(ordered);
  state.order.set(ordered, entry);
  return entry.answer;
}

/** The last answer this instance had, fresh or not: for when the database cannot be reached. */
export const staleAnswer = (projectId: string, key: string): CachedAnswer | undefined =>
  projects.get(projectId)?.answers.get(key)?.answer;

export const generationOf = (projectId: string) => projectCache(projectId).generation;

/** Bytes the cache holds now (answers and their overhead), for tests and the health page. */
export const servingCacheBytes = () => state.bytes;

// body.length × 2: V8 keeps non-Latin-1 strings at two bytes a character; a safe upper bound. A
// split's base answer is usually one of its arms' (the same string), counted once then.
function bytesOf(answer: CachedAnswer): number {
  const arms = answer.split?.arms ?? [];
  const bodies = new Set([answer.body, ...arms.map((arm) => arm.answer.body)]);
  let chars = 0;
  for (const body of bodies) chars += body.length;
  return chars * 2 + ENTRY_OVERHEAD_BYTES * (1 + arms.length);
}

export function rememberAnswer(projectId: string, key: string, generation: number, answer: CachedAnswer) {
  if (!servingCacheEnabled()) return;
  const cache = projectCache(projectId);
  if (cache.generation !== generation) return;
  drop(projectId, key);
  const bytes = bytesOf(answer);
  const budget = getEnv().GALLEY_SERVING_CACHE_BYTES;
  if (bytes > budget) return;
  if (cache.answers.size >= MAX_ANSWERS_PER_PROJECT) drop(projectId, cache.answers.keys().next().value!);
  while (state.bytes + bytes > budget && state.order.size) {
    const oldest = state.order.keys().next().value!;
    const cut = oldest.indexOf("\n");
    drop(oldest.slice(0, cut), oldest.slice(cut + 1));
  }
  const entry: Entry = { answer, bytes, fresh: true };
  cache.answers.set(key, entry);
  state.order.set(orderKey(projectId, key), entry);
  state.bytes += bytes;
}

/** Registers the key cache's reaction to key changes (once per process, whichever module copy comes first). */
export function onKeysChanged(id: string, listener: (projectId: string | null, reason: KeysChange) => void) {
  if (![...state.keyListeners].some((l) => (l as { id?: string }).id === id))
    state.keyListeners.add(Object.assign(listener, { id }));
}

/** Forget what this instance serves for a project (prompts or keys); null: everything. */
export function invalidateServing(change: { kind: "prompts" | "keys"; projectId: string | null }) {
  if (change.kind === "keys") {
    for (const listener of state.keyListeners) listener(change.projectId, "changed");
    return;
  }
  for (const [projectId, cache] of projects) {
    if (change.projectId !== null && projectId !== change.projectId) continue;
    cache.generation++;
    for (const key of [...cache.answers.keys()]) drop(projectId, key);
  }
}
