"use client";

import { ArrowUpRight, Rocket, SlidersHorizontal, Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { PRESET_PERCENTS } from "@/components/releases/percent-picker";
import { ReleaseOutcomes } from "@/components/releases/release-outcomes";
import { ReleaseSteps } from "@/components/releases/release-steps";
import { SplitBar } from "@/components/releases/split-bar";
import {
  SplitRequestDialog,
  type Reviewer,
  type SplitChoice,
  type SplitRequest,
} from "@/components/releases/split-request-dialog";
import { useReleaseAction } from "@/components/releases/use-release-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Time } from "@/components/ui/time";
import type { ReleaseDetail } from "@/lib/release-outcomes/get-release-detail";
import { describeArms, type Arm } from "@/lib/releases/arms";
import { canaryArm } from "@/lib/releases/describe-release-step";
import type { EnvironmentReleaseView } from "@/lib/releases/get-releases-overview";

export type ReleaseMay = {
  /** Start, ramp, promote and abort in an unprotected environment. */
  deploy: boolean;
  /** Ask for a review (a protected environment's way to any split). */
  review: boolean;
  /** Abort a protected environment's split back to its base without a review. */
  abort: boolean;
};

type Props = {
  projectSlug: string;
  promptId: string;
  entry: EnvironmentReleaseView;
  versions: Array<{ number: number; message: string }>;
  may: ReleaseMay;
  reviewers: Reviewer[];
  outcomes: ReleaseDetail | null;
};

const withCanary = (arms: Arm[], base: number, canary: number, percent: number): Arm[] =>
  arms.map((a) => ({
    version: a.version,
    weight: a.version === canary ? percent : a.version === base ? 100 - percent : a.weight,
  }));

/**
 * One environment on the Releases tab: what it runs (a version, or a split as a bar), the one-click
 * moves that make sense from there (start a canary, ramp, promote, abort; in a protected environment
 * a review request instead), reviews waiting, the split's history and its outcomes.
 */
export function EnvironmentRelease({ projectSlug, promptId, entry, versions, may, reviewers, outcomes }: Props) {
  const router = useRouter();
  const { environment, release } = entry;
  const action = useReleaseAction();
  const [dialog, setDialog] = useState<SplitRequest | null>(null);
  const [confirm, setConfirm] = useState<"promote" | "abort" | null>(null);
  const [reason, setReason] = useState("");
  const api = `/api/projects/${projectSlug}/prompts/${promptId}/releases`;
  const message = (v: number) => versions.find((x) => x.number === v)?.message ?? "";
  const guarded = environment.protected;
  const canMove = guarded ? may.review : may.deploy;
  const canary = release ? canaryArm(release.arms, release.baseVersion) : undefined;
  const twoArms = release?.arms.length === 2;

  async function requestReview(choice: SplitChoice, arms: Arm[] | null, title: string) {
    const created = await action.send<{ number: number; href: string }>(
      `/api/projects/${projectSlug}/reviews`,
      {
        body: {
          promptId,
          version: choice.version,
          environment: environment.slug,
          reviewerIds: choice.reviewerIds,
          title,
          description: choice.reason,
          ...(arms ? { arms } : {}),
        },
      },
      (r) => `Review #${r.number} requested.`,
    );
    if (created) {
      setDialog(null);
      router.push(created.href);
    }
  }

  async function submit(choice: SplitChoice) {
    if (!dialog) return;
    if (dialog.mode === "promote")
      return requestReview(choice, null, `Promote v${choice.version} to 100 % of ${environment.name}`);
    if (dialog.mode === "shares") return submitShares(choice);
    const percent = choice.percent!;
    const arms =
      dialog.mode === "start"
        ? [
            { version: dialog.baseVersion, weight: 100 - percent },
            { version: choice.version, weight: percent },
          ]
        : withCanary(release!.arms, dialog.baseVersion, dialog.canary, percent);
    if (guarded)
      return requestReview(
        choice,
        arms,
        dialog.mode === "start"
          ? `Canary: v${choice.version} at ${percent} % of ${environment.name}`
          : `Ramp v${choice.version} to ${percent} % of ${environment.name}`,
      );
    const done =
      dialog.mode === "start"
        ? await action.send(
            api,
            {
              body: {
                environment: environment.slug,
                arms,
                expectedVersion: entry.version,
                ...(choice.reason ? { reason: choice.reason } : {}),
              },
            },
            `${environment.name}: v${choice.version} gets ${percent} % of requests.`,
          )
        : await ramp(percent, choice.reason);
    if (done) setDialog(null);
  }

  // New weights for every arm (any split of 2–4): the same ramp, or its review in a protected environment.
  async function submitShares(choice: SplitChoice) {
    const arms = choice.arms!;
    if (guarded) return requestReview(choice, arms, `New shares: ${describeArms(arms)} in ${environment.name}`);
    const done = await action.send(
      `${api}/${release!.id}`,
      {
        method: "PATCH",
        body: { arms, expectedArms: release!.arms, ...(choice.reason ? { reason: choice.reason } : {}) },
      },
      `${environment.name}: ${describeArms(arms)}.`,
    );
    if (done) setDialog(null);
  }

  const ramp = (percent: number, reason = "") =>
    action.send(
      `${api}/${release!.id}`,
      {
        method: "PATCH",
        body: {
          arms: withCanary(release!.arms, release!.baseVersion, canary!.version, percent),
          expectedArms: release!.arms,
          ...(reason ? { reason } : {}),
        },
      },
      `${environment.name}: v${canary!.version} gets ${percent} % of requests.`,
    );

  async function promote() {
    const done = await action.send(
      `${api}/${release!.id}/promote`,
      { body: { version: canary!.version, expectedArms: release!.arms } },
      `${environment.name} runs v${canary!.version} for everyone.`,
    );
    if (done) setConfirm(null);
  }
  async function abort() {
    const done = await action.send(
      `${api}/${release!.id}/abort`,
      { body: { expectedArms: release!.arms, ...(reason.trim() ? { reason: reason.trim() } : {}) } },
      `${environment.name} runs v${release!.baseVersion} again for everyone.`,
    );
    if (done) setConfirm(null);
  }

  const startChoices = versions.filter((v) => v.number !== entry.version);
  return (
    <section
      aria-labelledby={`release-${environment.slug}`}
      className="space-y-3 rounded-lg border border-line bg-surface p-4"
      data-testid={`release-${environment.slug}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={`release-${environment.slug}`} className="font-semibold">
          {environment.name}
        </h2>
        {guarded ? <span className="text-xs text-muted">protected: every change goes through a review</span> : null}
        {release ? (
          <span className="text-xs text-muted">
            split since <Time value={release.createdAt} /> by {release.createdByName}
          </span>
        ) : null}
      </header>

      {release ? (
        <div className="space-y-1">
          <SplitBar arms={release.arms} />
          <ul className="text-xs text-muted">
            {release.arms.map((a) => (
              <li key={a.version}>
                v{a.version}
                {a.version === release.baseVersion ? " (base)" : ""}: {message(a.version) || "no message"}
              </li>
            ))}
          </ul>
        </div>
      ) : entry.version ? (
        <p>
          Runs <strong>v{entry.version}</strong> for everyone
          {message(entry.version) ? <span className="text-muted"> – {message(entry.version)}</span> : null}
        </p>
      ) : (
        <p className="text-muted">
          Runs no version of this prompt. Deploy one first{guarded ? " (through a review)" : ""}: a canary splits
          traffic between what an environment runs and a newer version.
        </p>
      )}

      {entry.pendingReviews.length ? (
        <ul className="space-y-1 text-sm" data-testid="pending-reviews">
          {entry.pendingReviews.map((r) => (
            <li key={r.number}>
              <Link className="text-accent hover:underline" href={`/p/${projectSlug}/reviews/${r.number}`}>
                Review #{r.number}
              </Link>{" "}
              {r.arms ? `(split ${describeArms(r.arms)})` : `(v${r.version})`}{" "}
              <span className="text-muted">
                {r.status === "APPROVED" ? "approved: promote it from the review" : "waits for approval"}
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {action.error && !dialog && !confirm ? <Alert>{action.error}</Alert> : null}

      <div className="flex flex-wrap items-center gap-2">
        {!release && entry.version && canMove ? (
          startChoices.length ? (
            <Button
              variant="secondary"
              icon={Rocket}
              onClick={() => setDialog({ mode: "start", baseVersion: entry.version!, choices: startChoices })}
            >
              {guarded ? "Request review of a canary" : "Start a canary"}
            </Button>
          ) : (
            <span className="text-sm text-muted">Save a new version to start a canary beside v{entry.version}.</span>
          )
        ) : null}
        {release && canary && twoArms && canMove ? (
          <>
            {guarded ? null : (
              <span className="flex flex-wrap items-center gap-1" role="group" aria-label="Ramp">
                {PRESET_PERCENTS.filter((p) => p !== canary.weight).map((p) => (
                  <Button key={p} variant="secondary" busy={action.busy} onClick={() => void ramp(p)}>
                    Ramp to {p} %
                  </Button>
                ))}
              </span>
            )}
            <Button
              variant="secondary"
              onClick={() =>
                setDialog({
                  mode: "ramp",
                  baseVersion: release.baseVersion,
                  canary: canary.version,
                  current: canary.weight,
                })
              }
            >
              {guarded ? "Request review of a ramp" : "Ramp to…"}
            </Button>
          </>
        ) : null}
        {release && canMove ? (
          <Button
            variant="secondary"
            icon={SlidersHorizontal}
            onClick={() => setDialog({ mode: "shares", baseVersion: release.baseVersion, arms: release.arms })}
          >
            {guarded ? "Request review of new shares" : "Set shares…"}
          </Button>
        ) : null}
        {release && canary && canMove ? (
          <Button
            icon={ArrowUpRight}
            onClick={() => (guarded ? setDialog({ mode: "promote", version: canary.version }) : setConfirm("promote"))}
          >
            {guarded ? `Request review: v${canary.version} to 100 %` : `Promote v${canary.version} to 100 %`}
          </Button>
        ) : null}
        {release && (guarded ? may.abort : may.deploy) ? (
          <Button variant="danger" icon={Undo2} onClick={() => setConfirm("abort")}>
            Abort to v{release.baseVersion}
          </Button>
        ) : null}
      </div>

      {dialog ? (
        <SplitRequestDialog
          open
          onOpenChange={(open) => {
            if (!open) setDialog(null);
          }}
          request={dialog}
          environmentName={environment.name}
          protectedEnvironment={guarded}
          reviewers={reviewers}
          busy={action.busy}
          error={action.error}
          onSubmit={(choice) => void submit(choice)}
        />
      ) : null}
      {release && canary ? (
        <>
          <ConfirmDialog
            open={confirm === "promote"}
            onOpenChange={(open) => setConfirm(open ? "promote" : null)}
            title={`Promote v${canary.version} to 100 % of ${environment.name}?`}
            description={`Everyone gets v${canary.version}; the split ends (its history and figures stay here).`}
            confirmLabel={`Promote v${canary.version}`}
            icon={ArrowUpRight}
            busy={action.busy}
            error={action.error}
            onConfirm={() => void promote()}
          />
          <ConfirmDialog
            open={confirm === "abort"}
            onOpenChange={(open) => setConfirm(open ? "abort" : null)}
            title={`Abort the split and go back to v${release.baseVersion}?`}
            description={`Everyone in ${environment.name} gets v${release.baseVersion} again, at once.`}
            confirmLabel={`Abort to v${release.baseVersion}`}
            icon={Undo2}
            busy={action.busy}
            error={action.error}
            onConfirm={() => void abort()}
          >
            <label className="mb-3 block space-y-1 text-sm">
              <span className="block font-medium">Why? (optional, recorded in the history)</span>
              <input
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                className="w-full rounded-md border border-line bg-surface px-3 py-1.5"
                placeholder="v7 answers in the wrong language"
              />
            </label>
          </ConfirmDialog>
        </>
      ) : null}

      {release ? (
        <details open className="space-y-2">
          <summary className="cursor-pointer text-sm font-medium">History of this split</summary>
          <ReleaseSteps steps={release.steps} baseVersion={release.baseVersion} projectSlug={projectSlug} />
        </details>
      ) : null}
      {release && outcomes ? <ReleaseOutcomes url={`${api}/${release.id}`} initial={outcomes} live /> : null}
    </section>
  );
}
