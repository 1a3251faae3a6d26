"use client";

import { useState } from "react";

import { ReleaseOutcomes } from "@/components/releases/release-outcomes";
import { ReleaseSteps } from "@/components/releases/release-steps";
import { SplitBar } from "@/components/releases/split-bar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { ReleaseDetail } from "@/lib/release-outcomes/get-release-detail";
import type { ReleaseSummary } from "@/lib/releases/get-releases-overview";

/** Ended releases, each with how it ended; its steps and figures load when opened. */
export function PastReleases({
  releases,
  api,
  projectSlug,
}: {
  releases: ReleaseSummary[];
  api: string;
  projectSlug: string;
}) {
  const [open, setOpen] = useState<Record<string, ReleaseDetail | "loading" | { error: string }>>({});
  async function toggle(id: string) {
    if (open[id]) return setOpen(({ [id]: _, ...rest }) => rest);
    setOpen((now) => ({ ...now, [id]: "loading" }));
    try {
      const detail = await apiFetch<ReleaseDetail>(`${api}/${id}`);
      setOpen((now) => ({ ...now, [id]: detail }));
    } catch (e) {
      setOpen((now) => ({ ...now, [id]: { error: (e as ApiError).message } }));
    }
  }
  return (
    <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="past-releases">
      {releases.map((r) => {
        const shown = open[r.id];
        return (
          <li key={r.id} className="space-y-2 px-4 py-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <span className="font-medium">{r.environment.name}</span>
              <SplitBar arms={r.arms} compact />
              <span className={r.status === "aborted" ? "text-danger" : "text-success"}>
                {r.status === "aborted" ? `aborted to v${r.endVersion}` : `promoted v${r.endVersion} to 100 %`}
              </span>
              <span className="text-xs text-muted">
                <Time value={r.createdAt} />
                {r.endedAt ? (
                  <>
                    {" "}
                    – <Time value={r.endedAt} />
                  </>
                ) : null}
                , started by {r.createdByName}
              </span>
              <span className="flex-1" />
              <Button variant="ghost" busy={shown === "loading"} onClick={() => void toggle(r.id)}>
                {shown && shown !== "loading" ? "Hide" : "Show history and figures"}
              </Button>
            </div>
            {shown && typeof shown === "object" && "error" in shown ? <Alert>{shown.error}</Alert> : null}
            {shown && typeof shown === "object" && "steps" in shown ? (
              <>
                <ReleaseSteps steps={shown.steps} baseVersion={shown.baseVersion} projectSlug={projectSlug} />
                <ReleaseOutcomes url={`${api}/${r.id}`} initial={shown} live={false} />
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
