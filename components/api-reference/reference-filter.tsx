"use client";

import { ChevronDown } from "lucide-react";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { ApiPath, MethodBadge } from "@/components/api-reference/method-badge";
import { Icon } from "@/components/ui/icon";

/** An operation as the filter and the table of contents see it. */
export type ReferenceEntry = { id: string; method: string; path: string; summary?: string; text: string };
export type ReferenceTocGroup = { tag: string; entries: ReferenceEntry[] };

type FilterState = { query: string; setQuery: (q: string) => void; visible: (id: string) => boolean; shown: number };
const FilterContext = createContext<FilterState | null>(null);

function useFilter(): FilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error("Inside <ReferenceFilterProvider> only.");
  return state;
}

/** Every word of the query appears in the operation's text (method, path, summary, tag, description). */
function matchesQuery(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Holds the filter for the page; a deep link to an operation the filter hides clears the filter. */
export function ReferenceFilterProvider({ entries, children }: { entries: ReferenceEntry[]; children: ReactNode }) {
  const [query, setQuery] = useState("");
  const visibleIds = useMemo(
    () => new Set(entries.filter((e) => matchesQuery(e.text, query)).map((e) => e.id)),
    [entries, query],
  );
  // The account area streams its pages behind a loading skeleton, so the operation a deep link names
  // may arrive after the browser looked for it: land on it once the page is here.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  useEffect(() => {
    function reveal() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (id && entries.some((e) => e.id === id) && !visibleIds.has(id)) {
        setQuery("");
        // After the operation is shown again.
        requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
      }
    }
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, [entries, visibleIds]);
  const state = useMemo(
    () => ({ query, setQuery, visible: (id: string) => visibleIds.has(id), shown: visibleIds.size }),
    [query, visibleIds],
  );
  return <FilterContext.Provider value={state}>{children}</FilterContext.Provider>;
}

export function ReferenceFilterInput({ total }: { total: number }) {
  const { query, setQuery, shown } = useFilter();
  return (
    <div className="space-y-1">
      <label htmlFor="api-filter" className="text-sm font-medium">
        Filter operations
      </label>
      <input
        id="api-filter"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setQuery("");
        }}
        placeholder="render, versions, POST…"
        className="w-full rounded-md border border-line bg-surface px-3 py-1.5 text-sm"
        aria-describedby="api-filter-count"
      />
      <p id="api-filter-count" className="text-xs text-muted" aria-live="polite">
        {query ? `${shown} of ${total} operations` : `${total} operations`}
      </p>
    </div>
  );
}

/** Shows its children only while operation `id` matches the filter. */
export function FilterableOperation({ id, children }: { id: string; children: ReactNode }) {
  return <div hidden={!useFilter().visible(id)}>{children}</div>;
}

/** A tag's section: hidden when none of its operations match. */
export function FilterableGroup({ ids, children }: { ids: string[]; children: ReactNode }) {
  const { visible } = useFilter();
  return <div hidden={!ids.some(visible)}>{children}</div>;
}

export function NoMatchingOperation() {
  const { query, setQuery, shown } = useFilter();
  if (!query || shown) return null;
  return (
    <div className="rounded-md border border-dashed border-line p-6 text-center text-muted">
      <p>No operation matches “{query}”.</p>
      <button type="button" className="mt-2 text-accent hover:underline" onClick={() => setQuery("")}>
        Clear the filter
      </button>
    </div>
  );
}

/** The table of contents: sticky beside the operations on wide screens, folded under a button on phones. */
export function ReferenceToc({ groups }: { groups: ReferenceTocGroup[] }) {
  const { visible } = useFilter();
  const [open, setOpen] = useState(false);
  return (
    <nav aria-label="Operations" className="min-w-0">
      <button
        type="button"
        className="flex w-full items-center justify-between rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium lg:hidden"
        aria-expanded={open}
        aria-controls="api-toc"
        onClick={() => setOpen(!open)}
      >
        Contents
        <Icon icon={ChevronDown} className={open ? "rotate-180" : ""} />
      </button>
      <div id="api-toc" className={`${open ? "block" : "hidden"} mt-2 space-y-3 lg:mt-0 lg:block`}>
        {groups.map((group) => (
          <div key={group.tag} hidden={!group.entries.some((e) => visible(e.id))}>
            <p className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{group.tag}</p>
            <ul className="space-y-0.5">
              {group.entries.map((entry) => (
                <li key={entry.id} hidden={!visible(entry.id)}>
                  <a
                    href={`#${entry.id}`}
                    onClick={() => setOpen(false)}
                    className="flex min-w-0 items-baseline gap-2 rounded px-1.5 py-0.5 text-sm hover:bg-subtle"
                  >
                    <MethodBadge method={entry.method} />
                    <span className="min-w-0 font-mono text-xs break-words">
                      <ApiPath path={entry.path} />
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
