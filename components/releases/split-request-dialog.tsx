"use client";

import { GitPullRequestArrow, Rocket } from "lucide-react";
import { useState, type FormEvent } from "react";

import { PercentPicker, percentProblem } from "@/components/releases/percent-picker";
import { ShareFields } from "@/components/releases/share-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import type { Arm } from "@/lib/releases/arms";
import { checkShares, reviewedVersion, type SharesCheck } from "@/lib/releases/check-shares";

export type Reviewer = { id: string; name: string };

/**
 * What the dialog asks for: a new split (start), a new share for a canary (ramp), new shares for
 * every arm of a split of any size (shares) or a review of one version at 100 %.
 */
export type SplitRequest =
  | { mode: "start"; baseVersion: number; choices: Array<{ number: number; message: string }> }
  | { mode: "ramp"; baseVersion: number; canary: number; current: number }
  | { mode: "shares"; baseVersion: number; arms: Arm[] }
  | { mode: "promote"; version: number };

/**
 * What was chosen. `version` is the one a review would be about; `arms` is the whole new split
 * (shares mode only: the other modes send `percent`).
 */
export type SplitChoice = {
  version: number;
  percent: number | null;
  arms: Arm[] | null;
  reason: string;
  reviewerIds: string[];
};

const NO_REVIEWER = "Choose at least one reviewer.";

/**
 * Asks what to release before sending it: the version and its share, and, in a protected environment,
 * who should review it (the request becomes a review; the split starts when it is approved and promoted).
 */
export function SplitRequestDialog({
  open,
  onOpenChange,
  request,
  environmentName,
  protectedEnvironment,
  reviewers,
  busy,
  error,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  request: SplitRequest;
  environmentName: string;
  protectedEnvironment: boolean;
  reviewers: Reviewer[];
  busy: boolean;
  error?: string;
  onSubmit: (choice: SplitChoice) => void;
}) {
  const [version, setVersion] = useState(
    request.mode === "start"
      ? (request.choices[0]?.number ?? 0)
      : request.mode === "ramp"
        ? request.canary
        : request.mode === "shares"
          ? request.baseVersion
          : request.version,
  );
  const [percent, setPercent] = useState(request.mode === "ramp" ? (request.current >= 50 ? 75 : 50) : 10);
  const [picked, setPicked] = useState<string[]>(reviewers.map((r) => r.id));
  const [problem, setProblem] = useState<string | null>(null);
  const [entered, setEntered] = useState<Record<number, string>>(() =>
    request.mode === "shares" ? Object.fromEntries(request.arms.map((a) => [a.version, String(a.weight)])) : {},
  );
  // Errors appear on the first submit, then follow every keystroke until the form is right.
  const [shares, setShares] = useState<SharesCheck | null>(null);
  const withPercent = request.mode === "start" || request.mode === "ramp";
  const title =
    request.mode === "start"
      ? `${protectedEnvironment ? "Request review of a canary" : "Start a canary"} in ${environmentName}`
      : request.mode === "ramp"
        ? `${protectedEnvironment ? "Request review of a ramp" : "Ramp"} of v${request.canary} in ${environmentName}`
        : request.mode === "shares"
          ? `${protectedEnvironment ? "Request review of new shares" : "Set shares"} in ${environmentName}`
          : `Request review: v${request.version} to 100 % of ${environmentName}`;

  function enter(version: number, text: string) {
    const next = { ...entered, [version]: text };
    setEntered(next);
    if (shares && request.mode === "shares") setShares(checkShares({ current: request.arms, entered: next }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bad = withPercent ? percentProblem(percent) : null;
    if (bad) return setProblem(bad);
    const checked = request.mode === "shares" ? checkShares({ current: request.arms, entered }) : null;
    setShares(checked);
    if (checked && !checked.ok) return setProblem(null);
    if (protectedEnvironment && picked.length === 0) return setProblem(NO_REVIEWER);
    setProblem(null);
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    const arms = checked?.ok ? checked.arms : null;
    onSubmit({
      version:
        arms && request.mode === "shares"
          ? reviewedVersion({ current: request.arms, arms, baseVersion: request.baseVersion })
          : version,
      percent: withPercent ? percent : null,
      arms,
      reason,
      reviewerIds: picked,
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={
        protectedEnvironment
          ? `${environmentName} is protected: this opens a review. Applications see the change once it is approved and promoted.`
          : "Applications see the change at once; units (your users) keep their version across requests."
      }
      data-testid="split-dialog"
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {request.mode === "start" ? (
          <SelectField
            label="New version"
            value={version}
            onChange={(e) => setVersion(Number(e.target.value))}
            hint={`Beside v${request.baseVersion}, which ${environmentName} runs now.`}
          >
            {request.choices.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
                {v.message ? ` – ${v.message.slice(0, 80)}` : ""}
              </option>
            ))}
          </SelectField>
        ) : null}
        {withPercent ? (
          <>
            <PercentPicker
              value={percent}
              onChange={setPercent}
              exclude={request.mode === "ramp" ? request.current : undefined}
              error={problem && problem !== NO_REVIEWER ? problem : undefined}
            />
            <p className="text-xs text-muted">
              v{request.baseVersion} {Number.isInteger(percent) && percent >= 1 && percent <= 99 ? 100 - percent : "…"}{" "}
              % · v{version} {Number.isInteger(percent) ? percent : "…"} %
            </p>
          </>
        ) : null}
        {request.mode === "shares" ? (
          <ShareFields
            arms={request.arms}
            baseVersion={request.baseVersion}
            entered={entered}
            onChange={enter}
            fieldErrors={shares && !shares.ok ? shares.fields : {}}
            totalError={shares && !shares.ok ? shares.total : null}
          />
        ) : null}
        {protectedEnvironment ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Reviewers</legend>
            {reviewers.length === 0 ? (
              <p className="text-sm text-danger">
                Nobody else in this project may approve. Invite a reviewer in Settings → Members.
              </p>
            ) : (
              <ul className="max-h-40 space-y-1 overflow-y-auto">
                {reviewers.map((r) => (
                  <li key={r.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={picked.includes(r.id)}
                        onChange={(e) =>
                          setPicked((now) => (e.target.checked ? [...now, r.id] : now.filter((id) => id !== r.id)))
                        }
                      />
                      {r.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {problem === NO_REVIEWER ? (
              <p role="alert" className="text-xs text-danger">
                {problem}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <label className="block space-y-1 text-sm">
          <span className="block font-medium">{protectedEnvironment ? "What should reviewers know?" : "Reason"}</span>
          <input
            name="reason"
            maxLength={500}
            className="w-full rounded-md border border-line bg-surface px-3 py-1.5"
            placeholder="Optional: what you are watching for"
          />
        </label>
        {error ? <Alert>{error}</Alert> : null}
        <DialogActions>
          <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" icon={protectedEnvironment ? GitPullRequestArrow : Rocket} busy={busy}>
            {protectedEnvironment
              ? "Request review"
              : request.mode === "start"
                ? `Start v${version} at ${Number.isInteger(percent) ? percent : "…"} %`
                : request.mode === "shares"
                  ? "Set shares"
                  : `Ramp to ${Number.isInteger(percent) ? percent : "…"} %`}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
