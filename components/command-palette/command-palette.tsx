"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import {
  ArrowRight,
  FileText,
  FolderOpen,
  Keyboard,
  Monitor,
  Moon,
  Search,
  Sun,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";

import { useRegisteredCommands, type Command as ContextCommand } from "@/components/command-palette/command-registry";
import { formatShortcut } from "@/components/command-palette/keyboard-shortcuts";
import { filterItems, pageItems, promptHref, type PageItem } from "@/components/command-palette/palette-items";
import { usePromptSearch } from "@/components/command-palette/use-prompt-search";
import { setTheme } from "@/components/shell/theme-toggle";
import { Icon } from "@/components/ui/icon";
import { confirmLeavingUnsaved } from "@/components/ui/use-unsaved-changes";
import type { UserProject } from "@/lib/projects/list-user-projects";

export type CommandPaletteProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The project whose page is open; null on Inbox and Profile. */
  current: UserProject | null;
  /** The project the sidebar shows (the current one, or the last one visited). */
  home: UserProject | null;
  projects: UserProject[];
  mac: boolean;
  onShowShortcuts: () => void;
};

type Row = {
  id: string;
  label: string;
  group: string;
  icon: LucideIcon;
  hint?: string;
  keywords?: string[];
  run: () => void;
};

/** Projects searched for prompts from Inbox and Profile, where no project is open. */
const MAX_SEARCHED_PROJECTS = 5;

/**
 * The Cmd/Ctrl+K palette: prompts by name (searched on the server as you type), the studio's pages,
 * the open page's own actions, switching project and theme. Arrows move, Enter runs, Escape closes
 * and focus goes back where it was.
 */
export default function CommandPalette(props: CommandPaletteProps) {
  const { open, onOpenChange, current, home, projects, mac } = props;
  const router = useRouter();
  const registered = useRegisteredCommands();
  const [query, setQuery] = useState("");
  const opener = useRef<HTMLElement | null>(null);
  const searched = useMemo(() => (current ? [current] : projects.slice(0, MAX_SEARCHED_PROJECTS)), [current, projects]);
  const { hits, searching } = usePromptSearch(open ? query : "", open ? searched : []);

  // However it was closed (Escape, a command, Cmd+K again), the next opening starts afresh.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setQuery("");
  }
  const close = () => onOpenChange(false);
  const go = (href: string) => {
    close();
    // A palette jump is no link click, so the unsaved-changes guard asks here.
    if (confirmLeavingUnsaved()) router.push(href);
  };

  const rows = useMemo(() => {
    const all: Row[] = [
      ...registered.map((c: ContextCommand) => ({
        id: `context:${c.id}`,
        label: c.label,
        group: c.group,
        icon: Zap,
        hint: c.shortcut ? formatShortcut(c.shortcut, mac) : undefined,
        keywords: c.keywords,
        run: () => {
          close();
          c.run();
        },
      })),
      ...pageItems(home).map((p: PageItem) => ({
        id: p.id,
        label: p.label,
        group: p.group,
        icon: ArrowRight,
        keywords: p.keywords,
        run: () => go(p.href),
      })),
      ...projects
        .filter((p) => p.id !== current?.id)
        .map((p) => ({
          id: `project:${p.slug}`,
          label: `Switch to ${p.name}`,
          group: "Projects",
          icon: FolderOpen,
          keywords: ["project", p.slug],
          run: () => go(`/p/${p.slug}/prompts`),
        })),
      {
        id: "theme:toggle",
        label: "Toggle dark and light theme",
        group: "Theme",
        icon: Moon,
        keywords: ["theme", "appearance", "mode", "switch"],
        run: () => {
          setTheme(document.documentElement.classList.contains("dark") ? "light" : "dark");
          close();
        },
      },
      ...(
        [
          ["light", "Light theme", Sun],
          ["dark", "Dark theme", Moon],
          ["system", "System theme", Monitor],
        ] as const
      ).map(([theme, label, icon]) => ({
        id: `theme:${theme}`,
        label,
        group: "Theme",
        icon,
        keywords: ["theme", "appearance", "mode", "colour", "color"],
        run: () => {
          setTheme(theme);
          close();
        },
      })),
      {
        id: "help:shortcuts",
        label: "Keyboard shortcuts",
        group: "Help",
        icon: Keyboard,
        hint: "?",
        keywords: ["keys", "help"],
        run: () => {
          close();
          props.onShowShortcuts();
        },
      },
    ];
    return filterItems(query, all);
    // `go`, `close` and `props.onShowShortcuts` only close the dialog and navigate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registered, home, current, projects, query, mac]);

  // Context actions first (what you can do here), then prompts, then the rest in their groups.
  const contextGroups = [...new Set(rows.filter((r) => r.id.startsWith("context:")).map((r) => r.group))];
  const otherGroups = [...new Set(rows.filter((r) => !r.id.startsWith("context:")).map((r) => r.group))];
  const promptRows: Row[] = hits.map((h) => ({
    id: `prompt:${h.project.slug}:${h.id}`,
    label: h.name,
    group: "Prompts",
    icon: FileText,
    hint: current ? h.description : h.project.name,
    run: () => go(promptHref(h.project.slug, h.name)),
  }));

  const renderGroup = (key: string, heading: string, items: Row[]) =>
    items.length ? (
      <Command.Group key={key} heading={heading}>
        {items.map((row) => (
          <Command.Item
            key={row.id}
            value={row.id}
            onSelect={row.run}
            className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-ink data-[selected=true]:bg-subtle"
          >
            <Icon icon={row.icon} className="text-muted" />
            <span className="truncate">{row.label}</span>
            {row.hint ? <span className="ml-auto truncate pl-3 text-xs text-muted">{row.hint}</span> : null}
          </Command.Item>
        ))}
      </Command.Group>
    ) : null;

  const nothing = !rows.length && !promptRows.length;

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/30 dark:bg-black/60" />
      <RadixDialog.Content
        data-testid="command-palette"
        aria-describedby={undefined}
        onOpenAutoFocus={() => {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          // No Dialog.Trigger opens the palette (a shortcut does), so give focus back ourselves; after
          // a navigation the opener is gone and the new page keeps its own focus.
          event.preventDefault();
          if (opener.current?.isConnected) opener.current.focus();
        }}
        className="fixed top-[12vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface text-sm text-ink shadow-2xl focus:outline-none"
      >
        <RadixDialog.Title className="sr-only">Command palette</RadixDialog.Title>
        <Command shouldFilter={false} loop label="Command palette">
          <div className="flex items-center gap-2 border-b border-line px-3">
            <Icon icon={Search} className="text-muted" />
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder="Search prompts, pages and actions…"
              // The open palette is the focus; the global focus ring (unlayered CSS) would box the input.
              className="h-12 w-full bg-transparent outline-none! placeholder:text-muted"
            />
            {searching ? (
              <span className="shrink-0 text-xs text-muted" aria-live="polite">
                Searching…
              </span>
            ) : null}
          </div>
          <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-2 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted">
            {nothing && !searching ? (
              <div className="px-3 py-8 text-center text-muted" role="status">
                {query.trim() ? (
                  <>
                    <p className="text-ink">No prompt, page or action matches “{query.trim()}”.</p>
                    <p className="mt-1">Try part of a prompt’s name, or a page such as “settings”.</p>
                  </>
                ) : (
                  <p>Type a prompt’s name, a page or an action.</p>
                )}
              </div>
            ) : null}
            {contextGroups.map((g) =>
              renderGroup(
                `context:${g}`,
                g,
                rows.filter((r) => r.group === g && r.id.startsWith("context:")),
              ),
            )}
            {renderGroup("prompts", query.trim() ? "Prompts" : "Recent prompts", promptRows)}
            {otherGroups.map((g) =>
              renderGroup(
                g,
                g,
                rows.filter((r) => r.group === g && !r.id.startsWith("context:")),
              ),
            )}
          </Command.List>
          <div className="flex gap-4 border-t border-line px-3 py-2 text-xs text-muted">
            <span>
              <kbd>↑</kbd> <kbd>↓</kbd> to move
            </span>
            <span>
              <kbd>↵</kbd> to open
            </span>
            <span>
              <kbd>Esc</kbd> to close
            </span>
          </div>
        </Command>
      </RadixDialog.Content>
    </RadixDialog.Root>
  );
}
