// @ts-check
const dev = process.env.NODE_ENV !== "production";

// Only our own origin. Next.js hydrates with inline scripts, hence 'unsafe-inline' for scripts;
// dev mode also needs eval and a websocket for hot reload.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 when a role may not open a page.
    authInterrupts: true,
    // Turbopack keeps a build cache in .next/cache that makes the next build in this checkout
    // faster. CI (.ci/run sets CI=true) builds once in a fresh clone and throws it away: writing
    // the cache (~160 MB) only costs there: 12 s of the build's 55 s CPU (measured 2026-11-26).
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  reactStrictMode: true,
  turbopack: {
    // y-monaco imports Monaco's ESM build; Galley already loads Monaco's AMD build from its own
    // origin, so y-monaco gets that one (components/collab/monaco-runtime.ts) instead of a second copy.
    resolveAlias: {
      "monaco-editor/esm/vs/editor/editor.api.js": "./components/collab/monaco-runtime.ts",
    },
  },
  // PGlite (WASM + data files), the pg driver and the schema engine load files at run time and
  // must stay plain Node modules rather than bundled code. undici (the outbound dispatcher, lib/net)
  // too: one copy shared with the custom server, and its optional node:sqlite cache never bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/schema-engine-wasm",
    "undici",
  ],
  // `npm test` type-checks the whole tree, Next's route types included (`next typegen`), before
  // it builds for e2e, and sets this flag for that build: a second check there would repeat the
  // same work (tsc takes 45 s on a loaded 2-core machine). A plain `npm run build` still checks.
  // Read here, not in lib/env.ts: a build-tool switch, not configuration of a running Galley.
  typescript: { ignoreBuildErrors: process.env.GALLEY_BUILD_TYPES_CHECKED === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Monaco's files live under a versioned path (scripts/copy-monaco.mjs): they never change
        // at a URL, so browsers keep them instead of revalidating ~17 files per editor load.
        source: "/monaco/:version/vs/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

module.exports = nextConfig;
