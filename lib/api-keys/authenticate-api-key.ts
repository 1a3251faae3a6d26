import "server-only";

import { hashApiKeySecret, KEY_PREFIX } from "@/lib/api-keys/api-key-secret";
import { onKeysChanged, servingCacheEnabled } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ApiKeyScope } from "@/lib/validations/api-key";

export type ApiKeyIdentity = {
  id: string;
  projectId: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revoked: boolean;
  createdById: string;
  createdByName: string;
};

// Shared through globalThis by the custom server's and the Next.js bundle's copies of this module.
// `lastKnown` outlives a lost listener (only a known key change drops its entries): it answers
// for keys while the database cannot be reached, so stale-if-error works for uncached keys too.
type KeyState = {
  keys: Map<string, ApiKeyIdentity>;
  lastKnown: Map<string, ApiKeyIdentity>;
  generation: number;
  lastUsed: Map<string, Date>;
  flushTimer: NodeJS.Timeout | null;
};
const stateKey = Symbol.for("galley.api-keys");
const state: KeyState = ((globalThis as { [stateKey]?: KeyState })[stateKey] ??= {
  keys: new Map(),
  lastKnown: new Map(),
  generation: 0,
  lastUsed: new Map(),
  flushTimer: null,
});
const keys = state.keys;
const MAX_LAST_KNOWN = 10_000;
onKeysChanged("api-key-cache", (projectId, reason) => {
  state.generation++;
  const lists = reason === "changed" ? [keys, state.lastKnown] : [keys];
  for (const list of lists) {
    if (projectId === null) list.clear();
    else for (const [hash, key] of list) if (key.projectId === projectId) list.delete(hash);
  }
});

// "Last used" is written at most once a minute per key, off the request path.
function touch(keyId: string) {
  const now = Date.now();
  const last = state.lastUsed.get(keyId);
  if (last && now - last.getTime() < 1000) return;
  state.lastUsed.set(keyId, new Date(now));
  state.flushTimer ??= setTimeout(() => void flushLastUsed(), 60_000).unref();
}

/** Writes the pending "last used" times (also called at shutdown). */
export async function flushLastUsed(): Promise<void> {
  state.flushTimer = null;
  const pending = [...state.lastUsed];
  state.lastUsed.clear();
  for (const [id, at] of pending)
    await db.apiKey
      .update({ where: { id }, data: { lastUsedAt: at } })
      .catch((error) => log.warn("could not record API key use", { keyId: id, error: String(error) }));
}

const unauthenticated = (message: string) =>
  new AppError({ code: "unauthenticated", message, headers: { "www-authenticate": 'Bearer realm="galley"' } });

// The hot path hashes the same few secrets over and over; remember the last ones' hashes.
const hashes = new Map<string, string>();
function hashOf(secret: string): string {
  let hash = hashes.get(secret);
  if (hash === undefined) {
    if (hashes.size >= 1000) hashes.clear();
    hashes.set(secret, (hash = hashApiKeySecret(secret)));
  }
  return hash;
}

const SEND_A_KEY =
  "Send an API key as `Authorization: Bearer gk_…`, or with HTTP Basic auth as the password (any username): create one in Settings → API keys.";

// Basic credentials are decoded once per distinct header (apps repeat the same one); bounded like `hashes`.
const basicSecrets = new Map<string, string>();
function basicSecret(credentials: string): string {
  let secret = basicSecrets.get(credentials);
  if (secret === undefined) {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    // Langfuse's SDKs send publicKey:secretKey; the username carries nothing here, the password is the key.
    secret = colon === -1 ? "" : decoded.slice(colon + 1);
    if (basicSecrets.size >= 1000) basicSecrets.clear();
    basicSecrets.set(credentials, secret);
  }
  if (!secret)
    throw unauthenticated(
      "HTTP Basic auth needs username:password with a Galley API key (gk_…) as the password; the username can be anything, e.g. galley.",
    );
  return secret;
}

/**
 * The key in an Authorization header: `Bearer <key>`, or HTTP Basic with the key as the password
 * (what Langfuse's SDKs send as publicKey:secretKey; the username is ignored). Basic is accepted on
 * every key route, not only the Langfuse-compatible ones: it is the same secret checked the same way,
 * and curl -u or any HTTP client's basic-auth option then works everywhere. It is never advertised
 * (WWW-Authenticate stays Bearer), so no browser prompts for it and keeps it as an ambient credential.
 */
function secretOf(authorization: string | null | undefined): string {
  const match = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw unauthenticated(SEND_A_KEY);
  const secret = match[1]!.toLowerCase() === "basic" ? basicSecret(match[2]!) : match[2]!;
  if (!secret.startsWith(KEY_PREFIX))
    throw unauthenticated(
      match[1]!.toLowerCase() === "basic"
        ? "The Basic auth password is not a Galley API key (gk_…): use the key as the password (Langfuse's secretKey); the username can be anything."
        : "That is not a Galley API key.",
    );
  return secret;
}

/** Whether the request authenticates with HTTP Basic (which a browser could send on its own: see apiRoute). */
export const isBasicAuthorization = (authorization: string | null | undefined) => /^Basic\s/i.test(authorization ?? "");

function accept(key: ApiKeyIdentity, scope: ApiKeyScope): ApiKeyIdentity {
  if (key.revoked) throw unauthenticated(`API key ${key.prefix}… was revoked.`);
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now())
    throw unauthenticated(`API key ${key.prefix}… expired on ${key.expiresAt.toISOString()}.`);
  if (!key.scopes.includes(scope))
    throw new AppError({ code: "forbidden", message: `API key ${key.prefix}… lacks the ${scope} scope.` });
  touch(key.id);
  return key;
}

/**
 * The hot path's synchronous check: the key from this instance's cache (checked as below), or
 * undefined when it is not cached and authenticateApiKey must ask the database.
 */
export function authenticateCachedApiKey(
  authorization: string | null | undefined,
  scope: ApiKeyScope,
): ApiKeyIdentity | undefined {
  if (!servingCacheEnabled()) return undefined;
  const key = keys.get(hashOf(secretOf(authorization)));
  return key && accept(key, scope);
}

/**
 * The API key in an Authorization header, with its project and scopes. Bad, expired or revoked
 * keys are 401; a key without the scope is 403. Keys are cached per instance; a revocation clears
 * the cache in every instance (LISTEN/NOTIFY), so it takes effect at once.
 */
export async function authenticateApiKey(
  authorization: string | null | undefined,
  scope: ApiKeyScope,
): Promise<ApiKeyIdentity> {
  const hash = hashOf(secretOf(authorization));
  let key = servingCacheEnabled() ? keys.get(hash) : undefined;
  if (!key) {
    const seen = state.generation;
    let row;
    try {
      row = await db.apiKey.findUnique({ where: { hash } });
    } catch (error) {
      // The database is down: a key this instance has seen keeps working (the answer will be stale too).
      const known = isDatabaseUnavailable(error) ? state.lastKnown.get(hash) : undefined;
      if (known) return accept(known, scope);
      throw error;
    }
    if (!row) throw unauthenticated("This API key is not valid. Check it, or create a new one in Settings → API keys.");
    key = {
      id: row.id,
      projectId: row.projectId,
      name: row.name,
      prefix: row.prefix,
      scopes: row.scopes,
      expiresAt: row.expiresAt,
      revoked: row.revokedAt !== null,
      createdById: row.createdById,
      createdByName: row.createdByName,
    };
    if (seen === state.generation) {
      if (servingCacheEnabled()) keys.set(hash, key);
      if (state.lastKnown.size >= MAX_LAST_KNOWN) state.lastKnown.delete(state.lastKnown.keys().next().value!);
      state.lastKnown.set(hash, key);
    }
  }
  return accept(key, scope);
}
