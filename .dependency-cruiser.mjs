// Galley's architecture rules, checked by `npm run lint` (dependency-cruiser). The README section
// "Architecture rules" says what each one protects; tests/unit/architecture-rules.test.ts proves every
// rule reports a bad import and that the real tree has none.
//
// Paths are relative to the folder depcruise runs in (the repository root, or the test's fixture).
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A client component starts with the "use client" directive (comments may come first). Nothing
// marks that for depcruise, so the files are found here; everything they import ends up in the
// browser bundle, which is what the client rule below walks.
function findClientFiles(root) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (file !== "lib/generated") walk(file);
      } else if (
        /\.(tsx?|jsx?)$/.test(entry.name) &&
        /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(fs.readFileSync(path.join(root, file), "utf8"))
      ) {
        found.push(file);
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(dir);
  return found;
}

const clientFiles = findClientFiles(process.cwd());
// A pattern that matches nothing when there are no client files (an empty alternation would match everything).
const clientFilesPattern = clientFiles.length ? `^(${clientFiles.map(escape).join("|")})$` : "^$.";
const nodeBuiltins = `^(node:)?(${builtinModules.map(escape).join("|")})$`;
// Code that must never reach a browser: the database client, the generated Prisma client, Node's
// built-ins, and every module that imports the `server-only` marker.
const serverOnly = [nodeBuiltins, "^lib/db/", "^lib/generated/", "^node_modules/server-only/"].join("|");

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: "lib-not-to-ui",
      severity: "error",
      comment: "lib/ is the domain: pages and components call it, never the other way round.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "app/ is a map of URLs; components are handed data, they do not import pages or route handlers.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "client-not-to-server-only",
      severity: "error",
      comment:
        "A client component ('use client') and everything it imports is sent to the browser: it must not reach lib/db, the Prisma client, Node built-ins or a module marked server-only. Pass data in as props from a server component, or move browser-safe code out of the server module.",
      from: { path: clientFilesPattern },
      to: { path: serverOnly, reachable: true },
    },
    {
      name: "templates-self-contained",
      severity: "error",
      comment: "lib/templates is bundled into the SDK and the browser: it imports only its own files and packages.",
      from: { path: "^lib/templates/" },
      to: { pathNot: "^(lib/templates/|node_modules/)", dependencyTypesNot: ["core"] },
    },
    {
      name: "templates-no-alias",
      severity: "error",
      comment:
        "The SDK's bundler and type build know nothing of the @/ alias: lib/templates imports its own files by relative path.",
      from: { path: "^lib/templates/" },
      to: { dependencyTypes: ["aliased"] },
    },
    {
      name: "templates-no-server-packages",
      severity: "error",
      comment: "lib/templates is bundled into the SDK and the browser: no Node built-ins or server-only packages.",
      from: { path: "^lib/templates/" },
      to: { path: serverOnly },
    },
    {
      name: "sdk-only-templates",
      severity: "error",
      comment: "The published SDK bundles lib/templates and nothing else of the app.",
      from: { path: "^sdk/src/" },
      to: { path: "^(app|components|lib|server\\.ts)", pathNot: "^lib/templates/" },
    },
    {
      name: "cli-not-to-server",
      severity: "error",
      comment:
        "The galley CLI (sdk/cli) is bundled into the published SDK package: it may use browser-safe lib code (prompt files, validations, templates) but must not reach, through any chain of imports, the database, the Prisma client, a server-only module, pages or components.",
      from: { path: "^sdk/cli/" },
      to: {
        path: "^(app|components)/|^server\\.ts$|^lib/db/|^lib/generated/|^node_modules/server-only/",
        reachable: true,
      },
    },
    {
      name: "collab-shared-browser-safe",
      severity: "error",
      comment:
        "lib/collab/*.ts (the live document's layout, refusals, notices) is read by the browser editor and the live-editing server alike: it must not reach, through any chain of imports, lib/collab/server, the database, Node built-ins or a server-only module.",
      from: { path: "^lib/collab/[^/]+\\.ts$" },
      to: { path: `${serverOnly}|^lib/collab/server/`, reachable: true },
    },
    {
      name: "lib-domains-acyclic",
      severity: "error",
      scope: "folder",
      comment:
        "Folders under lib/ depend on each other in one direction only, so each can be understood (and changed) without the ones above it. Move the shared piece down into the lower folder, or into one both can use.",
      from: { path: "^lib/[^/]+" },
      to: { path: "^lib/[^/]+", circular: true },
    },
    {
      name: "app-code-not-to-tooling",
      severity: "error",
      comment:
        "What ships (app, components, lib, server.ts, the SDK) never imports scripts, tests, end-to-end specs or benchmarks.",
      from: { path: "^(app|components|lib|sdk/src|sdk/cli)/|^server\\.ts$" },
      to: { path: "^(scripts|tests|e2e|bench)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve to a file or a package cannot be checked (and would not build).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // The generated Prisma client stays in the graph (the client rule forbids reaching it) but is not read.
    doNotFollow: { path: "^(node_modules|lib/generated)/" },
    // Tests are not part of the layering: a test beside its code may reach across (sdk/package.test.ts
    // type-checks the usage example the app hands out, for instance).
    exclude: { path: "^(sdk/dist/|\\.next/)|\\.test\\.tsx?$" },
    tsConfig: { fileName: "tsconfig.json" },
    // Only imports that exist at run time: `import type` is erased before bundling, so a client
    // component may name a server module's type, and a type-only reference is not a load-order cycle.
    tsPreCompilationDeps: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
    // A second run with no file changed reuses the first one's result (checked by content).
    cache: { folder: "node_modules/.cache/dependency-cruiser", strategy: "content" },
  },
};

export default config;
