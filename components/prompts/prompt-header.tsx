import Link from "next/link";
import { Fragment } from "react";

import { PromptTabCommands } from "@/components/prompts/prompt-tab-commands";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { Time } from "@/components/ui/time";
import { describeArms } from "@/lib/releases/arms";

/**
 * The prompt page's heading (name, type, latest version, where it runs) and its tab bar. The way
 * back to its folder and the project is the top bar's breadcrumb trail.
 */
export function PromptHeader({
  prompt,
  here,
  environments,
  running,
  splits,
  view,
}: PromptTabProps & { base: string; view: string }) {
  const latest = prompt.latestVersion?.number ?? 0;
  const tabs = [
    { view: "edit", label: "Editor", href: here },
    { view: "history", label: `History${latest ? ` (${latest})` : ""}`, href: `${here}?view=history` },
    ...(latest >= 2
      ? [{ view: "compare", label: "Compare", href: `${here}?view=compare&a=${latest - 1}&b=${latest}` }]
      : []),
    { view: "deployments", label: "Deployments", href: `${here}?view=deployments` },
    { view: "releases", label: "Releases", href: `${here}?view=releases` },
    { view: "runs", label: "Runs", href: `${here}?view=runs` },
    { view: "settings", label: "Details", href: `${here}?view=settings` },
    ...(latest ? [{ view: "use", label: "Use this prompt", href: `${here}?view=use` }] : []),
  ];
  return (
    <>
      <div>
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="font-mono text-lg font-semibold break-words">
            {/* A long folder path wraps after a slash rather than inside a word. */}
            {prompt.name.split("/").map((part, i) => (
              <Fragment key={i}>
                {i ? (
                  <>
                    /<wbr />
                  </>
                ) : null}
                {part}
              </Fragment>
            ))}
          </h1>
          <span className="rounded bg-subtle px-1.5 py-0.5 text-xs text-muted">
            {prompt.type === "CHAT" ? "Chat" : "Text"}
          </span>
          {prompt.latestVersion ? (
            <span className="text-xs text-muted">
              v{prompt.latestVersion.number} by {prompt.latestVersion.author},{" "}
              <Time value={prompt.latestVersion.createdAt} />
            </span>
          ) : (
            <span className="text-xs text-muted">No version saved yet</span>
          )}
          {prompt.archived ? (
            <span className="rounded bg-subtle px-1.5 py-0.5 text-xs text-danger">Archived</span>
          ) : null}
          {environments
            .filter((e) => running[e.slug])
            .map((e) => (
              <span key={e.slug} className="rounded bg-subtle px-1.5 py-0.5 text-xs" data-testid={`runs-in-${e.slug}`}>
                {e.name}: {splits[e.slug] ? describeArms(splits[e.slug]!) : `v${running[e.slug]}`}
              </span>
            ))}
        </div>
        {prompt.description ? <p className="mt-1 text-muted">{prompt.description}</p> : null}
      </div>
      <PromptTabCommands promptName={prompt.name} tabs={tabs} view={view} />
      <nav aria-label="Prompt" className="flex gap-1 overflow-x-auto overflow-y-hidden border-b border-line">
        {tabs.map((t) => (
          <Link
            key={t.view}
            href={t.href}
            aria-current={view === t.view ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 whitespace-nowrap ${view === t.view ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </>
  );
}
