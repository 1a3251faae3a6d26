import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Tests load server modules outside Next's react-server layer, where the `server-only` marker's
// default entry throws; its empty react-server entry stands in (Node entry points do the same in
// lib/entry/allow-server-only.ts).
// y-monaco's Monaco import goes where next.config.js sends it (the Monaco the editor loads), so
// pages that render the editor render here too.
const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
  "monaco-editor/esm/vs/editor/editor.api.js": fileURLToPath(
    new URL("components/collab/monaco-runtime.ts", import.meta.url),
  ),
};

// Integration files whose subject cannot depend on the database run on PGlite only: what they
// check happens before or beside the database, which they reach only to set up a project, a user
// or a key with the same Prisma calls every other file makes on both. Everything about SQL,
// transactions, locking, concurrency or what the driver returns runs on both.
const SAME_ON_EVERY_DATABASE = [
  // limitRequestBody on a bare node:http server: no database at all.
  "tests/integration/body-limit.test.ts",
  // How each route declares it is reached, checked against its path and the permission table:
  // a status past or at the permission check, never a value read back from the database.
  "tests/integration/route-declarations.test.ts",
  // Which outbound addresses the policy refuses (DNS, undici's dispatcher), and an LLM call's
  // timeout against the fake OpenAI server: network behaviour, the same whatever stores the run.
  "tests/integration/outbound-policy.test.ts",
  "tests/integration/playground-timeout.test.ts",
];

// Live editing's files (real WebSocket servers, child processes, a second instance) run as their
// own projects, which npm test runs in the build-and-e2e lane: that lane has room, the integration
// lane is the longest (scripts/test.mjs).
const LIVE_EDITING = ["tests/integration/collab-*.test.ts"];

const integration = (name: string, database: "pglite" | "postgres", files: "live" | "rest") => ({
  resolve: { alias },
  test: {
    name,
    include: files === "live" ? LIVE_EDITING : ["tests/integration/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      ...(files === "rest" ? LIVE_EDITING : []),
      ...(database === "postgres" ? SAME_ON_EVERY_DATABASE : []),
    ],
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/next-runtime.ts", "tests/integration/setup.ts"],
    env: { GALLEY_TEST_DB: database, NODE_ENV: "test", LOG_LEVEL: "warn" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks" as const,
    // Through Vite rather than Node, so the alias above reaches y-monaco's import.
    server: { deps: { inline: ["y-monaco"] } },
  },
});

// unit: pure logic beside its code. integration-*: real databases (each test file gets its own
// copy of a template migrated once per run, see tests/integration/setup.ts) and real processes.
//
// Vitest would pick CPUs − 1 workers: one on our 2-core CI machines, so files ran one after
// another. Integration files mostly wait on a database server, a child process or PGlite's
// single-threaded WASM, so two workers on two cores keep both busy (measured against 3: see the
// note in .ci/run). Timeouts leave room for a machine running 2–3× slower beside another job.
export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      integration("integration-pglite", "pglite", "rest"),
      integration("integration-postgres", "postgres", "rest"),
      integration("collab-pglite", "pglite", "live"),
      integration("collab-postgres", "postgres", "live"),
    ],
  },
});
