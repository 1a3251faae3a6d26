"use client";

import { Database, FileText, FlaskConical, GitPullRequest, Layers, Menu, Scale, Settings, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

import { GalleyLogo } from "@/components/shell/galley-logo";
import { ProjectSwitcher } from "@/components/shell/project-switcher";
import { Icon } from "@/components/ui/icon";
import type { UserProject } from "@/lib/projects/list-user-projects";

const sections = [
  { href: "prompts", label: "Prompts", icon: FileText },
  { href: "datasets", label: "Datasets", icon: Database },
  { href: "evaluators", label: "Evaluators", icon: Scale },
  { href: "evals", label: "Evaluations", icon: FlaskConical },
  { href: "reviews", label: "Reviews", icon: GitPullRequest },
  { href: "environments", label: "Environments", icon: Layers },
  { href: "settings", label: "Settings", icon: Settings },
];

/**
 * The project's sections with icons, under the logo and project switcher. On Inbox and Profile
 * `current` is the project last visited, so its links stay. Below `md` it is a menu that opens over
 * the page (a backdrop and Escape close it, as does going anywhere).
 */
export function Sidebar({ projects, current }: { projects: UserProject[]; current: UserProject | null }) {
  const pathname = usePathname();
  // Remember where the mobile menu was opened, so navigating anywhere closes it.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;

  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <button
        type="button"
        className="fixed top-2.5 left-3 z-40 inline-flex items-center gap-1.5 rounded-md border border-line bg-surface px-2 py-1 md:hidden"
        aria-expanded={open}
        aria-controls="sidebar"
        onClick={() => setOpenAt(open ? null : pathname)}
      >
        <Icon icon={open ? X : Menu} />
        {/* Icon only on phones, where the top bar's breadcrumbs need the room. */}
        <span className="sr-only sm:not-sr-only">{open ? "Close" : "Menu"}</span>
      </button>
      {open ? (
        <div aria-hidden="true" className="fixed inset-0 z-20 bg-black/30 md:hidden" onClick={() => setOpenAt(null)} />
      ) : null}
      <nav
        id="sidebar"
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) setOpenAt(null);
        }}
        aria-label="Studio"
        className={`${open ? "flex" : "hidden"} fixed inset-y-0 left-0 z-30 w-60 flex-col border-r border-line bg-surface pt-12 md:static md:flex md:pt-0`}
      >
        <Link
          href={current ? `/p/${current.slug}/prompts` : "/"}
          className="flex h-12 items-center gap-2 px-4 font-semibold tracking-tight"
        >
          <GalleyLogo />
          Galley
        </Link>
        <div className="px-3">
          <ProjectSwitcher projects={projects} current={current} />
        </div>
        {current ? (
          <ul className="mt-4 space-y-0.5 px-3">
            {sections.map((s) => {
              const href = `/p/${current.slug}/${s.href}`;
              const active = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <li key={s.href}>
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={`flex items-center gap-2 rounded-md px-3 py-1.5 ${active ? "bg-subtle font-medium text-ink" : "text-muted hover:bg-subtle hover:text-ink"}`}
                  >
                    <Icon icon={s.icon} />
                    {s.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
      </nav>
    </>
  );
}
