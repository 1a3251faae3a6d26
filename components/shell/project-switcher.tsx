"use client";

import Link from "next/link";
import { useRef } from "react";

import type { UserProject } from "@/lib/projects/list-user-projects";

/** A disclosure menu (native <details>, so keyboard and screen readers work without extra code). */
export function ProjectSwitcher({ projects, current }: { projects: UserProject[]; current: UserProject | null }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute("open");
  return (
    <details ref={ref} className="group relative" onKeyDown={(e) => e.key === "Escape" && close()}>
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-md border border-line px-3 py-1.5 hover:bg-subtle">
        <span className="truncate">{current?.name ?? "Choose a project"}</span>
        <span aria-hidden className="ml-2 text-muted">
          ▾
        </span>
        <span className="sr-only">Switch project</span>
      </summary>
      <div className="absolute right-0 left-0 z-40 mt-1 max-h-80 overflow-auto rounded-md border border-line bg-surface py-1 shadow-lg">
        {projects.map((p) => (
          <Link
            key={p.id}
            href={`/p/${p.slug}/prompts`}
            onClick={close}
            aria-current={p.id === current?.id ? "true" : undefined}
            className="block truncate px-3 py-1.5 hover:bg-subtle aria-[current=true]:font-medium"
          >
            {p.name}
          </Link>
        ))}
        <div className="my-1 border-t border-line" />
        <Link href="/projects/new" onClick={close} className="block px-3 py-1.5 text-accent hover:bg-subtle">
          + New project
        </Link>
      </div>
    </details>
  );
}
