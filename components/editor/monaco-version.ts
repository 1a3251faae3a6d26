// The monaco-editor version in package.json. Monaco is served from /monaco/<version>/vs (copied
// there by scripts/copy-monaco.mjs) with immutable caching, so the URL must change with the
// version; monaco-version.test.ts fails when this constant and the installed package disagree.
export const MONACO_VERSION = "0.57.0";
