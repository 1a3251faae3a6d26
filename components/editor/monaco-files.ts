import { preload } from "react-dom";

import { MONACO_VERSION } from "@/components/editor/monaco-version";

// Monaco's AMD build fetches its files one level at a time: loader.js, then editor.main.js, then
// the modules it names, then theirs (≈ 4 MB of script in a chain of round trips). Named here, they
// are all fetched at once while the page's HTML is still being read. monaco-files.test.ts walks
// editor.main's define() graph in node_modules and fails when this list and Monaco disagree.

/** Scripts that loading `vs/editor/editor.main` fetches, relative to /monaco/<version>/vs/, biggest first. */
export const MONACO_SCRIPTS = [
  "editor-BdtEMBbM.js",
  "toggleHighContrast-DuqAmExZ.js",
  "editorWorkerHost-B_VpI68A.js",
  "index-DZH_zysX.js",
  "loader.js",
  "editor/editor.main.js",
  "nls.messages-loader.js",
  "basic-languages/monaco.contribution.js",
  "monaco.contribution-C7tY_xnl.js",
  "monaco.contribution-BuX2NvO2.js",
  "monaco.contribution-D1-wBxcq.js",
  "monaco.contribution-CY2lwFI8.js",
  "json.worker-Bp7U0-9w.js",
  "css.worker-BInK4lsP.js",
  "html.worker-C1TNvQ72.js",
  "ts.worker-BLYAhMkX.js",
] as const;

/** The stylesheet editor.main adds to the page. */
export const MONACO_STYLESHEET = "editor/editor.main.css";

/**
 * Asks the browser (through React's resource hints, so they land in the server-rendered <head>)
 * to fetch Monaco's files now. Call it while rendering a component that will show an editor.
 */
export function preloadMonacoFiles() {
  const base = `/monaco/${MONACO_VERSION}/vs/`;
  for (const file of MONACO_SCRIPTS) preload(base + file, { as: "script", fetchPriority: "low" });
  preload(base + MONACO_STYLESHEET, { as: "style", fetchPriority: "low" });
}
