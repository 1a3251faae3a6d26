"use client";

import { useRegisteredCommands } from "@/components/command-palette/command-registry";
import { formatShortcut } from "@/components/command-palette/keyboard-shortcuts";
import { Dialog } from "@/components/ui/dialog";

/** The studio's own shortcuts; pages add theirs by registering commands with a `shortcut`. */
const builtIn: Array<{ keys: string; label: string }> = [
  { keys: "⌘K", label: "Open the command palette: prompts, pages and actions" },
  { keys: "/", label: "Search this page's list" },
  { keys: "?", label: "Show these shortcuts" },
  { keys: "⌘S", label: "Save a version (prompt editor)" },
  { keys: "⌘↵", label: "Run the prompt (prompt editor)" },
  { keys: "Esc", label: "Close a dialog or menu" },
];

/** `?`: every shortcut, written for the viewer's keyboard (⌘ on a Mac, Ctrl elsewhere). */
export default function ShortcutsDialog({
  open,
  onOpenChange,
  mac,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  mac: boolean;
}) {
  const registered = useRegisteredCommands();
  const rows = [...builtIn];
  for (const c of registered) {
    if (!c.shortcut) continue;
    const same = rows.findIndex((r) => r.keys === c.shortcut);
    // A page's own command names the action better than the generic line ("Save version" on ⌘S).
    if (same >= 0) rows[same] = { keys: c.shortcut, label: c.label };
    else rows.push({ keys: c.shortcut, label: c.label });
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts" data-testid="shortcuts-dialog">
      <dl className="divide-y divide-line">
        {rows.map((r) => (
          <div key={`${r.keys} ${r.label}`} className="flex items-center justify-between gap-4 py-2">
            <dt className="text-ink">{r.label}</dt>
            <dd>
              <kbd className="rounded border border-line bg-subtle px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">
                {formatShortcut(r.keys, mac)}
              </kbd>
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
