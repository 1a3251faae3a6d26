import { describe, expect, it } from "vitest";

import { passwordWeakness } from "@/lib/auth/password-rules";

describe("password strength", () => {
  it("refuses very guessable passwords with the estimator's reason", async () => {
    expect(await passwordWeakness({ password: "password1234" })).toMatch(/commonly used password/);
    expect(await passwordWeakness({ password: "aaaaaaaaaaaa" })).toMatch(/Repeated characters/);
    expect(await passwordWeakness({ password: "galleygalley" })).not.toBeNull();
    expect(
      await passwordWeakness({
        password: "ada.lovelace1",
        userInputs: ["ada.lovelace@example.test", "ada.lovelace", "Ada Lovelace"],
      }),
    ).not.toBeNull();
  });

  it("accepts passphrases and random strings", async () => {
    for (const password of [
      "correct horse battery staple",
      "owner-password-1",
      "a-brand-new-password",
      "x7#Kp2!vQz9w",
    ]) {
      expect(await passwordWeakness({ password }), password).toBeNull();
    }
  });
});
