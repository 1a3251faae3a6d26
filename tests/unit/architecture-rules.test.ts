// The architecture rules in .dependency-cruiser.mjs, run the way `npm run lint` runs them: over a
// tiny tree written for this test with one bad import per rule (and a few good ones that must pass),
// then over the real tree, which must be clean. The fixture is written to a temporary folder so that
// neither ESLint, tsc nor the real lint run ever sees its bad imports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const config = path.join(root, ".dependency-cruiser.mjs");
const depcruise = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
const lintRun = packageJson.scripts.lint!.match(/depcruise (.+?)(?:$| &&)/);

type Violation = { from: string; to: string; rule: { name: string } };

/** Runs depcruise in `cwd` with `args`; the exit code is what fails `npm run lint`. */
function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [depcruise, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** One "rule: from → to" line per violation that depcruise finds in `cwd` with the real configuration. */
function violations(cwd: string, args: string[]): string[] {
  const result = JSON.parse(run(cwd, [...args, "--output-type", "json"]).stdout) as {
    summary: { violations: Violation[] };
  };
  return [...new Set(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`))].sort();
}

// Path → text. Packages are stand-ins: depcruise only needs to resolve them.
const fixture: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { module: "esnext", moduleResolution: "bundler", jsx: "preserve", paths: { "@/*": ["./*"] } },
  }),
  "node_modules/server-only/package.json": fs.readFileSync(
    path.join(root, "node_modules/server-only/package.json"),
    "utf8",
  ),
  "node_modules/server-only/index.js": 'throw new Error("server only");\n',
  "node_modules/server-only/empty.js": "",
  "node_modules/zod/package.json": '{ "name": "zod", "main": "index.js" }',
  "node_modules/zod/index.js": "export const z = {};\n",
  "scripts/tool.ts": "export const tool = 1;\n",

  "lib/db/index.ts": 'import fs from "node:fs";\nexport const db = { fs };\n',
  "lib/secrets/read-secret.ts": 'import "server-only";\nexport const readSecret = () => "s";\n',
  "lib/things/list-things.ts":
    'import { db } from "@/lib/db";\nexport type Thing = { id: string };\nexport const listThings = (): Thing[] => (db ? [] : []);\n',
  "lib/things/format-thing.ts": "export const formatThing = (id: string) => `#${id}`;\n",
  // Allowed: a client component may import a type from a server module (erased before bundling).
  "components/thing-type.tsx":
    '"use client";\nimport type { Thing } from "@/lib/things/list-things";\nexport const ThingType = (p: Thing) => p.id;\n',
  // Allowed: a server component in components/ loads data; a client component imports browser-safe lib code.
  "components/thing-list.tsx":
    'import { listThings } from "@/lib/things/list-things";\nexport const ThingList = () => listThings().length;\n',
  "components/thing-name.tsx":
    '// A comment before the directive.\n"use client";\nimport { formatThing } from "@/lib/things/format-thing";\nexport const ThingName = () => formatThing("1");\n',
  "app/page.tsx":
    'import { ThingList } from "@/components/thing-list";\nimport { ThingName } from "@/components/thing-name";\nexport default function Page() { return [ThingList, ThingName]; }\n',
  // Allowed: lib/templates imports itself by relative path and packages; the SDK imports lib/templates.
  "lib/templates/render.ts":
    'import { part } from "./part";\nimport { z } from "zod";\nexport const render = () => [part, z];\n',
  "lib/templates/part.ts": "export const part = 1;\n",
  "sdk/src/index.ts": 'import { render } from "../../lib/templates/render";\nexport { render };\n',
  // Allowed: the CLI uses browser-safe lib code and Node built-ins.
  "sdk/cli/format.ts":
    'import fs from "node:fs";\nimport { formatThing } from "../../lib/things/format-thing";\nexport const f = () => [fs, formatThing];\n',
  // Allowed: tests are outside the layering.
  "lib/things/list-things.test.ts": 'import Page from "@/app/page";\nexport { Page };\n',

  // Bad, one per rule:
  "lib/leaks/uses-component.ts": 'import { ThingList } from "@/components/thing-list";\nexport { ThingList };\n',
  "lib/leaks/uses-page.ts": 'import Page from "@/app/page";\nexport { Page };\n',
  "components/uses-page.tsx": 'import Page from "@/app/page";\nexport { Page };\n',
  "components/client-db.tsx": '"use client";\nimport { db } from "@/lib/db";\nexport const A = () => db;\n',
  "components/client-through-lib.tsx":
    "'use client';\nimport { listThings } from \"@/lib/things/list-things\";\nexport const B = () => listThings();\n",
  "lib/generated/prisma/client.ts": "export const Prisma = {};\n",
  "components/client-prisma.tsx":
    '"use client";\nimport { Prisma } from "@/lib/generated/prisma/client";\nexport const E = () => Prisma;\n',
  "components/client-marked.tsx":
    '"use client";\nimport { readSecret } from "@/lib/secrets/read-secret";\nexport const C = () => readSecret();\n',
  "app/client-builtin.tsx":
    '/* a block comment */\n"use client";\nimport path from "node:path";\nexport const D = () => path.sep;\n',
  "lib/templates/uses-alias.ts": 'import { part } from "@/lib/templates/part";\nexport { part };\n',
  "lib/templates/uses-lib.ts": 'import { formatThing } from "../things/format-thing";\nexport { formatThing };\n',
  "lib/templates/uses-node.ts": 'import { createHash } from "node:crypto";\nexport { createHash };\n',
  "lib/alpha/start.ts": 'import { middle } from "@/lib/beta/middle";\nexport const start = () => middle;\n',
  "lib/beta/end.ts": 'import { helper } from "@/lib/alpha/helper";\nexport const end = () => helper;\n',
  "lib/beta/middle.ts": "export const middle = 1;\n",
  "lib/alpha/helper.ts": "export const helper = 1;\n",
  "sdk/src/uses-db.ts": 'import { db } from "../../lib/db";\nexport { db };\n',
  "sdk/cli/through-lib.ts": 'import { listThings } from "../../lib/things/list-things";\nexport { listThings };\n',
  "lib/leaks/uses-script.ts": 'import { tool } from "../../scripts/tool";\nexport { tool };\n',
  "lib/collab/server/open-socket.ts": 'import "server-only";\nexport const openSocket = 1;\n',
  // Allowed: the server side of live editing imports the shared layout.
  "lib/collab/server/use-layout.ts":
    'import { layout } from "@/lib/collab/layout";\nexport const useLayout = layout;\n',
  "lib/collab/layout.ts":
    'import { formatThing } from "@/lib/things/format-thing";\nexport const layout = formatThing;\n',
  "lib/collab/uses-server.ts":
    'import { openSocket } from "@/lib/collab/server/open-socket";\nexport { openSocket };\n',
  "lib/collab/uses-db.ts": 'import { listThings } from "@/lib/things/list-things";\nexport { listThings };\n',
  "lib/leaks/uses-missing.ts": 'import { gone } from "@/lib/nowhere/gone";\nexport { gone };\n',
};

const expected = [
  "lib-not-to-ui: lib/leaks/uses-component.ts → components/thing-list.tsx",
  "lib-not-to-ui: lib/leaks/uses-page.ts → app/page.tsx",
  "components-not-to-app: components/uses-page.tsx → app/page.tsx",
  "client-not-to-server-only: components/client-db.tsx → lib/db/index.ts",
  "client-not-to-server-only: components/client-db.tsx → fs",
  "client-not-to-server-only: components/client-through-lib.tsx → lib/db/index.ts",
  "client-not-to-server-only: components/client-through-lib.tsx → fs",
  "client-not-to-server-only: components/client-marked.tsx → node_modules/server-only/index.js",
  "client-not-to-server-only: components/client-prisma.tsx → lib/generated/prisma/client.ts",
  "client-not-to-server-only: app/client-builtin.tsx → path",
  "templates-no-alias: lib/templates/uses-alias.ts → lib/templates/part.ts",
  "templates-self-contained: lib/templates/uses-lib.ts → lib/things/format-thing.ts",
  "templates-no-server-packages: lib/templates/uses-node.ts → crypto",
  "lib-domains-acyclic: lib/alpha → lib/beta",
  "lib-domains-acyclic: lib/beta → lib/alpha",
  "sdk-only-templates: sdk/src/uses-db.ts → lib/db/index.ts",
  "cli-not-to-server: sdk/cli/through-lib.ts → lib/db/index.ts",
  "app-code-not-to-tooling: lib/leaks/uses-script.ts → scripts/tool.ts",
  "collab-shared-browser-safe: lib/collab/uses-db.ts → fs",
  "collab-shared-browser-safe: lib/collab/uses-db.ts → lib/db/index.ts",
  "collab-shared-browser-safe: lib/collab/uses-server.ts → lib/collab/server/open-socket.ts",
  "collab-shared-browser-safe: lib/collab/uses-server.ts → node_modules/server-only/index.js",
  "not-to-unresolvable: lib/leaks/uses-missing.ts → @/lib/nowhere/gone",
].sort();

describe("architecture rules (.dependency-cruiser.mjs)", () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-architecture-"));
    for (const [file, text] of Object.entries(fixture)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is what npm run lint runs", () => {
    expect(packageJson.scripts.lint).toContain("eslint --max-warnings 0 .");
    expect(lintRun?.[1]).toContain("--config .dependency-cruiser.mjs");
  });

  // depcruise loads TypeScript on every run: 28 s once beside other CPU-heavy jobs, over the unit
  // project's 20 s default, so the runs that spawn it get the margin the real-tree run has.
  it("reports each bad import in the fixture, and nothing else", { timeout: 120_000 }, () => {
    const args = ["--config", config, "--no-cache", "app", "components", "lib", "sdk"];
    expect(violations(dir, args)).toEqual(expected);
    expect(run(dir, args).status).not.toBe(0);
  });

  it("has a bad import in the fixture for every rule", async () => {
    const { forbidden } = (await import(config)).default as { forbidden: Array<{ name: string }> };
    const reported = new Set(expected.map((line) => line.slice(0, line.indexOf(":"))));
    expect(forbidden.map((rule) => rule.name).filter((name) => !reported.has(name))).toEqual([]);
  });

  it("finds nothing in the real tree", { timeout: 120_000 }, () => {
    const lint = run(root, lintRun![1]!.split(" "));
    expect(lint.stdout + lint.stderr).toContain("no dependency violations found");
    expect(lint.status).toBe(0);
  });
});
