"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { pageShapeFor } from "@/components/shell/skeleton-for";
import {
  DetailPageSkeleton,
  FormPageSkeleton,
  ListPageSkeleton,
  PromptPageSkeleton,
} from "@/components/ui/skeleton-blocks";

/** A navigation that answers within this long shows no skeleton (no flash on fast pages). */
const SHOW_AFTER_MS = 150;
/** If a navigation never lands (offline, aborted), the old page comes back rather than a skeleton forever. */
const GIVE_UP_AFTER_MS = 10_000;

/**
 * The page area during a route transition: once a click on a studio link has taken longer than a
 * moment, a skeleton shaped like the destination replaces the old page until the new one arrives.
 *
 * This is done here rather than with loading.tsx: a loading boundary streams the page, and a
 * streamed page can no longer answer 403 or 404 (a viewer opening member settings, a prompt that
 * does not exist). The client sees every link click, so it can show the same skeleton without it.
 */
// No Suspense boundary around it for useSearchParams: the shell only wraps dynamic pages, where the
// hook does not suspend, and a boundary whose fallback repeats `children` sent every page twice in
// the HTML (the fallback, then the streamed page in a hidden div) until the swap script ran.
export function RouteTransition({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = search ? `${pathname}?${search}` : pathname;
  const [pending, setPending] = useState<{ from: string; to: string; visible: boolean } | null>(null);
  // Where the click happened, as this component sees URLs (compared with `here` when it changes).
  const hereRef = useRef(here);
  useEffect(() => {
    hereRef.current = here;
  }, [here]);
  // Landing anywhere ends the transition (adjusting state while rendering, not in an effect).
  const active = pending && pending.from === here ? pending : null;
  if (pending && !active) setPending(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      // Not `defaultPrevented`: next/link prevents the default of every click it navigates for.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
      const to = url.pathname + url.search;
      if (to === location.pathname + location.search) return;
      setPending({ from: hereRef.current, to, visible: false });
    };
    // Bubble phase: a click the unsaved-changes guard (components/ui/use-unsaved-changes.ts) stopped in
    // the capture phase, because the person chose to stay, never gets here and shows no skeleton.
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const target = active?.to;
  useEffect(() => {
    if (!target) return;
    // A dialog open by then (a "leave without saving?" question) means the page has not been left.
    const show = setTimeout(() => {
      const asking = document.querySelector("[role=dialog], [role=alertdialog]");
      setPending((p) => (p && p.to === target ? (asking ? null : { ...p, visible: true }) : p));
    }, SHOW_AFTER_MS);
    const giveUp = setTimeout(() => setPending((p) => (p && p.to === target ? null : p)), GIVE_UP_AFTER_MS);
    return () => {
      clearTimeout(show);
      clearTimeout(giveUp);
    };
  }, [target]);

  // The old page stays mounted (hidden) under the skeleton: its state survives a navigation that gives up.
  const shape = active?.visible ? pageShapeFor(active.to) : null;
  return (
    <>
      <div hidden={Boolean(shape)}>{children}</div>
      {shape === "prompt" ? <PromptPageSkeleton /> : null}
      {shape === "form" ? <FormPageSkeleton /> : null}
      {shape === "settings" ? <FormPageSkeleton label="Loading settings" /> : null}
      {shape === "detail" ? <DetailPageSkeleton /> : null}
      {shape === "list" ? <ListPageSkeleton aside={/\/prompts$/.test(active?.to.split("?")[0] ?? "")} /> : null}
    </>
  );
}
