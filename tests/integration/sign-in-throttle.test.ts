import { beforeAll, describe, expect, it } from "vitest";

import { authorizeWithPassword } from "@/lib/auth/authorize-with-password";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_ADDRESS_LIMIT, ACCOUNT_SLOWDOWN_AFTER, ADDRESS_LIMIT } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";

import { unique } from "./helpers";

const password = "correct horse battery staple";

async function makeAccount(): Promise<string> {
  const email = `${unique("person")}@example.test`;
  await db.user.create({ data: { email, name: email, passwordHash: await hashPassword(password) } });
  return email;
}

let addresses = 0;
/** A fresh client address per test, so the tests do not share per-address counters. */
const newAddress = () => `203.0.113.${++addresses}`;

type Outcome = "signed-in" | "wrong" | "throttled";
async function attempt(email: string, guess: string, address: string): Promise<Outcome> {
  try {
    await authorizeWithPassword({ email, password: guess, address });
    return "signed-in";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "unauthenticated") return "wrong";
    if (code === "rate_limited") return "throttled";
    throw error;
  }
}

const count = (outcomes: Outcome[], kind: Outcome) => outcomes.filter((o) => o === kind).length;

describe("sign-in throttling", () => {
  beforeAll(applyMigrations);

  it("checks at most five guesses from a parallel burst against one account", async () => {
    const email = await makeAccount();
    const address = newAddress();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(email, `wrong guess ${i}`, address)),
    );
    expect(count(outcomes, "wrong")).toBe(ACCOUNT_ADDRESS_LIMIT);
    expect(count(outcomes, "throttled")).toBe(30 - ACCOUNT_ADDRESS_LIMIT);
    // Even the right password is not checked from that address until the window ends.
    expect(await attempt(email, password, address)).toBe("throttled");
  });

  it("throttles one guess sprayed over many emails from one address", async () => {
    const address = newAddress();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => attempt(`${unique("nobody")}@example.test`, "Summer2024!", address)),
    );
    expect(count(outcomes, "wrong")).toBe(ADDRESS_LIMIT);
    expect(count(outcomes, "throttled")).toBe(100 - ADDRESS_LIMIT);
    // The sprayed address is throttled for real accounts too; other addresses are not.
    const email = await makeAccount();
    expect(await attempt(email, password, address)).toBe("throttled");
    expect(await attempt(email, password, newAddress())).toBe("signed-in");
  });

  it("lets the real person sign in from their own address after anonymous failures, only slowed down", async () => {
    const email = await makeAccount();
    const attackers = [newAddress(), newAddress(), newAddress()];
    const outcomes = await Promise.all(
      attackers.flatMap((address) =>
        Array.from({ length: ACCOUNT_ADDRESS_LIMIT + 1 }, (_, i) => attempt(email, `guess ${i}`, address)),
      ),
    );
    expect(count(outcomes, "wrong")).toBe(3 * ACCOUNT_ADDRESS_LIMIT);
    expect(count(outcomes, "throttled")).toBe(3);

    // 15 checked guesses from elsewhere: past the account's slow-down threshold, never a lock.
    expect(3 * ACCOUNT_ADDRESS_LIMIT).toBeGreaterThan(ACCOUNT_SLOWDOWN_AFTER);
    const home = newAddress();
    const started = Date.now();
    expect(await attempt(email, password, home)).toBe("signed-in");
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    // A typo at home is still just a wrong password, not a lock-out.
    expect(await attempt(email, "typo", home)).toBe("wrong");
  });

  it("does not count a person's own successful sign-ins against them", async () => {
    const email = await makeAccount();
    const address = newAddress();
    for (let i = 0; i <= ACCOUNT_ADDRESS_LIMIT; i++) expect(await attempt(email, password, address)).toBe("signed-in");
    const typos = await Promise.all(
      Array.from({ length: ACCOUNT_ADDRESS_LIMIT - 1 }, () => attempt(email, "typo", address)),
    );
    expect(typos.every((o) => o === "wrong")).toBe(true);
    expect(await attempt(email, password, address)).toBe("signed-in");
  });

  it("opens again when the window has passed", async () => {
    const email = await makeAccount();
    const address = newAddress();
    for (let i = 0; i <= ACCOUNT_ADDRESS_LIMIT; i++) await attempt(email, "guess", address);
    expect(await attempt(email, password, address)).toBe("throttled");
    await db.signInThrottle.updateMany({ data: { windowStart: new Date(Date.now() - 16 * 60 * 1000) } });
    expect(await attempt(email, password, address)).toBe("signed-in");
  });

  it("stores neither emails nor addresses", async () => {
    const email = await makeAccount();
    await attempt(email, "guess", "198.51.100.77");
    const rows = JSON.stringify(await db.signInThrottle.findMany());
    expect(rows).not.toContain(email);
    expect(rows).not.toContain("198.51.100.77");
  });
});
