"use client";

import { useEffect, useSyncExternalStore } from "react";

/** One action the command palette (Cmd/Ctrl+K) offers while the component that registered it is on screen. */
export type Command = {
  /** Unique while registered, e.g. "prompt.save". */
  id: string;
  label: string;
  /** Heading the palette lists it under, e.g. "Prompt", "Project". */
  group: string;
  /** Shown beside the label and in the `?` shortcut list, e.g. "⌘S". */
  shortcut?: string;
  /** Extra words the palette's search matches. */
  keywords?: string[];
  run: () => void;
};

// A tiny external store: pages register context actions while they are mounted; the palette reads them.
const none: ReadonlyArray<Command> = [];
let registered = none;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Offers `commands` in the palette while the calling component is mounted. Pass a memoised array:
 * a new array re-registers them.
 */
export function useRegisterCommands(commands: ReadonlyArray<Command>) {
  useEffect(() => {
    registered = [...registered.filter((c) => !commands.some((n) => n.id === c.id)), ...commands];
    emit();
    return () => {
      registered = registered.filter((c) => !commands.includes(c));
      emit();
    };
  }, [commands]);
}

/** The commands registered now, in registration order. */
export function useRegisteredCommands(): ReadonlyArray<Command> {
  return useSyncExternalStore(
    subscribe,
    () => registered,
    () => none,
  );
}
