"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

import { armColor } from "@/components/ui/arm-colors";
import { apiFetch } from "@/lib/client/api-fetch";
import type { Estimate } from "@/lib/outcomes/arm-stats";
import type { ReleaseDetail } from "@/lib/release-outcomes/get-release-detail";

// The chart sits below the split and its buttons, so recharts loads after the first paint into a
// box of its final height (nothing moves when it arrives).
const UsageChart = dynamic(() => import("@/components/releases/usage-chart").then((m) => m.UsageChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-full rounded bg-subtle/50" />,
});

/** How often an active release's figures are read again while the tab is visible. */
const POLL_MS = 10_000;

const score = (value: number) => value.toFixed(2);
const rate = (value: number) => `${Math.round(value * 100)} %`;

/** "2.50" over "1.20 – 3.80 (95 %)": an estimate with its interval, "–" without data. */
function EstimateCell({ estimate, format }: { estimate: Estimate | undefined; format: (value: number) => string }) {
  if (!estimate || estimate.value === null) return <>–</>;
  return (
    <>
      {format(estimate.value)}
      {estimate.low !== null && estimate.high !== null ? (
        <span className="block text-xs text-muted" title="95 % confidence interval">
          {format(estimate.low)} – {format(estimate.high)}
        </span>
      ) : null}
    </>
  );
}
const bucketWords = (minutes: number) =>
  minutes === 1 ? "per minute" : minutes < 60 ? `per ${minutes} minutes` : minutes === 60 ? "per hour" : "per day";

/**
 * What each arm of a release served and how users rated it: a table (requests, ratings, mean score,
 * thumbs-up rate) and requests over time. An active release's figures refresh every few seconds.
 */
export function ReleaseOutcomes({ url, initial, live }: { url: string; initial: ReleaseDetail; live: boolean }) {
  // A fresh page (after an action) brings new figures; polled ones apply until then.
  const [polled, setPolled] = useState<{ after: ReleaseDetail; value: ReleaseDetail } | null>(null);
  const detail = polled?.after === initial ? polled.value : initial;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "visible") return;
      apiFetch<ReleaseDetail>(url).then(
        (value) => setPolled({ after: initial, value }),
        () => undefined,
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [url, live, initial]);

  const versions = [...new Set([...detail.arms.map((a) => a.version), ...detail.feedback.map((f) => f.version)])];
  const requests = versions.reduce((sum, v) => sum + (detail.usage.totals[String(v)] ?? 0), 0);
  const ratings = detail.feedback.reduce((sum, f) => sum + f.count, 0);
  return (
    <div className="space-y-3" data-testid="release-outcomes">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="py-1 font-medium">Version</th>
            <th className="py-1 text-right font-medium">Share</th>
            <th className="py-1 text-right font-medium">Requests</th>
            <th className="py-1 text-right font-medium">Ratings</th>
            <th className="py-1 text-right font-medium">Mean score</th>
            <th className="py-1 text-right font-medium">Thumbs up</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {versions.map((v, i) => {
            const arm = detail.arms.find((a) => a.version === v);
            const feedback = detail.feedback.find((f) => f.version === v);
            return (
              <tr key={v} className="border-t border-line" data-testid={`arm-v${v}`}>
                <td className="py-1">
                  <span
                    aria-hidden="true"
                    className="mr-1.5 inline-block size-2 rounded-full"
                    style={{ background: armColor(i) }}
                  />
                  v{v}
                </td>
                <td className="py-1 text-right">{arm ? `${arm.weight} %` : "–"}</td>
                <td className="py-1 text-right" data-testid="requests">
                  {detail.usage.totals[String(v)] ?? 0}
                </td>
                <td className="py-1 text-right" data-testid="ratings">
                  {feedback?.count ?? 0}
                </td>
                <td className="py-1 text-right" data-testid="mean">
                  <EstimateCell estimate={feedback?.mean} format={score} />
                </td>
                <td className="py-1 text-right" data-testid="thumbs-up">
                  <EstimateCell estimate={feedback?.thumbsUpRate} format={rate} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ratings > 0 ? (
        <p className="text-xs text-muted">
          The range under a mean score or thumbs-up rate is its 95 % confidence interval. Mean scores count numeric
          ratings; thumbs count apart.
        </p>
      ) : null}
      {ratings > 0 && detail.verdicts.length ? (
        <ul className="space-y-0.5 text-sm" data-testid="verdicts">
          {detail.verdicts.map((v) => (
            <li
              key={v.version}
              className={
                v.comparison.verdict === "better"
                  ? "text-success"
                  : v.comparison.verdict === "worse"
                    ? "text-danger"
                    : "text-muted"
              }
            >
              {v.comparison.sentence}
            </li>
          ))}
        </ul>
      ) : null}
      {ratings === 0 ? (
        <p className="text-xs text-muted">
          No feedback yet. Applications send it with <code>POST /api/prompts/{"{name}"}/feedback</code> and the
          response&apos;s <code>release</code> token (or <code>galley.feedback(…)</code> in the SDKs).
        </p>
      ) : null}
      <figure>
        <figcaption className="mb-1 text-xs text-muted">Requests {bucketWords(detail.usage.bucketMinutes)}</figcaption>
        <div className="h-48" data-testid="usage-chart">
          {requests ? (
            <UsageChart points={detail.usage.points} versions={versions} />
          ) : (
            <p className="text-sm text-muted">
              No request counted yet. Apps get an arm when they read the prompt from this environment; pass a stable
              unit id (<code>?unit=</code> or the <code>Galley-Unit</code> header) so each user keeps theirs. Counts
              arrive within a few seconds.
            </p>
          )}
        </div>
      </figure>
    </div>
  );
}
