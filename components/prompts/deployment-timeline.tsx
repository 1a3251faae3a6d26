"use client";

import { Rocket, Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { SplitBar } from "@/components/releases/split-bar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { toast } from "@/components/ui/lazy-toast";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { deploymentKindLabel } from "@/lib/environments/deployment-kind-label";
import type { DeploymentView } from "@/lib/environments/list-deployments";
import { describeReleaseStep } from "@/lib/releases/describe-release-step";

type Props = {
  projectSlug: string;
  promptId: string;
  environment: { slug: string; name: string; protected: boolean };
  current: number | null;
  deployments: DeploymentView[];
  /** unprotected: may deploy; emergency: may roll a protected environment back; review: may ask for a review. */
  may: { deploy: boolean; emergency: boolean; review: boolean };
};

/**
 * One prompt's deployments to one environment, newest first, with a rollback to any earlier version:
 * one click where the environment is unprotected; on a protected one, an admin's emergency rollback
 * (with a reason) or a review.
 */
export function DeploymentTimeline({ projectSlug, promptId, environment, current, deployments, may }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<number | null>(null);
  const { busy, error, fields, run } = useRequest();
  const url = `/api/projects/${projectSlug}/prompts/${promptId}/deployments`;

  async function rollBack(version: number, reason?: string) {
    const result = await run(() =>
      apiFetch(url, {
        body: {
          environment: environment.slug,
          version,
          expectedVersion: current,
          ...(environment.protected ? { emergencyRollback: true, reason } : {}),
        },
      }),
    );
    if (result) {
      setConfirming(null);
      toast.success(`${environment.name} runs v${version} again.`);
      router.refresh();
    }
  }
  function onEmergency(event: FormEvent<HTMLFormElement>, version: number) {
    event.preventDefault();
    void rollBack(version, String(new FormData(event.currentTarget).get("reason") ?? ""));
  }

  if (!deployments.length) {
    return (
      <p className="text-muted">
        {environment.name} has never run this prompt.
        {environment.protected ? " Versions get there through an approved review." : ""}
      </p>
    );
  }
  const seen = new Set<number>();
  // Word each move by its direction: going back to an older version is a rollback; going to a newer
  // one (after a rollback) is not, and calling it one would mislead whoever is on call.
  const back = (version: number) => current !== null && version < current;
  return (
    <div className="space-y-3">
      {error && !fields.reason && confirming === null ? <Alert>{error}</Alert> : null}
      <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="prompt-deployments">
        {deployments.map((d) => {
          // A split step is ramped, promoted or aborted on the Releases tab, not rolled back to here.
          const offer = !d.arms && d.toVersion !== current && !seen.has(d.toVersion);
          seen.add(d.toVersion);
          return (
            <li key={d.id} className="space-y-2 px-4 py-2">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="text-xs whitespace-nowrap text-muted">
                  <Time value={d.createdAt} />
                </span>
                {d.arms || d.fromArms ? (
                  <span className="whitespace-nowrap">{describeReleaseStep(d)}</span>
                ) : (
                  <span className="whitespace-nowrap">
                    {d.fromVersion ? `v${d.fromVersion}` : "—"} → <strong>v{d.toVersion}</strong>
                  </span>
                )}
                {d.arms ? <SplitBar arms={d.arms} compact /> : null}
                <span className="max-w-48 truncate text-muted" title={d.actorName}>
                  {d.actorName}
                </span>
                {d.kind !== "deploy" ? (
                  <span className={`text-xs ${d.kind.includes("rollback") ? "text-danger" : "text-muted"}`}>
                    {deploymentKindLabel(d)}
                  </span>
                ) : null}
                {d.reviewNumber ? (
                  <Link
                    className="text-xs text-accent hover:underline"
                    href={`/p/${projectSlug}/reviews/${d.reviewNumber}`}
                  >
                    #{d.reviewNumber}
                  </Link>
                ) : null}
                {d.reason && d.kind !== "review" ? (
                  <span className="min-w-0 break-words text-muted">“{d.reason}”</span>
                ) : null}
                {d.gateOverride ? (
                  <span className="min-w-0 text-xs break-words text-danger" data-testid="gate-override">
                    evaluation gate overridden: “{d.gateOverride}”
                  </span>
                ) : null}
                {d.toVersion === current && d === deployments[0] ? (
                  <span className="rounded bg-subtle px-1.5 py-0.5 text-xs">running</span>
                ) : null}
                <span className="flex-1" />
                {offer && !environment.protected && may.deploy ? (
                  <Button
                    variant="secondary"
                    icon={back(d.toVersion) ? Undo2 : Rocket}
                    busy={busy}
                    onClick={() => rollBack(d.toVersion)}
                  >
                    {back(d.toVersion) ? `Roll back to v${d.toVersion}` : `Redeploy v${d.toVersion}`}
                  </Button>
                ) : null}
                {offer && environment.protected && may.emergency ? (
                  <Button
                    variant="danger"
                    icon={back(d.toVersion) ? Undo2 : Rocket}
                    onClick={() => setConfirming(d.toVersion)}
                  >
                    {back(d.toVersion)
                      ? `Emergency rollback to v${d.toVersion}`
                      : `Emergency redeploy of v${d.toVersion}`}
                  </Button>
                ) : null}
                {offer && environment.protected && !may.emergency && may.review ? (
                  <Link
                    className="text-xs text-accent hover:underline"
                    href={`/p/${projectSlug}/reviews/new?prompt=${promptId}&version=${d.toVersion}&environment=${environment.slug}`}
                  >
                    Request review of v{d.toVersion}
                  </Link>
                ) : null}
              </div>
              {offer && environment.protected && may.emergency ? (
                <Dialog
                  open={confirming === d.toVersion}
                  onOpenChange={(open) => setConfirming(open ? d.toVersion : null)}
                  title={
                    back(d.toVersion)
                      ? `Emergency rollback of ${environment.name} to v${d.toVersion}`
                      : `Emergency redeploy of v${d.toVersion} to ${environment.name}`
                  }
                  description={`${environment.name} is protected: this skips review. Applications get v${d.toVersion} at once.`}
                >
                  <form onSubmit={(e) => onEmergency(e, d.toVersion)} className="space-y-4" noValidate>
                    <label className="block space-y-1 text-sm">
                      <span className="block font-medium">
                        {back(d.toVersion)
                          ? `Why roll ${environment.name} back to v${d.toVersion}?`
                          : `Why put v${d.toVersion} back on ${environment.name}?`}
                      </span>
                      <input
                        name="reason"
                        className="w-full rounded-md border border-line bg-surface px-3 py-1.5"
                        placeholder="v5 promises refunds we don't give"
                        aria-invalid={fields.reason ? true : undefined}
                      />
                      {fields.reason ? (
                        <span role="alert" className="block text-xs text-danger">
                          {fields.reason}
                        </span>
                      ) : (
                        <span className="block text-xs text-muted">
                          Recorded in the deployment and the audit log; the people behind the current version are
                          notified.
                        </span>
                      )}
                    </label>
                    {error && !fields.reason ? <Alert>{error}</Alert> : null}
                    <DialogActions>
                      <Button type="button" variant="ghost" onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                      <Button type="submit" variant="danger" icon={back(d.toVersion) ? Undo2 : Rocket} busy={busy}>
                        {back(d.toVersion) ? "Roll back now" : "Redeploy now"}
                      </Button>
                    </DialogActions>
                  </form>
                </Dialog>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
