// Browser-safe: forms show the same limits the server enforces. The strength estimator's
// dictionaries are megabytes, so they load on first use only (a lazy import the sign-up and
// profile forms never trigger), never as part of a page's bundle.
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** zxcvbn scores 0–4; 0 and 1 fall to fewer than a million guesses (an online attack's reach). */
export const PASSWORD_MIN_SCORE = 2;

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return estimator;
}

/**
 * Why a password is too easy to guess (the estimator's own warning and advice), or null when it is
 * strong enough. `userInputs` (email, name, "galley") count as known words.
 */
export async function passwordWeakness(opts: { password: string; userInputs?: string[] }): Promise<string | null> {
  const zxcvbn = await loadEstimator();
  const result = zxcvbn.check(opts.password, [...(opts.userInputs ?? []), "galley"]);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const reason = result.feedback.warning ?? "This password is easy to guess.";
  const advice = result.feedback.suggestions[0] ?? "Use a few unrelated words.";
  return `${reason} ${advice}`;
}
