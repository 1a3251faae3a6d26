// How a person arranged the prompt editor (pane sizes, which side sections are closed), kept per
// browser in a cookie rather than localStorage so the server renders the same arrangement the
// browser will: no jump after hydration. Browser-safe: the Editor tab (server) reads it, the
// editor (client) writes it.

export const EDITOR_PREFS_COOKIE = "galley-editor";

/** Sections of the editor's prompt pane that can be folded away. */
const foldableSections = ["variables", "model"] as const;
export type FoldableSection = (typeof foldableSections)[number];

export type EditorPrefs = {
  /** Pane id → percent of the width, as react-resizable-panels reports it; null: the default split. */
  panes: Record<string, number> | null;
  /** Sections the person closed. */
  closed: FoldableSection[];
};

export const defaultEditorPrefs: EditorPrefs = { panes: null, closed: [] };

/** Reads the cookie's value; anything malformed gives the defaults (a cookie is user input). */
export function parseEditorPrefs(raw: string | undefined): EditorPrefs {
  if (!raw) return defaultEditorPrefs;
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(raw));
  } catch {
    return defaultEditorPrefs;
  }
  if (!data || typeof data !== "object") return defaultEditorPrefs;
  const { panes, closed } = data as { panes?: unknown; closed?: unknown };
  const sizes =
    panes && typeof panes === "object"
      ? Object.entries(panes).filter(
          (e): e is [string, number] =>
            /^[a-z]{1,20}$/.test(e[0]) && typeof e[1] === "number" && e[1] >= 0 && e[1] <= 100,
        )
      : [];
  return {
    panes: sizes.length ? Object.fromEntries(sizes) : null,
    closed: Array.isArray(closed) ? foldableSections.filter((s) => closed.includes(s)) : [],
  };
}

/** The cookie's value for `prefs`. */
export function serializeEditorPrefs(prefs: EditorPrefs) {
  return encodeURIComponent(JSON.stringify(prefs));
}

/** Saves `prefs` in this browser for a year (browser only). */
export function saveEditorPrefs(prefs: EditorPrefs) {
  document.cookie = `${EDITOR_PREFS_COOKIE}=${serializeEditorPrefs(prefs)}; path=/; max-age=31536000; samesite=lax`;
}
