import Link from "next/link";

import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { versionByline } from "@/components/prompts/version-byline";
import { buttonClass } from "@/components/ui/button";
import { EnvironmentBadge } from "@/components/ui/environment-badge";
import { Time } from "@/components/ui/time";
import { listVersions } from "@/lib/prompts/list-versions";

/** The History tab: versions newest first, a page at a time (`before` is `?before=`). */
export async function HistoryTab({
  access,
  prompt,
  here,
  environments,
  running,
  before,
}: PromptTabProps & { before?: number }) {
  const { versions, nextBefore } = await listVersions({ projectId: access.project.id, promptId: prompt.id, before });
  if (!versions.length)
    return (
      <p className="text-muted">No versions yet. Write the prompt in the editor and save version 1 (Ctrl/Cmd+S).</p>
    );
  const runningIn = environments
    .filter((e) => running[e.slug])
    .map((e) => ({ slug: e.slug, name: e.name, version: running[e.slug]! }));
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="version-history">
        {versions.map((v) => (
          <li key={v.number} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 md:flex-nowrap">
            <Link
              href={`${here}?view=version&v=${v.number}`}
              className="shrink-0 font-mono font-medium text-accent hover:underline"
            >
              v{v.number}
            </Link>
            <span className="min-w-0 flex-1 truncate" title={v.message}>
              {v.message}
            </span>
            {runningIn
              .filter((r) => r.version === v.number)
              .map((r) => (
                <EnvironmentBadge key={r.slug} slug={r.slug} name={r.name} />
              ))}
            <span className="shrink-0 font-mono text-xs whitespace-nowrap">
              <span className="text-success">+{v.linesAdded}</span>{" "}
              <span className="text-danger">−{v.linesRemoved}</span>
            </span>
            <span className="flex min-w-0 gap-1 text-xs whitespace-nowrap text-muted">
              <span className="max-w-56 truncate" title={versionByline(v)} data-testid="version-byline">
                {versionByline(v)},
              </span>
              <Time value={v.createdAt} />
            </span>
            {v.number > 1 ? (
              <Link
                href={`${here}?view=compare&a=${v.number - 1}&b=${v.number}`}
                className="shrink-0 text-xs whitespace-nowrap text-accent hover:underline"
              >
                Compare with v{v.number - 1}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      {nextBefore ? (
        <Link href={`${here}?view=history&before=${nextBefore}`} className={buttonClass("secondary")}>
          Older versions
        </Link>
      ) : null}
    </div>
  );
}
