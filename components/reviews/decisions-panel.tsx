"use client";

import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { ReviewPanelProps } from "@/components/reviews/review-panel-props";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { describeReviewTarget } from "@/lib/reviews/describe-review-target";

/** Approvals so far, and the promote / update / close / reopen buttons the viewer may use. */
export function DecisionsPanel({
  review,
  abilities,
  api,
  live,
  projectSlug,
  gate,
}: ReviewPanelProps & { api: string; live: boolean }) {
  const router = useRouter();
  const promote = useRequest();
  const override = useRequest();
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const push = useRequest();
  const close = useRequest();
  const a = review.approval;
  // The server refuses a promotion the gate blocks (409); the button says so before anyone clicks.
  const gateBlocks = gate !== null && gate.check.state !== "none" && gate.check.state !== "passed";
  // "v7", or "v7 at 10 % (v6 90 %)" for a split: every label says what promoting releases.
  const target = describeReviewTarget(review);
  const promoteTo = `${review.environment.name} now runs ${review.prompt.name} ${target}.`;
  const after = (ok: unknown, done: string) => {
    if (!ok) return;
    toast.success(done);
    router.refresh();
  };
  return (
    <section aria-labelledby="decision-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <h2 id="decision-heading" className="sr-only">
        Approvals
      </h2>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="approval-summary">
        <span className={a.approvals.length >= a.required ? "font-medium text-success" : "font-medium"}>
          {a.approvals.length} of {a.required} approval{a.required === 1 ? "" : "s"}
          {a.approvals.length ? `: ${a.approvals.join(", ")}` : ""}
        </span>
        {a.changesRequested.length ? (
          <span className="text-danger">Changes requested by {a.changesRequested.join(", ")}</span>
        ) : null}
        {a.stale.length ? (
          <span className="text-muted">Stale (given to an earlier version or base): {a.stale.join(", ")}</span>
        ) : null}
      </div>
      {review.status === "PROMOTED" ? (
        <p className="text-success">
          Promoted: {review.environment.name} runs {review.prompt.name} {target}.{" "}
          <Link
            className="text-accent hover:underline"
            href={`/p/${projectSlug}/environments?env=${review.environment.slug}`}
          >
            See {review.environment.name}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {abilities.promote ? (
          <Button
            busy={promote.busy}
            disabled={a.status !== "APPROVED" || gateBlocks}
            title={
              a.status !== "APPROVED"
                ? "Needs the required approvals of this version first."
                : gateBlocks
                  ? gate.check.reason
                  : undefined
            }
            aria-describedby={gateBlocks ? "gate-reason" : undefined}
            onClick={async () => after(await promote.run(() => apiFetch(`${api}/promote`, { body: {} })), promoteTo)}
          >
            Promote {target} to {review.environment.name}
          </Button>
        ) : null}
        {abilities.promote && gateBlocks && gate.canOverride && a.status === "APPROVED" ? (
          <Button variant="danger" icon={ShieldAlert} onClick={() => setOverriding(true)}>
            Promote anyway
          </Button>
        ) : null}
        {abilities.push && review.prompt.latestVersion > review.version ? (
          <Button
            variant="secondary"
            busy={push.busy}
            onClick={async () =>
              after(
                await push.run(() => apiFetch(`${api}/version`, { body: { version: review.prompt.latestVersion } })),
                `The review is now of v${review.prompt.latestVersion}.`,
              )
            }
          >
            Update review to v{review.prompt.latestVersion}
          </Button>
        ) : null}
        {abilities.close && live ? (
          <Button
            variant="ghost"
            busy={close.busy}
            onClick={async () => after(await close.run(() => apiFetch(`${api}/close`, { body: {} })), "Review closed.")}
          >
            Close without promoting
          </Button>
        ) : null}
        {abilities.close && review.status === "CLOSED" ? (
          <Button
            variant="secondary"
            busy={close.busy}
            onClick={async () =>
              after(await close.run(() => apiFetch(`${api}/close`, { body: { reopen: true } })), "Review reopened.")
            }
          >
            Reopen
          </Button>
        ) : null}
      </div>
      {[promote.error, push.error, close.error].filter(Boolean).map((e) => (
        <Alert key={e}>{e}</Alert>
      ))}
      {gateBlocks && gate.canOverride ? (
        <ConfirmDialog
          open={overriding}
          onOpenChange={setOverriding}
          title={`Promote ${target} to ${review.environment.name} past its evaluation gate?`}
          description={gate.check.reason}
          cancelLabel="Keep waiting for the gate"
          confirmLabel="Promote anyway"
          icon={ShieldAlert}
          busy={override.busy}
          error={override.error}
          onConfirm={async () => {
            const done = await override.run(() =>
              apiFetch(`${api}/promote`, { body: { gateOverrideReason: overrideReason } }),
            );
            if (done) setOverriding(false);
            after(done, promoteTo);
          }}
        >
          <TextField
            label="Why skip the gate?"
            name="gateOverrideReason"
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            placeholder="Legal needs the new wording live today"
            error={override.fields.gateOverrideReason}
            hint="Recorded on the deployment, in the Environments timeline and in the audit log."
          />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
