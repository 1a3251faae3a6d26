"use client";

import { Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState, useSyncExternalStore } from "react";

import {
  formatShortcut,
  isMacPlatform,
  isTypingTarget,
  PAGE_SEARCH_SELECTOR,
} from "@/components/command-palette/keyboard-shortcuts";
import { Icon } from "@/components/ui/icon";
import type { UserProject } from "@/lib/projects/list-user-projects";

// The palette (cmdk, the prompt search) and the shortcut list load on first use or when the browser
// is idle, so a page's first load carries only this launcher and its key listener.
const loadPalette = () => import("@/components/command-palette/command-palette");
const loadShortcuts = () => import("@/components/command-palette/shortcuts-dialog");
const CommandPalette = dynamic(loadPalette, { ssr: false });
const ShortcutsDialog = dynamic(loadShortcuts, { ssr: false });

const noop = () => () => {};

/**
 * The studio's global keys, mounted once in the shell: Cmd/Ctrl+K opens the palette (even from a
 * text field or the editor), `/` focuses the page's search field and `?` lists the shortcuts (both
 * only when the user is not typing somewhere). Also the top bar's "Search" button, for those who
 * never use a shortcut.
 */
export function PaletteLauncher({
  current,
  home,
  projects,
}: {
  current: UserProject | null;
  home: UserProject | null;
  projects: UserProject[];
}) {
  const [open, setOpen] = useState<"palette" | "shortcuts" | null>(null);
  // Mounted once opened, so closing keeps the loaded chunk and its state.
  const [mounted, setMounted] = useState({ palette: false, shortcuts: false });
  const mac = useSyncExternalStore(
    noop,
    () => isMacPlatform(navigator),
    () => false,
  );

  const show = (which: "palette" | "shortcuts") => {
    setMounted((m) => ({ ...m, [which]: true }));
    setOpen(which);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        // Before Monaco (which starts Ctrl+K chords) and the browser's own Ctrl+K (search bar).
        event.preventDefault();
        event.stopPropagation();
        setMounted((m) => ({ ...m, palette: true }));
        setOpen((o) => (o === "palette" ? null : "palette"));
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector("[role=dialog]")) return;
      if (event.key === "/") {
        const field = document.querySelector<HTMLElement>(`#main :is(${PAGE_SEARCH_SELECTOR})`);
        if (!field) return;
        event.preventDefault();
        field.focus();
        if (field instanceof HTMLInputElement) field.select();
      } else if (event.key === "?") {
        event.preventDefault();
        setMounted((m) => ({ ...m, shortcuts: true }));
        setOpen("shortcuts");
      }
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);

  useEffect(() => {
    // Fetch the palette's code once the page has settled, so the first Cmd+K opens at once.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 2000));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => void loadPalette());
    return () => cancel(id);
  }, []);

  const onOpenChange = (next: boolean) => setOpen(next ? open : null);

  return (
    <>
      <button
        type="button"
        onClick={() => show("palette")}
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
        aria-keyshortcuts={mac ? "Meta+K" : "Control+K"}
        className="inline-flex shrink-0 items-center gap-2 rounded-md border border-line px-2 py-1 text-muted hover:bg-subtle hover:text-ink"
      >
        <Icon icon={Search} />
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd className="hidden rounded border border-line px-1 font-sans text-xs md:inline">
          {formatShortcut("⌘K", mac)}
        </kbd>
      </button>
      {mounted.palette ? (
        <CommandPalette
          open={open === "palette"}
          onOpenChange={onOpenChange}
          current={current}
          home={home}
          projects={projects}
          mac={mac}
          onShowShortcuts={() => show("shortcuts")}
        />
      ) : null}
      {mounted.shortcuts ? <ShortcutsDialog open={open === "shortcuts"} onOpenChange={onOpenChange} mac={mac} /> : null}
    </>
  );
}
