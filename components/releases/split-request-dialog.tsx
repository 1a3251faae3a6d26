"use client";

import { GitPullRequestArrow, Rocket } from "lucide-react";
import { useState, type FormEvent } from "react";

import { PercentPicker, percentProblem } from "@/components/releases/percent-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";

export type Reviewer = { id: string; name: string };

/** What the dialog asks for: a new split (start), a new share (ramp) or a review of one version at 100 %. */
export type SplitRequest =
  | { mode: "start"; baseVersion: number; choices: Array<{ number: number; message: string }> }
  | { mode: "ramp"; baseVersion: number; canary: number; current: number }
  | { mode: "promote"; version: number };

export type SplitChoice = { version: number; percent: number | null; reason: string; reviewerIds: string[] };

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
        : request.version,
  );
  const [percent, setPercent] = useState(request.mode === "ramp" ? (request.current >= 50 ? 75 : 50) : 10);
  const [picked, setPicked] = useState<string[]>(reviewers.map((r) => r.id));
  const [problem, setProblem] = useState<string | null>(null);
  const withPercent = request.mode !== "promote";
  const title =
    request.mode === "start"
      ? `${protectedEnvironment ? "Request review of a canary" : "Start a canary"} in ${environmentName}`
      : request.mode === "ramp"
        ? `${protectedEnvironment ? "Request review of a ramp" : "Ramp"} of v${request.canary} in ${environmentName}`
        : `Request review: v${request.version} to 100 % of ${environmentName}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bad = withPercent ? percentProblem(percent) : null;
    if (bad) return setProblem(bad);
    if (protectedEnvironment && picked.length === 0) return setProblem("Choose at least one reviewer.");
    setProblem(null);
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    onSubmit({ version, percent: withPercent ? percent : null, reason, reviewerIds: picked });
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
              error={problem && problem !== "Choose at least one reviewer." ? problem : undefined}
            />
            <p className="text-xs text-muted">
              v{request.baseVersion} {Number.isInteger(percent) && percent >= 1 && percent <= 99 ? 100 - percent : "…"}{" "}
              % · v{version} {Number.isInteger(percent) ? percent : "…"} %
            </p>
          </>
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
            {problem === "Choose at least one reviewer." ? (
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
                : `Ramp to ${Number.isInteger(percent) ? percent : "…"} %`}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
