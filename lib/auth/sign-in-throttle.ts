// Throttles password guessing (sign-in and change password). Every attempt is counted, before the
// password is checked, in one INSERT … ON CONFLICT DO UPDATE … RETURNING over three counters, so
// parallel requests cannot all read "not locked yet" and each get a guess:
// - per (account, client address): 5 attempts per 15 minutes, then refused until the window ends;
// - per client address, over all accounts: 20 per 15 minutes (one guess sprayed over many emails);
// - per account, over all addresses: never refused, because then anyone could lock a real person
//   out; after 10 attempts each further one is slowed down instead.
// A successful sign-in gives its attempt back. Counters live in the database, so every instance
// and a restart see them.
import "server-only";

import crypto from "node:crypto";
import ipaddr from "ipaddr.js";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_ADDRESS_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
const SLOWDOWN_STEP_MS = 250;
const MAX_SLOWDOWN_MS = 3000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export type SignInAttempt = {
  /** The password was right: give the attempt back, so a person's own sign-ins never count. */
  succeeded: () => Promise<void>;
};

/** IPv6 clients usually hold a whole /64, so one counts as one address. */
function addressScope(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") return ip.toString();
  return `${(ip as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":")}::/64`;
}

// Hashed: the table then holds neither emails nor addresses.
const keyOf = (...parts: string[]) => crypto.createHash("sha256").update(parts.join("\n")).digest("hex");

let lastSweep = 0;

async function sweepExpired(): Promise<void> {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${SIGN_IN_WINDOW_MS / 1000})`;
}

async function giveBack(keys: string[], forget: string[] = []): Promise<void> {
  await db.$transaction([
    db.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST(0, "attempts" - 1) WHERE "key" = ANY(${keys}::text[])`,
    db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ANY(${forget}::text[])`,
  ]);
}

/**
 * Counts one password attempt for `email` from `address`: throws a 429 when it may not be checked,
 * waits first when the account is being guessed at from elsewhere. Call it before looking at the
 * password; call `succeeded()` when the password was right.
 */
export async function throttleSignIn(opts: { email: string; address: string }): Promise<SignInAttempt> {
  const scope = addressScope(opts.address);
  const email = opts.email.trim().toLowerCase();
  const keys = {
    accountAddress: keyOf("account-address", email, scope),
    address: keyOf("address", scope),
    account: keyOf("account", email),
  };
  const windowSeconds = SIGN_IN_WINDOW_MS / 1000;
  // Timestamps in UTC, as Prisma stores them; sorted keys take row locks in one order (no deadlocks).
  const rows = await db.$queryRaw<Array<{ key: string; attempts: number; retryAfterMs: number }>>`
    INSERT INTO "SignInThrottle" ("key", "attempts", "windowStart", "updatedAt")
    SELECT k, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM unnest(${Object.values(keys)}::text[]) AS k ORDER BY k
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "SignInThrottle"."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "SignInThrottle"."attempts" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds}) THEN now() AT TIME ZONE 'UTC' ELSE "SignInThrottle"."windowStart" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    RETURNING "key", "attempts", GREATEST(0, EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS "retryAfterMs"`;
  void sweepExpired().catch(() => undefined);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const accountAddress = byKey.get(keys.accountAddress)!;
  const address = byKey.get(keys.address)!;
  const account = byKey.get(keys.account)!;

  const refused = [
    accountAddress.attempts > ACCOUNT_ADDRESS_LIMIT ? accountAddress : null,
    address.attempts > ADDRESS_LIMIT ? address : null,
  ].filter((r) => r !== null);
  if (refused.length) {
    // A refused attempt checks nothing, so it must not slow the account down for everyone else.
    await giveBack([keys.account]);
    log.info("password attempts throttled", { address: opts.address });
    const seconds = Math.max(1, Math.ceil(Math.max(...refused.map((r) => r.retryAfterMs)) / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError({
      code: "rate_limited",
      message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      headers: { "retry-after": String(seconds) },
    });
  }
  const over = account.attempts - ACCOUNT_SLOWDOWN_AFTER;
  if (over > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_SLOWDOWN_MS, over * SLOWDOWN_STEP_MS)));
  return { succeeded: () => giveBack([keys.address, keys.account], [keys.accountAddress]) };
}
