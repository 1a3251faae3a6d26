"use client";

import { ChevronRight } from "lucide-react";
import { useId, type ReactNode } from "react";

import { Icon } from "@/components/ui/icon";

/**
 * A titled section whose body can be folded away; its heading is the toggle. Controlled, so the
 * owner decides whether (and where) the choice is remembered.
 */
export function FoldSection({
  title,
  open,
  onOpenChange,
  summary,
  children,
}: {
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Shown beside the title while folded, e.g. "3 variables". */
  summary?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-b`}
          onClick={() => onOpenChange(!open)}
          className="-mx-1 flex w-full items-center gap-1 rounded px-1 py-0.5 text-left hover:bg-subtle"
        >
          <Icon icon={ChevronRight} className={`transition-transform ${open ? "rotate-90" : ""}`} />
          {title}
          {!open && summary ? <span className="ml-2 font-normal text-muted">{summary}</span> : null}
        </button>
      </h2>
      <div id={`${id}-b`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
