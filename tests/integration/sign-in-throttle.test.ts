import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { clearSignInFailures, getSignInLock, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { unique } from "./helpers";

describe("sign-in throttling", () => {
  beforeAll(applyMigrations);

  it("locks an email after five failures, longer with each further one, and a success clears it", async () => {
    const email = `${unique("t")}@example.test`;
    for (let i = 0; i < 4; i++) await recordSignInFailure(email);
    expect(await getSignInLock(email)).toBe(0);
    await recordSignInFailure(email);
    const first = await getSignInLock(email);
    expect(first).toBeGreaterThan(50_000);
    await recordSignInFailure(email);
    expect(await getSignInLock(email)).toBeGreaterThan(first + 30_000);
    expect(await getSignInLock(`other-${email}`)).toBe(0);
    await clearSignInFailures(email);
    expect(await getSignInLock(email)).toBe(0);
  });
});
