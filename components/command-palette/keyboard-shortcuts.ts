// The global keys' pure parts, kept apart from the palette's lists: the launcher that loads with
// every page imports only this file.

/** Whether the browser runs on a Mac (⌘ instead of Ctrl in shortcut labels). */
export function isMacPlatform(nav: { platform?: string; userAgent?: string }): boolean {
  return /mac|iphone|ipad|ipod/i.test(nav.platform || nav.userAgent || "");
}

/**
 * A shortcut written the Mac way ("⌘S", "⌘↵", "⇧⌘P") as the viewer's keyboard shows it: unchanged
 * on a Mac, "Ctrl+S", "Ctrl+Enter", "Shift+Ctrl+P" elsewhere.
 */
export function formatShortcut(shortcut: string, mac: boolean): string {
  if (mac) return shortcut;
  const names: Record<string, string> = { "⌘": "Ctrl", "⇧": "Shift", "⌥": "Alt", "⌃": "Ctrl" };
  const parts: string[] = [];
  let key = "";
  for (const char of shortcut) {
    const name = char === "↵" ? undefined : names[char];
    if (name) parts.push(name);
    else key += char === "↵" ? "Enter" : char;
  }
  return [...parts, key].filter(Boolean).join("+");
}

/**
 * Whether a key press belongs to what the user is typing in (an input, a text area, a select, an
 * editable element or the Monaco editor), so single-key shortcuts such as `/` and `?` leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return Boolean(
    element.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], .monaco-editor"),
  );
}

/** The element `/` focuses: the page's own search field, marked or recognised. */
export const PAGE_SEARCH_SELECTOR =
  "[data-page-search], input[type=search], [role=search] input:not([type=hidden]):not([type=submit])";
