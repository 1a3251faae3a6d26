import type { ReactNode } from "react";

/**
 * Grey placeholders shaped like the page that is loading (route transitions show these instead of
 * a blank screen). `motion-safe` keeps them still for people who ask for reduced motion.
 */
function SkeletonBar({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`rounded bg-subtle motion-safe:animate-pulse ${className}`} />;
}

/** The frame every skeleton shares: announced once to screen readers as loading. */
function SkeletonFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-label={label} aria-busy="true" data-testid="page-skeleton">
      {children}
    </div>
  );
}

function HeaderSkeleton({ action = true }: { action?: boolean }) {
  return (
    <div className="mb-6 flex items-start justify-between gap-4">
      <div className="space-y-2">
        <SkeletonBar className="h-6 w-40" />
        <SkeletonBar className="h-4 w-72 max-w-full" />
      </div>
      {action ? <SkeletonBar className="h-8 w-28" /> : null}
    </div>
  );
}

function RowsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="overflow-hidden rounded-lg border border-line">
      <div className="flex gap-4 border-b border-line bg-subtle/40 px-4 py-2.5">
        <SkeletonBar className="h-3 w-1/4" />
        <SkeletonBar className="h-3 w-1/6" />
        <SkeletonBar className="ml-auto h-3 w-1/6" />
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-line px-4 py-3 last:border-b-0">
          <SkeletonBar className="h-4 w-1/3" />
          <SkeletonBar className="h-4 w-1/5" />
          <SkeletonBar className="ml-auto h-4 w-16" />
        </div>
      ))}
    </div>
  );
}

/** A list page: title, a search bar, a table (with the prompts page's folder column if `aside`). */
export function ListPageSkeleton({ label = "Loading", aside = false }: { label?: string; aside?: boolean }) {
  return (
    <SkeletonFrame label={label}>
      <HeaderSkeleton />
      <div className={aside ? "grid gap-6 lg:grid-cols-[14rem_1fr]" : ""}>
        {aside ? (
          <div className="hidden space-y-2 lg:block">
            {Array.from({ length: 5 }, (_, i) => (
              <SkeletonBar key={i} className="h-5 w-32" />
            ))}
          </div>
        ) : null}
        <div className="min-w-0 space-y-3">
          <SkeletonBar className="h-8 w-full" />
          <RowsSkeleton />
        </div>
      </div>
    </SkeletonFrame>
  );
}

/** The prompt page: name and badges, the tab bar, then the editor's messages beside the run panel. */
export function PromptPageSkeleton() {
  return (
    <SkeletonFrame label="Loading prompt">
      <div className="space-y-5">
        <div className="space-y-2">
          <SkeletonBar className="h-6 w-64 max-w-full" />
          <SkeletonBar className="h-4 w-48" />
        </div>
        <div className="flex gap-3 border-b border-line pb-2">
          {["w-16", "w-20", "w-24", "w-16", "w-12"].map((w, i) => (
            <SkeletonBar key={i} className={`h-5 ${w}`} />
          ))}
        </div>
        <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
          <div className="space-y-3">
            <SkeletonBar className="h-40 w-full" />
            <SkeletonBar className="h-28 w-full" />
          </div>
          <SkeletonBar className="h-72 w-full" />
        </div>
      </div>
    </SkeletonFrame>
  );
}

/** A form (settings tabs, new prompt, new review): labelled fields and a button. */
export function FormPageSkeleton({ label = "Loading", header = true }: { label?: string; header?: boolean }) {
  return (
    <SkeletonFrame label={label}>
      {header ? <HeaderSkeleton action={false} /> : null}
      <div className="max-w-xl space-y-5">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="space-y-2">
            <SkeletonBar className="h-4 w-24" />
            <SkeletonBar className="h-9 w-full" />
          </div>
        ))}
        <SkeletonBar className="h-8 w-28" />
      </div>
    </SkeletonFrame>
  );
}

/** One item's page (a review, an eval run, a dataset): title, a summary strip, a main panel. */
export function DetailPageSkeleton({ label = "Loading" }: { label?: string }) {
  return (
    <SkeletonFrame label={label}>
      <HeaderSkeleton />
      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <SkeletonBar key={i} className="h-14" />
        ))}
      </div>
      <SkeletonBar className="h-80 w-full" />
    </SkeletonFrame>
  );
}
