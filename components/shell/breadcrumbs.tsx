"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

import { breadcrumbTrail } from "@/components/shell/breadcrumb-trail";
import { Icon } from "@/components/ui/icon";

/**
 * The top bar's trail (project / section / item; a prompt's folders and tab). Every crumb links;
 * on a phone only the last two show, each cut short with an ellipsis rather than wrapping.
 */
export function Breadcrumbs({ projectName }: { projectName?: string }) {
  return (
    <Suspense fallback={<Trail projectName={projectName} search={new URLSearchParams()} />}>
      <WithSearch projectName={projectName} />
    </Suspense>
  );
}

function WithSearch({ projectName }: { projectName?: string }) {
  const search = useSearchParams();
  return <Trail projectName={projectName} search={new URLSearchParams(search.toString())} />;
}

/** When the bar is short of room, folders give way first, then the project, then the rest; the last never. */
function shrink(index: number, count: number, folder?: boolean) {
  if (index === count - 1) return "shrink-0";
  if (folder) return "shrink-[4]";
  return index === 0 ? "shrink-[2]" : "shrink";
}

function Trail({ projectName, search }: { projectName?: string; search: URLSearchParams }) {
  const pathname = usePathname();
  const trail = breadcrumbTrail({ pathname, search, projectName });
  if (!trail.length) return <div className="min-w-0 flex-1" />;
  return (
    <nav aria-label="Breadcrumb" className="min-w-0 flex-1">
      <ol className="flex min-w-0 items-center gap-1 text-sm">
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li
              key={crumb.href + crumb.label}
              className={`flex min-w-0 items-center gap-1 ${shrink(i, trail.length, crumb.folder)} ${i < trail.length - 2 ? "max-sm:hidden" : ""}`}
            >
              {i > 0 ? (
                <Icon icon={ChevronRight} className={`text-muted ${i === trail.length - 2 ? "max-sm:hidden" : ""}`} />
              ) : null}
              <Link
                href={crumb.href}
                aria-current={last ? "page" : undefined}
                title={crumb.label}
                className={`block max-w-[10rem] truncate rounded px-1 py-0.5 hover:bg-subtle hover:text-ink md:max-w-[16rem] ${crumb.mono ? "font-mono text-[0.8125rem]" : ""} ${last ? "font-medium text-ink" : "text-muted"}`}
              >
                {crumb.label}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
