// Pure: what moving an environment's pointer means, given what the environment runs now. The one
// statement of the rules of splits, shared by movePointer (which applies the move) and the review
// form's checks (which refuse a review that could never be promoted, before anyone is asked).
import { AppError } from "@/lib/errors";
import type { Arm } from "@/lib/releases/arms";
import { describePointer } from "@/lib/releases/describe-pointer";
import { sameArms } from "@/lib/releases/same-arms";

/** How a caller asks to move: the stored kind may differ (a deploy onto a split promotes one of its arms). */
export type MoveKind = "deploy" | "rollback" | "emergency-rollback" | "review" | "release-abort";

/** What a deployment row's `kind` says: today's kinds, and the four steps of a release. */
export type DeploymentKind =
  | "deploy"
  | "rollback"
  | "emergency-rollback"
  | "review"
  | "release-start"
  | "release-ramp"
  | "release-promote"
  | "release-abort";

export type PointerTarget =
  /** The whole environment runs this version (ends an active split). */
  | { version: number; arms?: undefined }
  /** A split: starts one from what the environment runs, or ramps the active one (same versions, new weights). */
  | { arms: Arm[]; version?: undefined };

/** What an environment runs for a prompt: a version (null: none), and the active release's split. */
export type PointerState = {
  version: number | null;
  release: { id: string; baseVersion: number; arms: Arm[] } | null;
};

export type PlannedMove = {
  kind: DeploymentKind;
  /** pointer.version after the move: the base while a split runs. */
  toVersion: number;
  /** The split after the move (null: a whole version). */
  arms: Arm[] | null;
  /** Versions the environment did not run before this move, which its evaluation gate must pass. */
  newVersions: number[];
  endsRelease: null | { status: "promoted" | "aborted" };
};

/**
 * Decides what a move is, or refuses it (409 naming what the environment runs now):
 * - a split with no release active starts one (release-start). It must include what the
 *   environment runs now, which becomes its base: pointer.version stays on it while the split
 *   runs, so code that only knows `version` keeps a sane answer, and an abort goes back to it;
 * - a split with a release active ramps it (release-ramp): the same versions with new weights.
 *   The release id seeds sticky assignment, so it stays; another set of versions is a new release
 *   (promote or abort first), since changing the arms would reshuffle units anyway;
 * - a whole version with a release active ends it: release-abort (to the base) and emergency
 *   rollbacks as "aborted"; a deploy, a review's promotion or the release's promote as "promoted",
 *   and only to one of its arms: deploying a version outside the split is refused, so nobody ends
 *   a canary by accident;
 * - a whole version with no release active: today's deploy ("rollback" when it goes back).
 */
export function planPointerMove(opts: {
  current: PointerState;
  target: PointerTarget;
  kind: MoveKind;
  environmentName: string;
  promptName: string;
}): PlannedMove {
  const { current, target, environmentName: env } = opts;
  const running = describePointer({ version: current.version, arms: current.release?.arms });
  const details = {
    currentVersion: current.version,
    ...(current.release ? { currentArms: current.release.arms, release: current.release.id } : {}),
  };
  const refuse = (message: string) => new AppError({ code: "conflict", message, details });

  if (target.arms) {
    if (opts.kind === "release-abort" || opts.kind === "emergency-rollback")
      throw new AppError({ code: "bad_request", message: "An abort or a rollback goes to one version, not a split." });
    const versions = target.arms.map((arm) => arm.version);
    if (current.version === null)
      throw refuse(
        `${env} runs no version of ${opts.promptName} yet: deploy one first. A split starts from what an environment runs, and an abort goes back to it.`,
      );
    const base = current.release?.baseVersion ?? current.version;
    const newVersions = versions.filter((v) => v !== base);
    if (!current.release) {
      if (!versions.includes(base))
        throw refuse(
          `${env} runs v${base}: a split starts from it, so list v${base} as one of its versions (e.g. v${base} 90 % · v${newVersions[0]} 10 %).`,
        );
      return { kind: "release-start", toVersion: base, arms: target.arms, newVersions, endsRelease: null };
    }
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b).join();
    if (sorted(current.release.arms.map((a) => a.version)) !== sorted(versions))
      throw refuse(
        `${env} runs ${running}. A ramp changes the weights of these versions; to try another version, promote one of them to 100 % or abort, then start a new split.`,
      );
    if (sameArms(target.arms, current.release.arms)) throw refuse(`${env} already runs ${running}.`);
    return { kind: "release-ramp", toVersion: base, arms: target.arms, newVersions, endsRelease: null };
  }

  const version = target.version;
  if (!current.release) {
    if (opts.kind === "release-abort") throw refuse(`${env} runs no split of ${opts.promptName} to abort.`);
    if (current.version === version) throw refuse(`${env} already runs version ${version}.`);
    const kind =
      opts.kind === "deploy" && current.version !== null && version < current.version ? "rollback" : opts.kind;
    return {
      kind,
      toVersion: version,
      arms: null,
      newVersions: kind === "emergency-rollback" ? [] : [version],
      endsRelease: null,
    };
  }
  const { baseVersion } = current.release;
  if (opts.kind === "release-abort") {
    if (version !== baseVersion)
      throw refuse(`An abort goes back to v${baseVersion}, what ${env} ran before the split.`);
    return {
      kind: "release-abort",
      toVersion: version,
      arms: null,
      newVersions: [],
      endsRelease: { status: "aborted" },
    };
  }
  if (opts.kind === "emergency-rollback")
    return {
      kind: "emergency-rollback",
      toVersion: version,
      arms: null,
      newVersions: [],
      endsRelease: { status: "aborted" },
    };
  if (!current.release.arms.some((arm) => arm.version === version))
    throw refuse(
      `${env} runs a split (${running}). Promote one of its versions to 100 % or abort it before deploying v${version}.`,
    );
  return {
    kind: "release-promote",
    toVersion: version,
    arms: null,
    // Back to the base is what ran before the split: like an abort, nothing new to gate.
    newVersions: version === baseVersion ? [] : [version],
    endsRelease: { status: "promoted" },
  };
}
